// Search on PostgreSQL: a weighted tsvector per object (french configuration, accents folded by
// tisse_search_fold), GIN-indexed and maintained by statement-level triggers (db/search-index.ts and db/migrations/011-search-stems.ts).
// The query is built from parsed words only (letters and digits), so it can never be tsquery syntax
// typed by a reader; to_tsquery stems words, prefixes and phrases as the index was stemmed.
// Ranking: ts_rank_cd with weights title (A) 1.0, lead (B) 0.4, text (C) 0.2, postscript (D) 0.1, over bounded
// candidates (decision 010, second amendment), as on SQLite: title-or-lead matches (the query with weights
// A and B) first, then body-only ones; in each group the RANKED_CANDIDATES newest are ranked, older ones
// follow newest first. What made common words slow here was not ts_rank_cd but reading every match's heap
// row (a word in a third of the articles reads the whole table): newest first is a backward scan of the
// primary key (kind, object_id) that stops at the LIMIT, one per kind, which the planner picks when the
// word is common (a rare one still goes through the GIN index). Visibility: `visible_from` is stored on
// each entry, no join per match.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { RANKED_CANDIDATES, boundedCount, kindOfCode, pageOfGroups, type MatchGroup, type RankOptions, type RankedHit, type SearchBackend } from './backend.ts';
import type { ParsedQuery } from './query.ts';
import { rebuildIndex } from './reindex-batches.ts';

/** The tsquery text: words ANDed, prefixes as word:*, phrases with <->; with `weights`, each word only there. */
export function tsqueryText(query: ParsedQuery, weights = ''): string {
  const parts = query.words.map((w) => (w.prefix ? `${w.folded}:*${weights}` : weights ? `${w.folded}:${weights}` : w.folded));
  for (const phrase of query.phrases) parts.push(`(${phrase.map((w) => (weights ? `${w.folded}:${weights}` : w.folded)).join(' <-> ')})`);
  return parts.join(' & ');
}

const KINDS = [0, 1, 2, 3];

export const postgresSearch: SearchBackend = {
  async rank(db: Db, query: ParsedQuery, options: RankOptions) {
    const text = tsqueryText(query);
    if (!text) return { hits: [], total: 0, totalCapped: false };
    // Inline (not in FROM) so that the planner sees constants: its estimate of how many rows match
    // chooses between the GIN index and the newest-first primary key scan.
    // An English article is indexed with the 'english' configuration, every other text with 'french' (migration
    // 062): a text matches the query stemmed in its language, so the query is looked up in both.
    const inBoth = (words: string) => sql`(to_tsquery('french'::regconfig, tisse_search_fold(${words})) || to_tsquery('english'::regconfig, tisse_search_fold(${words})))`;
    const tsquery = inBoth(text);
    // Weights A (title) and B (lead): every word and phrase found there.
    const titledQuery = inBoth(tsqueryText(query, 'AB'));
    const visible = sql`(e.visible_from IS NULL OR e.visible_from <= ${options.now})`;
    const score = sql`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', c.vector, ${tsquery})`;
    const toHit = (r: { kind: number; object_id: number; score: number | string }): RankedHit => ({ kind: kindOfCode[r.kind]!, id: r.object_id, score: Number(r.score) });
    /** A group's matches newest first (object_id, then kind, descending: SQLite's rowid order), `count` of them. */
    const newest = (where: ReturnType<typeof sql>, count: number) => sql`
      SELECT kind, object_id, vector FROM (${sql.join(
        KINDS.map((kind) => sql`(SELECT e.kind, e.object_id, e.vector FROM search_entries e WHERE e.kind = ${sql.lit(kind)} AND ${where} AND ${visible} ORDER BY e.object_id DESC LIMIT ${count})`),
        sql` UNION ALL `,
      )}) k ORDER BY object_id DESC, kind DESC`;
    const group = (where: ReturnType<typeof sql>): MatchGroup => ({
      async ranked(limit, offset) {
        const rows = await sql<{ kind: number; object_id: number; score: number }>`
          SELECT c.kind, c.object_id, ${score} AS score FROM (${newest(where, RANKED_CANDIDATES)} LIMIT ${RANKED_CANDIDATES}) c
          ORDER BY score DESC, c.kind, c.object_id LIMIT ${limit} OFFSET ${offset}`.execute(db.kysely);
        return rows.rows.map(toHit);
      },
      async older(limit, offset) {
        const rows = await sql<{ kind: number; object_id: number }>`
          SELECT c.kind, c.object_id FROM (${newest(where, RANKED_CANDIDATES + offset + limit)}) c
          LIMIT ${limit} OFFSET ${RANKED_CANDIDATES + offset}`.execute(db.kysely);
        // Past the ranked candidates the order is recency alone: no score.
        return rows.rows.map((r) => toHit({ ...r, score: 0 }));
      },
      async count(limit) {
        const rows = await sql<{ n: string }>`
          SELECT count(*) AS n FROM (SELECT 1 FROM search_entries e WHERE ${where} AND ${visible} LIMIT ${limit}) s`.execute(db.kysely);
        return Number(rows.rows[0]?.n ?? 0);
      },
    });
    // Counted up to RANKED_CANDIDATES + 1 (the bitmap heap scan stops there): the bounded total, and
    // whether every match can be ranked at once.
    const counted = await group(sql`e.vector @@ ${tsquery}`).count(RANKED_CANDIDATES + 1);
    const total = boundedCount(counted);
    if (counted === 0) return { hits: [], ...total };
    if (counted <= RANKED_CANDIDATES) {
      // Few enough: one query ranks them all, title-or-lead matches first.
      const rows = await sql<{ kind: number; object_id: number; score: number }>`
        SELECT c.kind, c.object_id, ${score} AS score FROM search_entries c
        WHERE c.vector @@ ${tsquery} AND (c.visible_from IS NULL OR c.visible_from <= ${options.now})
        ORDER BY (c.vector @@ ${titledQuery}) DESC, score DESC, c.kind, c.object_id LIMIT ${options.limit} OFFSET ${options.offset}`.execute(db.kysely);
      return { hits: rows.rows.map(toHit), ...total };
    }
    // The title-or-lead condition repeats the plain query: the planner ignores weights, so alone it estimates
    // as many rows as the plain query and scans the whole primary key for a few title matches (105 ms
    // instead of 31 for `economie sociale`); ANDed, its estimate drops and a rare one goes through GIN.
    const hits = await pageOfGroups(options, [group(sql`e.vector @@ ${tsquery} AND e.vector @@ ${titledQuery}`), group(sql`e.vector @@ ${tsquery} AND NOT (e.vector @@ ${titledQuery})`)]);
    return { hits, ...total };
  },

  reindex(db, progress) {
    // Building the GIN index once at the end is much faster than updating it row after row.
    return rebuildIndex(
      db,
      ['TRUNCATE search_entries', 'DROP INDEX search_entries_vector', "SET LOCAL maintenance_work_mem = '256MB'"],
      progress,
      ['CREATE INDEX search_entries_vector ON search_entries USING gin (vector)', 'ANALYZE search_entries'],
    );
  },
};
