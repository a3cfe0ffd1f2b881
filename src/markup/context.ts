// What the parsing passes of one document do with their shared state (ParseContext, declared in
// construct.ts with the dispatch tables it holds): the targets the text mentions, the footnotes in text order.
import type { Footnote, Reference } from './ast.ts';
import type { ParseContext, ReadNote } from './construct.ts';

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
