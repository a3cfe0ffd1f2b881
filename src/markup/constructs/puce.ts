// Bullets ("puces"): `-` at the start of a line (not a list's `-*`/`-#`, not a rule's `----`), and `--`
// (a dash bullet).
//
//   - text      -- text
import type { LineStartConstruct } from '../construct.ts';

export const puce: LineStartConstruct = {
  name: 'puce',
  starts: '-',
  tokenize(parser, i, afterBreak) {
    const text = parser.text;
    const end = parser.end;
    const c1 = text.charCodeAt(i + 1);
    if (c1 === 45 && text.charCodeAt(i + 2) !== 45) {
      let j = i + 2;
      while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      parser.push({ type: 'puce', kind: 'dash', afterBreak, position: parser.pos(i, j) }, i);
      parser.bufStart = j;
      return j;
    }
    if (c1 !== 45 && c1 !== 42 && c1 !== 35) {
      let j = i + 1;
      while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
      parser.push({ type: 'puce', kind: 'puce', afterBreak, position: parser.pos(i, j) }, i);
      parser.bufStart = j;
      return j;
    }
    return -1;
  },
};
