// Horizontal rule: a line starting with four dashes or more (`----`); the rest of the line is text.
//
//   ----+ text?

/** `----` (four dashes or more) at line start; returns the index after the dashes. */
export function readRule(text: string, lineStart: number, lineEnd: number): number {
  let i = lineStart;
  while (i < lineEnd && text.charCodeAt(i) === 45) i++;
  return i - lineStart >= 4 ? i : -1;
}
