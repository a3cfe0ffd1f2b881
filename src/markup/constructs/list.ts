// Lists: a line starting with `-*` (unordered) or `-#` (ordered); repeating the marker nests deeper.
//
//   -* item          -# item
//   -** nested       -## nested
//   following line   (continues the item)
//
// Depth is capped so a hostile `-*****…` line cannot build an unbounded tree.
import type { LineConstruct } from '../construct.ts';

export const MAX_LIST_DEPTH = 8;

export interface ListMarker {
  depth: number;
  ordered: boolean;
  contentStart: number;
}

export function readListMarker(text: string, lineStart: number, lineEnd: number): ListMarker | null {
  if (text.charCodeAt(lineStart) !== 45) return null;
  const first = text.charCodeAt(lineStart + 1);
  if (first !== 42 && first !== 35) return null;
  let i = lineStart + 1;
  while (i < lineEnd && (text.charCodeAt(i) === 42 || text.charCodeAt(i) === 35)) i++;
  return { depth: Math.min(i - lineStart - 1, MAX_LIST_DEPTH), ordered: first === 35, contentStart: i };
}


/** Each `-*`/`-#` line is an entry of the list being read (its following lines continue it: blocks.ts). */
export const list: LineConstruct = {
  name: 'list',
  starts: '-',
  tokenize(reader, ls, le) {
    const marker = readListMarker(reader.text, ls, le);
    if (!marker) return -1;
    reader.flushPara();
    if (!reader.list) reader.list = [];
    reader.list.push({ depth: marker.depth, ordered: marker.ordered, parts: [{ start: marker.contentStart, end: le }], start: ls });
    reader.afterBlank = false;
    return le + 1;
  },
};
