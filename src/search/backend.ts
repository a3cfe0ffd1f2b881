// What each database's search implementation provides: ranked ids of visible objects, and a full rebuild.
import type { Db } from '../db/connect.ts';
import type { ParsedQuery } from './query.ts';

export type SearchKind = 'article' | 'section' | 'glossary' | 'forum';
/** Codes stored in the index (see db/migrations/011-search-stems.ts). */
export const kindCodes: Record<SearchKind, number> = { article: 0, section: 1, glossary: 2, forum: 3 };
export const kindOfCode: SearchKind[] = ['article', 'section', 'glossary', 'forum'];

/**
 * Matches are counted up to this many: enough for every page a reader may open (MAX_PAGE × per page),
 * without counting 40,000 matches of a common word on each query.
 */
export const COUNT_LIMIT = 1000;

export interface RankedHit {
  kind: SearchKind;
  id: number;
  score: number;
}

export interface RankOptions {
  limit: number;
  offset: number;
  /** Articles published after this instant are not visible yet. */
  now: string;
}

export interface RankResult {
  hits: RankedHit[];
  /** How many visible objects match, counted up to COUNT_LIMIT. */
  total: number;
  /** There are more than `total` (the count stopped at COUNT_LIMIT). */
  totalCapped: boolean;
}

export interface SearchBackend {
  /** Visible objects matching every word and phrase of the query, best first, and how many there are. */
  rank(db: Db, query: ParsedQuery, options: RankOptions): Promise<RankResult>;
  /** Empties the index and fills it again from the tables; reports progress as rows done out of a total. */
  reindex(db: Db, progress: (done: number, total: number) => void): Promise<{ indexed: number }>;
}

/** The total of a page of hits without counting again when the page itself tells it (first page not full). */
export async function boundedTotal(hits: RankedHit[], options: RankOptions, count: (limit: number) => Promise<number>): Promise<{ total: number; totalCapped: boolean }> {
  if (hits.length < options.limit && (hits.length > 0 || options.offset === 0)) return { total: options.offset + hits.length, totalCapped: false };
  const n = await count(COUNT_LIMIT + 1);
  return n > COUNT_LIMIT ? { total: COUNT_LIMIT, totalCapped: true } : { total: n, totalCapped: false };
}
