// What a range of a working string shows as plain text, islands included (a link's target or title,
// which are attributes, not markup).
import type { ParseContext } from './construct.ts';
import { finderOf, placeholderEnd, placeholderIndex, working, type Working } from './working.ts';

/** Text of a working-string range with islands replaced by what they show as plain text. */
export function plainText(w: Working, s: number, e: number, ctx: ParseContext): string {
  let out = '';
  let i = s;
  while (i < e) {
    const ph = finderOf(w).next('\uE000', i);
    if (ph < 0 || ph >= e) {
      out += w.text.slice(i, e);
      break;
    }
    out += w.text.slice(i, ph);
    const index = placeholderIndex(w.text, ph);
    const end = placeholderEnd(w.text, ph);
    const island = ctx.islands[index];
    if (island && (island.kind === 'code' || island.kind === 'rawText' || island.kind === 'math')) out += island.value;
    else if (island && (island.kind === 'model' || island.kind === 'escaped')) out += island.kind === 'model' ? island.source : island.value;
    i = end;
  }
  return out;
}

/** A string cut from a working string, with placeholders replaced by their plain text. */
export function resolvePlaceholders(s: string, ctx: ParseContext): string {
  if (!s.includes('\uE000')) return s;
  return plainText(working(s, []), 0, s.length, ctx);
}
