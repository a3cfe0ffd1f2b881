// Horizontal rule: a line starting with four dashes or more (`----`); the rest of the line is text.
//
//   ----+ text?
import type { LineConstruct } from '../construct.ts';
import { toSource } from '../working.ts';

/** `----` (four dashes or more) at line start; returns the index after the dashes. */
export function readRule(text: string, lineStart: number, lineEnd: number): number {
  let i = lineStart;
  while (i < lineEnd && text.charCodeAt(i) === 45) i++;
  return i - lineStart >= 4 ? i : -1;
}

export const rule: LineConstruct = {
  name: 'rule',
  starts: '-',
  tokenize(reader, ls, le) {
    // inside a list, the line belongs to its last item (blocks.ts)
    if (reader.list !== null && reader.list.length > 0) return -1;
    const text = reader.text;
    const after = readRule(text, ls, le);
    if (after < 0) return -1;
    reader.addBlock({ type: 'horizontalRule', position: { start: toSource(reader.w, ls), end: toSource(reader.w, after) } });
    let rest = after;
    while (rest < le && (text.charCodeAt(rest) === 32 || text.charCodeAt(rest) === 9)) rest++;
    if (rest < le) {
      reader.paraStart = rest;
      reader.paraEnd = le;
      reader.paraAfterBlank = true;
    }
    return le + 1;
  },
};
