// Search on SQLite: FTS5 over accent-folded words, maintained by triggers (db/migrations/010-search.ts).
// FTS5 has no French stemmer, so stemming happens at query time: each query word becomes the OR of every
// indexed word with the same Snowball stem, found in the index's own vocabulary (fts5vocab) among words
// sharing the stem's first letters. Expansions are cached until the next write (Db.version()).
// Ranking: 8 × bm25 on the title alone, plus bm25 over lead 4, text 2, postscript 1.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { kindOfCode, visibleEntry, type RankOptions, type RankedHit, type SearchBackend } from './backend.ts';
import type { ParsedQuery, QueryWord } from './query.ts';
import { rebuildIndex } from './reindex-batches.ts';
import { fold, stem } from './text.ts';

const expansionCache = new WeakMap<Db, { version: number; forms: Map<string, string[]> }>();

/** Index words that share `word`'s stem. The stem may differ from a word in its last two letters (-aux → -al). */
export async function wordForms(db: Db, word: QueryWord): Promise<string[]> {
  let cache = expansionCache.get(db);
  const version = db.version();
  if (!cache || cache.version !== version) {
    cache = { version, forms: new Map() };
    expansionCache.set(db, cache);
  }
  const known = cache.forms.get(word.stem);
  if (known) return known;
  const s = word.stem;
  const start = s.length >= 5 ? s.slice(0, s.length - 2) : s;
  const end = start.slice(0, -1) + String.fromCodePoint(start.codePointAt(start.length - 1)! + 1);
  const rows = await sql<{ term: string }>`SELECT term FROM search_vocab WHERE term >= ${start} AND term < ${end}`.execute(db.kysely);
  const forms = rows.rows.map((r) => r.term).filter((term) => stem(fold(term)) === s);
  if (!forms.includes(word.folded) && stem(word.folded) === s) forms.push(word.folded);
  cache.forms.set(s, forms);
  return forms;
}

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** The FTS5 MATCH expression, or undefined when some word has no form in the index (no result possible). */
export async function matchExpression(db: Db, query: ParsedQuery): Promise<string | undefined> {
  const groups: string[] = [];
  for (const word of query.words) {
    if (word.prefix) {
      groups.push(`${quote(word.folded)}*`);
      continue;
    }
    const forms = await wordForms(db, word);
    if (forms.length === 0) return undefined;
    groups.push(`(${forms.map(quote).join(' OR ')})`);
  }
  for (const phrase of query.phrases) groups.push(quote(phrase.map((w) => w.folded).join(' ')));
  return groups.length ? groups.join(' AND ') : undefined;
}

export const sqliteSearch: SearchBackend = {
  async rank(db: Db, query: ParsedQuery, options: RankOptions) {
    const match = await matchExpression(db, query);
    if (!match) return { hits: [], total: 0 };
    // bm25() is only allowed in a plain FTS query, so the window count wraps it. bm25 saturates term
    // frequency over the whole row, which drowns column weights: the title gets its own bm25, weighed apart.
    const rows = await sql<{ rid: number; score: number; total: number }>`
      SELECT rid, score, count(*) OVER () AS total FROM (
        SELECT search_fts.rowid AS rid, 8.0 * bm25(search_fts, 1.0, 0.0, 0.0, 0.0) + bm25(search_fts, 0.0, 4.0, 2.0, 1.0) AS score
        FROM search_fts
        WHERE search_fts MATCH ${match} AND ${visibleEntry('search_fts.rowid % 4', 'search_fts.rowid / 4', options.now)}
      )
      ORDER BY score, rid
      LIMIT ${options.limit} OFFSET ${options.offset}`.execute(db.kysely);
    const hits: RankedHit[] = rows.rows.map((r) => ({ kind: kindOfCode[r.rid % 4]!, id: Math.floor(r.rid / 4), score: -r.score }));
    let total = rows.rows[0]?.total;
    if (total === undefined && options.offset > 0) {
      const count = await sql<{ n: number }>`
        SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${match} AND ${visibleEntry('search_fts.rowid % 4', 'search_fts.rowid / 4', options.now)}`.execute(db.kysely);
      total = count.rows[0]?.n;
    }
    return { hits, total: Number(total ?? 0) };
  },

  reindex(db, progress) {
    return rebuildIndex(db, `INSERT INTO search_fts(search_fts) VALUES ('delete-all')`, progress);
  },
};
