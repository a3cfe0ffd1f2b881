// State shared by the parsing passes of one document: the islands found by the scanner, the profile
// (which constructs are recognised), and what the document collects (footnotes, references).
import type { Footnote, FootnoteRefNode, Reference } from './ast.ts';
import type { Island } from './scan.ts';

export interface ParseContext {
  islands: Island[];
  profile: 'article' | 'forum';
  lang: string;
  footnotes: Footnote[];
  references: (Reference & { at: number })[];
  referenceKeys: Set<string>;
  glossaryOptOut: boolean;
  /** For each footnote: where it starts in the source, whether it is numbered automatically, its call. */
  noteSources: { start: number; auto: boolean; ref: FootnoteRefNode | null }[];
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
 * Puts the footnotes in text order and numbers the automatic ones 1, 2, 3… in that order, as SPIP
 * does. The passes read them in another order at times (a list is read before the paragraph above it,
 * a heading before the text around it).
 */
export function numberFootnotes(ctx: ParseContext): void {
  const sources = ctx.noteSources;
  let inOrder = true;
  for (let k = 1; k < sources.length && inOrder; k++) if ((sources[k] as { start: number }).start < (sources[k - 1] as { start: number }).start) inOrder = false;
  const order = sources.map((_, k) => k);
  if (!inOrder) order.sort((a, b) => (sources[a] as { start: number }).start - (sources[b] as { start: number }).start);
  const footnotes: Footnote[] = [];
  let number = 1;
  for (const k of order) {
    const note = ctx.footnotes[k] as Footnote;
    const source = sources[k] as (typeof sources)[number];
    if (source.auto) note.label = String(number++);
    if (source.ref) source.ref.note = footnotes.length;
    footnotes.push(note);
  }
  ctx.footnotes = footnotes;
}
