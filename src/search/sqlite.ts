// Search on SQLite: FTS5 over folded, stemmed words (the triggers of db/migrations/011-search-stems.ts call
// tisse_search_stems(), registered on every connection), so a query is a single MATCH on stems: words,
// prefixes of stems and phrases of stems, all ANDed.
// Ranking: bm25 with column weights title 10, lead 4, text 2, postscript 1, in SQL with LIMIT/OFFSET.
// Visibility: the few objects whose date has not come (search_visible_from) are excluded by one
// uncorrelated subquery, evaluated once per query, instead of a join per match.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { boundedTotal, kindOfCode, type RankOptions, type RankedHit, type SearchBackend } from './backend.ts';
import type { ParsedQuery, QueryWord } from './query.ts';
import { rebuildIndex } from './reindex-batches.ts';
import { stem } from './text.ts';

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * The stem a query word is looked up by. A prefix is stemmed too (écono* → econom*), as PostgreSQL's
 * to_tsquery does: the index holds stems, and "economie" is no prefix of the stem "econom".
 */
const indexedStem = (word: QueryWord) => (word.prefix ? stem(word.folded) : word.stem);

/** The FTS5 MATCH expression: only quoted stems, so nothing a reader types is FTS5 syntax. */
export function matchExpression(query: ParsedQuery): string | undefined {
  const groups = query.words.map((w) => (w.prefix ? `${quote(indexedStem(w))}*` : quote(w.stem)));
  for (const phrase of query.phrases) groups.push(quote(phrase.map((w) => w.stem).join(' ')));
  return groups.length ? groups.join(' AND ') : undefined;
}

export const sqliteSearch: SearchBackend = {
  async rank(db: Db, query: ParsedQuery, options: RankOptions) {
    const match = matchExpression(query);
    if (!match) return { hits: [], total: 0, totalCapped: false };
    const visible = sql`search_fts.rowid NOT IN (SELECT id FROM search_visible_from WHERE visible_from > ${options.now})`;
    const rows = await sql<{ rid: number; score: number }>`
      SELECT search_fts.rowid AS rid, bm25(search_fts, 10.0, 4.0, 2.0, 1.0) AS score
      FROM search_fts
      WHERE search_fts MATCH ${match} AND ${visible}
      ORDER BY score, rid
      LIMIT ${options.limit} OFFSET ${options.offset}`.execute(db.kysely);
    const hits: RankedHit[] = rows.rows.map((r) => ({ kind: kindOfCode[r.rid % 4]!, id: Math.floor(r.rid / 4), score: -r.score }));
    const total = await boundedTotal(hits, options, async (limit) => {
      const count = await sql<{ n: number }>`
        SELECT count(*) AS n FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ${match} AND ${visible} LIMIT ${limit})`.execute(db.kysely);
      return Number(count.rows[0]?.n ?? 0);
    });
    return { hits, ...total };
  },

  reindex(db, progress) {
    return rebuildIndex(db, ["INSERT INTO search_fts(search_fts) VALUES ('delete-all')", 'DELETE FROM search_visible_from'], progress, [
      // One b-tree per column instead of the segments left by batch inserts: fewer pages per query.
      "INSERT INTO search_fts(search_fts) VALUES ('optimize')",
    ]);
  },
};
