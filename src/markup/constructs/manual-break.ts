// A forced line break: `_ ` at the start of a line (or `_` ending the run).
//
//   _ text
import type { LineStartConstruct } from '../construct.ts';

export const manualBreak: LineStartConstruct = {
  name: 'manualBreak',
  starts: '_',
  tokenize(parser, i) {
    const text = parser.text;
    if (!(text.charCodeAt(i + 1) === 32 || i + 1 === parser.end)) return -1;
    parser.push({ type: 'break', kind: 'manual', position: parser.pos(i, i + 1) }, i);
    let j = i + 1;
    while (j < parser.end && text.charCodeAt(j) === 32) j++;
    parser.bufStart = j;
    return j;
  },
};
