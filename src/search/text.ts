// French text for search: accent and case folding, word splitting, Snowball French stems, stopwords. Queries, snippets and the SQLite index (through its triggers)
// all use these functions, so a word is folded and stemmed the same way wherever it is compared.
import { fold, stem, type StemLanguage } from '../db/french-stem.ts';

// Folding and stemming live in db/ because SQLite's index triggers call them (db/french-stem.ts).
export { fold, stem, type StemLanguage };

/** Words of a text with their offsets: runs of letters and digits (apostrophes and hyphens separate). */
export function* words(text: string): Generator<{ word: string; start: number; end: number }> {
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    yield { word: match[0], start: match.index, end: match.index + match[0].length };
  }
}

/** Common French words that say nothing about a text; dropped from queries outside quoted phrases. */
export const stopwords = new Set(
  (
    'a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete etre est sont ont avait fait plus sans sous entre comme si tout tous toute toutes aussi donc car ni or'
  ).split(' '),
);
