// Headings ("intertitres"): `{{{Titre}}}`, anywhere in a paragraph; it closes the paragraph around it.
//
//   {{{ inline… }}}
import type { Finder } from '../finder.ts';

/** Finds `{{{…}}}` starting at `pos`; returns the content range and the end, or null. */
export function readHeading(text: string, pos: number, end: number, finder: Finder): { start: number; end: number; after: number } | null {
  if (!text.startsWith('{{{', pos)) return null;
  const close = finder.next('}}}', pos + 3);
  if (close < 0 || close + 3 > end) return null;
  return { start: pos + 3, end: close, after: close + 3 };
}
