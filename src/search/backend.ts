// What each database's search implementation provides: ranked ids of visible objects, and a full rebuild.
import type { Db } from '../db/connect.ts';
import type { ParsedQuery } from './query.ts';

export type SearchKind = 'article' | 'section' | 'glossary' | 'forum';
/** Codes stored in the index (see db/search-index.ts and db/migrations/011-search-stems.ts). */
export const kindCodes: Record<SearchKind, number> = { article: 0, section: 1, glossary: 2, forum: 3 };
export const kindOfCode: SearchKind[] = ['article', 'section', 'glossary', 'forum'];

/**
 * Matches are counted up to this many: enough for every page a reader may open (MAX_PAGE × per page),
 * without counting 40,000 matches of a common word on each query.
 */
export const COUNT_LIMIT = 1000;

/**
 * Matches ranked per group and query: the newest this many (decision 010, second amendment). Ranking every
 * match of a common word (20,000 to 40,000 at 100,000 articles) cost most of a query. More than MAX_PAGE ×
 * RESULTS_PER_PAGE (search/index.ts), so every page a reader may open is ranked.
 */
export const RANKED_CANDIDATES = 2000;

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

/** The total a reader is told from matches counted up to at least COUNT_LIMIT + 1. */
export function boundedCount(counted: number): { total: number; totalCapped: boolean } {
  return counted > COUNT_LIMIT ? { total: COUNT_LIMIT, totalCapped: true } : { total: counted, totalCapped: false };
}

/**
 * One group of matches, as a database answers it. "Newest" is the order of the index's ids (SQLite's FTS5
 * rowid, id × 4 + kind; the same on PostgreSQL), so an object created later comes first.
 */
export interface MatchGroup {
  /** A page of the group's RANKED_CANDIDATES newest matches, best first. */
  ranked(limit: number, offset: number): Promise<RankedHit[]>;
  /** A page of the group's matches older than those, newest first, unranked. */
  older(limit: number, offset: number): Promise<RankedHit[]>;
  /** How many matches the group has, counted up to `limit`. */
  count(limit: number): Promise<number>;
}

/**
 * One page over a single order of every visible match, whatever the page asked: group after group (title-
 * or-lead matches, then body-only ones), each its newest RANKED_CANDIDATES ranked, then its older matches
 * newest first. The order never depends on the page, so pages neither overlap nor skip; a later group is
 * only queried when the page reaches past the earlier ones (page 1 of a common word ranks one group).
 */
export async function pageOfGroups(options: RankOptions, groups: MatchGroup[]): Promise<RankedHit[]> {
  const hits: RankedHit[] = [];
  let offset = options.offset;
  for (const group of groups) {
    let left = options.limit - hits.length;
    if (left === 0) break;
    const ranked = await group.ranked(left, offset);
    hits.push(...ranked);
    left -= ranked.length;
    if (left === 0) break;
    // The page reaches past this group's ranked part: where does it end, and are there older matches?
    let olderOffset: number;
    // A short page that starts inside the ranked part tells its size without counting.
    if (ranked.length > 0 || offset === 0) {
      if (offset + ranked.length < RANKED_CANDIDATES) {
        offset = 0;
        continue;
      }
      olderOffset = 0;
    } else {
      const size = await group.count(RANKED_CANDIDATES);
      if (size < RANKED_CANDIDATES) {
        offset -= size;
        continue;
      }
      olderOffset = offset - RANKED_CANDIDATES;
    }
    const older = await group.older(left, olderOffset);
    hits.push(...older);
    if (older.length > 0 || olderOffset === 0) offset = 0;
    // The whole group lies before the page: skip its size (counted just far enough).
    else offset -= await group.count(offset + 1);
  }
  return hits;
}
