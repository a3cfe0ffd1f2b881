// Search on PostgreSQL: a weighted tsvector per object (french configuration, accents folded by
// tisse_search_fold), GIN-indexed and maintained by statement-level triggers (db/migrations/011-search-stems.ts).
// The query is built from parsed words only (letters and digits), so it can never be tsquery syntax
// typed by a reader; to_tsquery stems words, prefixes and phrases as the index was stemmed.
// Ranking: ts_rank_cd with weights title (A) 1.0, lead (B) 0.4, text (C) 0.2, postscript (D) 0.1, in SQL
// with LIMIT/OFFSET. Visibility: `visible_from` is stored on each entry, no join per match.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { boundedTotal, kindOfCode, type RankOptions, type RankedHit, type SearchBackend } from './backend.ts';
import type { ParsedQuery } from './query.ts';
import { rebuildIndex } from './reindex-batches.ts';

/** The tsquery text: words ANDed, prefixes as word:*, phrases with <->. */
export function tsqueryText(query: ParsedQuery): string {
  const parts = query.words.map((w) => (w.prefix ? `${w.folded}:*` : w.folded));
  for (const phrase of query.phrases) parts.push(`(${phrase.map((w) => w.folded).join(' <-> ')})`);
  return parts.join(' & ');
}

export const postgresSearch: SearchBackend = {
  async rank(db: Db, query: ParsedQuery, options: RankOptions) {
    const text = tsqueryText(query);
    if (!text) return { hits: [], total: 0, totalCapped: false };
    const tsquery = sql`to_tsquery('french'::regconfig, tisse_search_fold(${text}))`;
    const visible = sql`(e.visible_from IS NULL OR e.visible_from <= ${options.now})`;
    const rows = await sql<{ kind: number; object_id: number; score: number }>`
      SELECT e.kind, e.object_id, ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', e.vector, q.q) AS score
      FROM search_entries e, ${tsquery} AS q(q)
      WHERE e.vector @@ q.q AND ${visible}
      ORDER BY score DESC, e.kind, e.object_id
      LIMIT ${options.limit} OFFSET ${options.offset}`.execute(db.kysely);
    const hits: RankedHit[] = rows.rows.map((r) => ({ kind: kindOfCode[r.kind]!, id: r.object_id, score: Number(r.score) }));
    const total = await boundedTotal(hits, options, async (limit) => {
      const count = await sql<{ n: string }>`
        SELECT count(*) AS n FROM (SELECT 1 FROM search_entries e, ${tsquery} AS q(q) WHERE e.vector @@ q.q AND ${visible} LIMIT ${limit}) s`.execute(db.kysely);
      return Number(count.rows[0]?.n ?? 0);
    });
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
