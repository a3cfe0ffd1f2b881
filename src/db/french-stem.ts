// Words as the search index stores them: folded (lower case, no accents, œ → oe) and reduced to their Snowball
// stem, French, or English for an English text (issue 22). It lives in db/ because SQLite's index triggers call it: connect.ts
// registers `tisse_search_stems()` on every connection (FTS5 has no French stemmer of its own), and
// search/ uses the same functions for queries and snippets, so a word is stemmed the same way everywhere.
import type BetterSqlite3 from 'better-sqlite3';
import { newStemmer } from 'snowball-stemmers';

const stemmer = newStemmer('french');
const englishStemmer = newStemmer('english');

/**
 * The stemmers of texts' languages (issue 22): English for English texts ("en", "en-GB"), French for every other,
 * as the French site's texts always were. PostgreSQL picks its configuration by the same rule
 * (migration 062, isEnglish).
 */
export type StemLanguage = 'fr' | 'en';

export function stemLanguageOf(tag: string | null | undefined): StemLanguage {
  return tag && /^en(-|$)/i.test(tag) ? 'en' : 'fr';
}

/** Lower case without diacritics: "Économie" → "economie", "Œuvre" → "oeuvre". */
export function fold(word: string): string {
  // Most words are already plain ASCII lower case: snippets fold every word of every result shown.
  if (!/[^a-z0-9]/.test(word)) return word;
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

const stemCache = new Map<string, string>();

/** The Snowball stem of an already folded word in `lang`: French unless told (memoised). */
export function stem(folded: string, lang: StemLanguage = 'fr'): string {
  if (lang === 'en') return englishStem(folded);
  let result = stemCache.get(folded);
  if (result === undefined) {
    result = stemmer.stem(folded);
    // Bounded, so a flood of distinct words (an import) cannot grow it without end.
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(folded, result);
  }
  return result;
}

const englishCache = new Map<string, string>();

function englishStem(folded: string): string {
  let result = englishCache.get(folded);
  if (result === undefined) {
    result = englishStemmer.stem(folded);
    if (englishCache.size > 200_000) englishCache.clear();
    englishCache.set(folded, result);
  }
  return result;
}

/** Longer texts are indexed on their first characters, as on PostgreSQL (a tsvector is limited to 1 MB). */
export const INDEXED_CHARS = 200_000;

/**
 * The text as the index stores it: every word (runs of letters and digits) folded and stemmed, in order,
 * separated by spaces. Stopwords stay, so phrase positions are the text's own.
 */
export function stemText(text: string | null | undefined, lang: StemLanguage = 'fr'): string {
  if (!text) return '';
  // Folding the whole text at once is much cheaper than word by word.
  const folded = fold(text.length > INDEXED_CHARS ? text.slice(0, INDEXED_CHARS) : text);
  let out = '';
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) out += (out ? ' ' : '') + stem(match[0], lang);
  return out;
}

/**
 * Registers the functions the search triggers of migration 011 call. Every connection that writes articles,
 * sections, glossary terms or forum messages needs them (an `sqlite3` shell without them gets "no such
 * function" on such a write: use `tisse` commands, or drop the triggers and `tisse reindex` afterwards).
 */
export function registerSearchFunctions(raw: BetterSqlite3.Database): void {
  raw.function('tisse_search_stems', { deterministic: true }, (text: unknown) => stemText(text == null ? '' : String(text)));
  // An article's text in its language (migration 062): tisse_search_stems(text, lang).
  raw.function('tisse_search_stems_in', { deterministic: true }, (text: unknown, lang: unknown) => stemText(text == null ? '' : String(text), stemLanguageOf(lang == null ? '' : String(lang))));
  // articles.title_folded (migration 031): the back office's title search, accent- and case-insensitive.
  raw.function('tisse_fold', { deterministic: true }, (text: unknown) => (text == null ? '' : fold(String(text))));
}
