// State shared by the parsing passes of one document: the islands found by the scanner, the profile
// (which constructs are recognised), and what the document collects (footnotes, references).
import type { Footnote, Reference } from './ast.ts';
import type { Island } from './scan.ts';

export interface ParseContext {
  islands: Island[];
  profile: 'article' | 'forum';
  lang: string;
  footnotes: Footnote[];
  references: (Reference & { at: number })[];
  referenceKeys: Set<string>;
  glossaryOptOut: boolean;
  /** Next automatic footnote number. */
  noteNumber: number;
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

/** Reads the placeholder at `pos` (U+E000 digits U+E001); returns the island index and the end. */
export function readPlaceholder(text: string, pos: number): { index: number; end: number } {
  const close = text.indexOf('\uE001', pos + 1);
  return { index: Number(text.slice(pos + 1, close)), end: close + 1 };
}
