// Search on SQLite: FTS5 over folded, stemmed words (the triggers of db/search-index.ts and db/migrations/011-search-stems.ts call
// tisse_search_stems(), registered on every connection), so a query is a single MATCH on stems: words,
// prefixes of stems and phrases of stems, all ANDed.
// Ranking: bm25 with column weights title 10, lead 4, text 2, postscript 1, over bounded candidates
// (decision 010, second amendment): matches whose title or lead holds the whole query come first, then
// body-only ones; in each group the RANKED_CANDIDATES newest are ranked (FTS5 walks a MATCH in rowid
// order, descending if asked, and stops at the LIMIT; rowid is id × 4 + kind, so newest means latest
// created), older ones follow newest first. bm25 reads each ranked row's column sizes: ranking every match
// of a common word is what made it slow.
// Visibility: the few objects whose date has not come (search_visible_from) are excluded by one
// uncorrelated subquery, evaluated once per query, instead of a join per match.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { RANKED_CANDIDATES, boundedCount, kindOfCode, pageOfGroups, type MatchGroup, type RankOptions, type RankedHit, type SearchBackend } from './backend.ts';
import type { ParsedQuery, QueryWord } from './query.ts';
import { rebuildIndex } from './reindex-batches.ts';
import { stem, type StemLanguage } from './text.ts';

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/**
 * The stem a query word is looked up by in `lang`. A prefix is stemmed too (écono* → econom*), as PostgreSQL's
 * to_tsquery does: the index holds stems, and "economie" is no prefix of the stem "econom".
 */
const indexedStem = (word: QueryWord, lang: StemLanguage) => (lang === 'fr' && !word.prefix ? word.stem : stem(word.folded, lang));

/** The query with every word stemmed in `lang`, as an FTS5 expression. */
function matchIn(query: ParsedQuery, lang: StemLanguage): string | undefined {
  const groups = query.words.map((w) => (w.prefix ? `${quote(indexedStem(w, lang))}*` : quote(indexedStem(w, lang))));
  for (const phrase of query.phrases) groups.push(quote(phrase.map((w) => stem(w.folded, lang)).join(' ')));
  return groups.length ? groups.join(' AND ') : undefined;
}

/**
 * The FTS5 MATCH expression: only quoted stems, so nothing a reader types is FTS5 syntax. An English article is
 * indexed in English stems, every other text in French ones (migration 062): a text matches the query stemmed in
 * its language, so the query is looked up in both.
 */
export function matchExpression(query: ParsedQuery): string | undefined {
  const french = matchIn(query, 'fr');
  const english = matchIn(query, 'en');
  if (!french || !english || french === english) return french;
  return `(${french}) OR (${english})`;
}

export const sqliteSearch: SearchBackend = {
  async rank(db: Db, query: ParsedQuery, options: RankOptions) {
    const match = matchExpression(query);
    if (!match) return { hits: [], total: 0, totalCapped: false };
    const visible = sql`search_fts.rowid NOT IN (SELECT id FROM search_visible_from WHERE visible_from > ${options.now})`;
    const toHit = (rid: number, score: number): RankedHit => ({ kind: kindOfCode[rid % 4]!, id: Math.floor(rid / 4), score });
    const group = (expression: string, except = sql`1 = 1`): MatchGroup => ({
      async ranked(limit, offset) {
        const rows = await sql<{ rid: number; score: number }>`
          SELECT rid, score FROM (
            SELECT search_fts.rowid AS rid, bm25(search_fts, 10.0, 4.0, 2.0, 1.0) AS score
            FROM search_fts WHERE search_fts MATCH ${expression} AND ${visible} AND ${except}
            ORDER BY search_fts.rowid DESC LIMIT ${RANKED_CANDIDATES})
          ORDER BY score, rid
          LIMIT ${limit} OFFSET ${offset}`.execute(db.kysely);
        return rows.rows.map((r) => toHit(r.rid, -r.score));
      },
      async older(limit, offset) {
        const rows = await sql<{ rid: number }>`
          SELECT search_fts.rowid AS rid FROM search_fts WHERE search_fts MATCH ${expression} AND ${visible} AND ${except}
          ORDER BY search_fts.rowid DESC LIMIT ${limit} OFFSET ${RANKED_CANDIDATES + offset}`.execute(db.kysely);
        // Past the ranked candidates the order is recency alone: no score.
        return rows.rows.map((r) => toHit(r.rid, 0));
      },
      async count(limit) {
        const rows = await sql<{ n: number }>`
          SELECT count(*) AS n FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ${expression} AND ${visible} AND ${except} LIMIT ${limit})`.execute(db.kysely);
        return Number(rows.rows[0]?.n ?? 0);
      },
    });
    // Title or lead: every word and phrase found there (a phrase within one of the two columns).
    const titled = `{title lead} : (${match})`;
    const titledIds = sql`(SELECT rowid FROM search_fts WHERE search_fts MATCH ${titled})`;
    // Counted up to RANKED_CANDIDATES + 1: the bounded total, and whether every match can be ranked at once.
    const counted = await group(match).count(RANKED_CANDIDATES + 1);
    const total = boundedCount(counted);
    if (counted === 0) return { hits: [], ...total };
    if (counted <= RANKED_CANDIDATES) {
      // Few enough: one query ranks them all, title-or-lead matches first (the set is read once, as an
      // ephemeral table, for the flag).
      const rows = await sql<{ rid: number; score: number }>`
        SELECT search_fts.rowid AS rid, bm25(search_fts, 10.0, 4.0, 2.0, 1.0) AS score, search_fts.rowid IN ${titledIds} AS titled
        FROM search_fts WHERE search_fts MATCH ${match} AND ${visible}
        ORDER BY titled DESC, score, rid
        LIMIT ${options.limit} OFFSET ${options.offset}`.execute(db.kysely);
      return { hits: rows.rows.map((r) => toHit(r.rid, -r.score)), ...total };
    }
    // Many: each group ranks its newest RANKED_CANDIDATES. In the title-or-lead group bm25 weighs the hits of
    // those two columns (the column filter's); body-only matches are the others, excluded by rowid rather
    // than with FTS5's NOT, which doubled the phrases bm25 reads document frequencies for.
    const hits = await pageOfGroups(options, [group(titled), group(match, sql`search_fts.rowid NOT IN ${titledIds}`)]);
    return { hits, ...total };
  },

  reindex(db, progress) {
    return rebuildIndex(db, ["INSERT INTO search_fts(search_fts) VALUES ('delete-all')", 'DELETE FROM search_visible_from'], progress, [
      // One b-tree per column instead of the segments left by batch inserts: fewer pages per query.
      "INSERT INTO search_fts(search_fts) VALUES ('optimize')",
    ]);
  },
};
