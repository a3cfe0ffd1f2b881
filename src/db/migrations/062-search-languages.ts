// Issue 22: search knows the language. An English article's words are stemmed in English (Snowball English on
// SQLite, the 'english' configuration on PostgreSQL), every other text in French as before; a query is looked up
// in both stemmings (search/). The articles' index triggers of migration 011 are made again with the language, and
// the English articles indexed anew. Migration 011 is left as it was: it builds the same triggers without it.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { articleVisibility, fillStatements, hasVisibility, on, searchKinds, searchTables, stemsOf, vectorOf } from '../search-index.ts';

const run = (db: Kysely<unknown>, statement: string) => sql.raw(statement).execute(db);
const articles = searchTables.find((t) => t.table === 'articles')!;
/** A language tag that is English: "en", "en-GB" (french-stem.ts stemLanguageOf says the same). */
const isEnglish = (lang: string) => `(${lang} = 'en' OR ${lang} LIKE 'en-%')`;
const columns = [...articles.columns, 'lang'];

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') await upSqlite(db);
  else await upPostgres(db);
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  const t = articles;
  const rowid = (row: string) => `${row}.id * 4 + ${t.kind}`;
  const stems = t.fields.map((f) => on(stemsOf(t, f, true), 'new')).join(', ');
  const insert =
    `INSERT INTO search_fts(rowid, title, lead, body, postscript) SELECT ${rowid('new')}, ${stems} WHERE ${on(t.when, 'new')};` +
    (hasVisibility(t) ? ` INSERT OR REPLACE INTO search_visible_from(id, visible_from) SELECT ${rowid('new')}, ${on(t.visibleFrom, 'new')} WHERE ${on(t.when, 'new')};` : '');
  const remove = `DELETE FROM search_fts WHERE rowid = ${rowid('old')};` + (hasVisibility(t) ? ` DELETE FROM search_visible_from WHERE id = ${rowid('old')};` : '');
  for (const event of ['insert', 'update']) await run(db, `DROP TRIGGER IF EXISTS search_articles_${event}`);
  await run(db, `CREATE TRIGGER search_articles_insert AFTER INSERT ON articles BEGIN ${insert} END`);
  await run(db, `CREATE TRIGGER search_articles_update AFTER UPDATE OF ${columns.join(', ')} ON articles BEGIN ${remove} ${insert} END`);
  // The English articles already indexed, again in English.
  await run(db, `DELETE FROM search_fts WHERE rowid IN (SELECT id * 4 + ${t.kind} FROM articles WHERE ${isEnglish('lang')})`);
  const [fill] = fillStatements('sqlite', { ...t, when: `${t.when} AND ${isEnglish('r.lang')}` }, undefined, true);
  await run(db, fill!);
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  const config = `CASE WHEN ${isEnglish('lang')} THEN 'english' ELSE 'french' END::regconfig`;
  await run(
    db,
    `CREATE FUNCTION tisse_search_vector(a text, b text, c text, d text, lang text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT setweight(to_tsvector(${config}, tisse_search_fold(left(a, 200000))), 'A')
          || setweight(to_tsvector(${config}, tisse_search_fold(left(b, 200000))), 'B')
          || setweight(to_tsvector(${config}, tisse_search_fold(left(c, 200000))), 'C')
          || setweight(to_tsvector(${config}, tisse_search_fold(left(d, 200000))), 'D') $$`,
  );
  const t = articles;
  const insertFrom = (rows: string) =>
    `INSERT INTO search_entries(kind, object_id, visible_from, vector)
     SELECT ${t.kind}, r.id, ${t.visibleFrom}, ${vectorOf(t, true)} FROM ${rows} WHERE ${t.when};`;
  const changedRows = `new_rows r JOIN old_rows o ON o.id = r.id AND (${columns.map((c) => `r.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `o.${c}`).join(', ')})`;
  // The same bodies as migration 011's, with the language (and a change of language re-indexing the row).
  await run(db, `CREATE OR REPLACE FUNCTION tisse_search_articles_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${insertFrom('new_rows r')} RETURN NULL; END $$`);
  await run(
    db,
    `CREATE OR REPLACE FUNCTION tisse_search_articles_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      DELETE FROM search_entries e USING ${changedRows} WHERE e.kind = ${t.kind} AND e.object_id = r.id;
      ${insertFrom(changedRows)}
      UPDATE search_entries e SET visible_from = ${articleVisibility('n')}
      FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN forum_messages m ON m.article_id = n.id
      WHERE (n.status, n.published_at) IS DISTINCT FROM (o.status, o.published_at) AND e.kind = ${searchKinds.forum} AND e.object_id = m.id;
      RETURN NULL; END $$`,
  );
  await run(db, `DELETE FROM search_entries e USING articles a WHERE e.kind = ${t.kind} AND e.object_id = a.id AND ${isEnglish('a.lang')}`);
  const [fill] = fillStatements('postgres', { ...t, when: `${t.when} AND ${isEnglish('r.lang')}` }, undefined, true);
  await run(db, fill!);
}
