// Search index, second form (replaces the tables and triggers of 010, which may already have run).
// Why: at 100,000 articles, 010 was far too slow — SQLite expanded every query word into the OR of every
// indexed form sharing its stem and ranked every match; PostgreSQL folded accents with translate() (1 ms
// per article) in row-by-row triggers. See docs/decisions/010-french-search.md.
//   SQLite: FTS5 over *stemmed*, accent-folded words (tisse_search_stems(), a JS function registered on
//     every connection by db/connect.ts), so a query is one MATCH on stems.
//   PostgreSQL: the same weighted tsvector, folded with normalize() + one regexp, maintained by
//     statement-level triggers (one set-based INSERT … SELECT per statement, not one per row).
//   Both: each article and forum message carries `visible_from` (its publication date, or that of its
//     article), so a query filters visibility without joining articles; scheduled articles appear on
//     their date without reindexing. Sections and glossary terms are always visible (NULL).
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { articleVisibility, fillStatements, hasVisibility, on, searchKinds, searchTables } from '../search-index.ts';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') await upSqlite(db);
  else await upPostgres(db);
}

const run = (db: Kysely<unknown>, statement: string) => sql.raw(statement).execute(db);

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  for (const t of searchTables) for (const event of ['insert', 'delete', 'update']) await run(db, `DROP TRIGGER IF EXISTS search_${t.table}_${event}`);
  await run(db, 'DROP TABLE IF EXISTS search_vocab');
  await run(db, 'DROP TABLE IF EXISTS search_fts');
  // Contentless (the text stays in its own table), deletable by rowid. Its words are already folded and
  // stemmed by tisse_search_stems(), so the tokenizer only splits on spaces.
  await run(db, `CREATE VIRTUAL TABLE search_fts USING fts5(title, lead, body, postscript, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0")`);
  // Only articles and messages have a row here: a query excludes the few whose date has not come.
  await run(db, 'CREATE TABLE search_visible_from (id INTEGER PRIMARY KEY, visible_from TEXT NOT NULL)');
  await run(db, 'CREATE INDEX search_visible_from_date ON search_visible_from(visible_from)');
  for (const t of searchTables) {
    const rowid = (row: string) => `${row}.id * 4 + ${t.kind}`;
    const stems = t.fields.map((f) => (f === "''" ? f : `tisse_search_stems(${on(f, 'new')})`)).join(', ');
    let insert = `INSERT INTO search_fts(rowid, title, lead, body, postscript) SELECT ${rowid('new')}, ${stems} WHERE ${on(t.when, 'new')};`;
    let remove = `DELETE FROM search_fts WHERE rowid = ${rowid('old')};`;
    if (hasVisibility(t)) {
      insert += ` INSERT OR REPLACE INTO search_visible_from(id, visible_from) SELECT ${rowid('new')}, ${on(t.visibleFrom, 'new')} WHERE ${on(t.when, 'new')};`;
      remove += ` DELETE FROM search_visible_from WHERE id = ${rowid('old')};`;
    }
    await run(db, `CREATE TRIGGER search_${t.table}_insert AFTER INSERT ON ${t.table} BEGIN ${insert} END`);
    await run(db, `CREATE TRIGGER search_${t.table}_delete AFTER DELETE ON ${t.table} BEGIN ${remove} END`);
    await run(db, `CREATE TRIGGER search_${t.table}_update AFTER UPDATE OF ${t.columns.join(', ')} ON ${t.table} BEGIN ${remove} ${insert} END`);
    for (const statement of fillStatements('sqlite', t)) await run(db, statement);
  }
  // An article's messages are public while it is: its status or date moves theirs.
  await run(
    db,
    `CREATE TRIGGER search_articles_messages AFTER UPDATE OF status, published_at ON articles BEGIN
       UPDATE search_visible_from SET visible_from = ${articleVisibility('new')}
       WHERE id IN (SELECT m.id * 4 + ${searchKinds.forum} FROM forum_messages m WHERE m.article_id = new.id);
     END`,
  );
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  for (const t of searchTables) {
    await run(db, `DROP TRIGGER IF EXISTS search_${t.table} ON ${t.table}`);
    await run(db, `DROP FUNCTION IF EXISTS tisse_search_${t.table}()`);
  }
  await run(db, 'DROP TABLE IF EXISTS search_entries');
  // Folding: 010's translate() compared every character with a 54-letter list (about 1 ms per article).
  // normalize(NFD) then one regexp removing combining marks is three times faster and folds every accent.
  // normalize() needs a UTF-8 database; any other keeps 010's translate().
  const encoding = await sql<{ e: string }>`SELECT current_setting('server_encoding') AS e`.execute(db);
  if (encoding.rows[0]?.e === 'UTF8') {
    await run(
      db,
      `CREATE OR REPLACE FUNCTION tisse_search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT replace(replace(replace(replace(regexp_replace(normalize(lower(t), NFD), '[\\u0300-\\u036f]', '', 'g'), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae') $$`,
    );
  }
  await run(
    db,
    `CREATE TABLE search_entries (kind smallint NOT NULL, object_id integer NOT NULL, visible_from text, vector tsvector NOT NULL, PRIMARY KEY (kind, object_id))`,
  );
  await run(db, 'CREATE INDEX search_entries_vector ON search_entries USING gin (vector)');
  for (const t of searchTables) {
    const insertFrom = (rows: string) =>
      `INSERT INTO search_entries(kind, object_id, visible_from, vector)
       SELECT ${t.kind}, r.id, ${t.visibleFrom}, tisse_search_vector(${t.fields.join(', ')}) FROM ${rows} WHERE ${t.when};`;
    // Statement-level triggers see every row a statement touched at once (transition tables): a 500-row
    // INSERT costs one INSERT … SELECT into the index, not 500 trigger calls.
    // Transition tables cannot go with UPDATE OF columns: the update trigger keeps the rows whose indexed
    // columns changed (an edit of updated_at alone costs nothing).
    const changedRows = `new_rows r JOIN old_rows o ON o.id = r.id AND (${t.columns.map((c) => `r.${c}`).join(', ')}) IS DISTINCT FROM (${t.columns.map((c) => `o.${c}`).join(', ')})`;
    const bodies: Record<'insert' | 'delete' | 'update', string> = {
      insert: insertFrom('new_rows r'),
      delete: `DELETE FROM search_entries e USING old_rows r WHERE e.kind = ${t.kind} AND e.object_id = r.id;`,
      update:
        `DELETE FROM search_entries e USING ${changedRows} WHERE e.kind = ${t.kind} AND e.object_id = r.id;
        ${insertFrom(changedRows)}` +
        (t.table === 'articles'
          ? `
        UPDATE search_entries e SET visible_from = ${articleVisibility('n')}
        FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN forum_messages m ON m.article_id = n.id
        WHERE (n.status, n.published_at) IS DISTINCT FROM (o.status, o.published_at) AND e.kind = ${searchKinds.forum} AND e.object_id = m.id;`
          : ''),
    };
    for (const event of ['insert', 'delete', 'update'] as const) {
      await run(db, `CREATE FUNCTION tisse_search_${t.table}_${event}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${bodies[event]} RETURN NULL; END $$`);
      const transition = event === 'insert' ? 'NEW TABLE AS new_rows' : event === 'delete' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await run(db, `CREATE TRIGGER search_${t.table}_${event} AFTER ${event.toUpperCase()} ON ${t.table} REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION tisse_search_${t.table}_${event}()`);
    }
    for (const statement of fillStatements('postgres', t)) await run(db, statement);
  }
}
