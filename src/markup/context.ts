// State shared by the parsing passes of one document: the islands found by the scanner, the profile's
// dispatch tables (which constructs are recognised: syntax.ts), and what the document collects (footnotes, references).
import type { Footnote, FootnoteRefNode, Reference } from './ast.ts';
import type { Island } from './scan.ts';
import type { Syntax } from './syntax.ts';

/** A footnote as read: where it starts in the source, whether it is numbered automatically, its call. */
export interface ReadNote {
  note: Footnote;
  start: number;
  auto: boolean;
  ref: FootnoteRefNode | null;
}

export interface ParseContext {
  islands: Island[];
  syntax: Syntax;
  lang: string;
  references: (Reference & { at: number })[];
  referenceKeys: Set<string>;
  glossaryOptOut: boolean;
  /** The footnotes in the order the passes read them (see footnotesInTextOrder). */
  notes: ReadNote[];
  /** Nesting of recursive parses (quotes, notes, list items), capped to keep the stack small. */
  depth: number;
}

/** Records a target once, with where it first appears (the document lists them in text order). */
export function addReference(ctx: ParseContext, ref: Reference, at: number): void {
  const key = `${ref.type}:${ref.id}`;
  const known = ctx.referenceKeys.has(key);
  if (known) {
    const existing = ctx.references.find((r) => r.type === ref.type && r.id === ref.id);
    if (existing && at < existing.at) existing.at = at;
    return;
  }
  ctx.referenceKeys.add(key);
  ctx.references.push({ type: ref.type, id: ref.id, at });
}

/** The island number of the placeholder at `pos` (U+E000 digits U+E001), read without allocating. */
export function placeholderIndex(text: string, pos: number): number {
  let n = 0;
  for (let i = pos + 1; ; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return n;
    n = n * 10 + c - 48;
  }
}

/** The offset just after the placeholder at `pos`. */
export function placeholderEnd(text: string, pos: number): number {
  return text.indexOf('\uE001', pos + 1) + 1;
}

/**
 * The footnotes in text order, the automatic ones numbered 1, 2, 3… in that order, as SPIP does; each
 * call points to its note. The passes read them in another order at times (a list is read before the
 * paragraph above it, a heading before the text around it).
 */
export function footnotesInTextOrder(notes: ReadNote[]): Footnote[] {
  // most texts are read in order: no copy and no sort for them (a sort is stable: notes never share a start)
  let sorted = true;
  for (let k = 1; k < notes.length && sorted; k++) sorted = (notes[k - 1] as ReadNote).start < (notes[k] as ReadNote).start;
  const ordered = sorted ? notes : [...notes].sort((a, b) => a.start - b.start);
  let number = 1;
  return ordered.map((read, k) => {
    if (read.auto) read.note.label = String(number++);
    if (read.ref) read.ref.note = k;
    return read.note;
  });
}
