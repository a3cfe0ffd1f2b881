// Search on PostgreSQL: a weighted tsvector per object (french configuration, accents folded by
// tisse_search_fold), GIN-indexed and maintained by triggers (db/migrations/010-search.ts).
// The query is built from parsed words only (letters and digits), so it can never be tsquery syntax
// typed by a reader. Ranking: ts_rank with weights title 1.0, lead 0.4, text 0.2, postscript 0.1.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { kindOfCode, visibleEntry, type RankOptions, type RankedHit, type SearchBackend } from './backend.ts';
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
    if (!text) return { hits: [], total: 0 };
    const rows = await sql<{ kind: number; object_id: number; score: number; total: string }>`
      SELECT e.kind, e.object_id, ts_rank('{0.1, 0.2, 0.4, 1.0}', e.vector, q.q, 1) AS score, count(*) OVER () AS total
      FROM search_entries e, (SELECT to_tsquery('french'::regconfig, tisse_search_fold(${text})) AS q) q
      WHERE e.vector @@ q.q AND ${visibleEntry('e.kind', 'e.object_id', options.now)}
      ORDER BY score DESC, e.kind, e.object_id
      LIMIT ${options.limit} OFFSET ${options.offset}`.execute(db.kysely);
    const hits: RankedHit[] = rows.rows.map((r) => ({ kind: kindOfCode[r.kind]!, id: r.object_id, score: Number(r.score) }));
    let total: number | string | undefined = rows.rows[0]?.total;
    if (total === undefined && options.offset > 0) {
      const count = await sql<{ n: string }>`
        SELECT count(*) AS n FROM search_entries e, (SELECT to_tsquery('french'::regconfig, tisse_search_fold(${text})) AS q) q
        WHERE e.vector @@ q.q AND ${visibleEntry('e.kind', 'e.object_id', options.now)}`.execute(db.kysely);
      total = count.rows[0]?.n;
    }
    return { hits, total: Number(total ?? 0) };
  },

  reindex(db, progress) {
    return rebuildIndex(db, 'TRUNCATE search_entries', progress);
  },
};
