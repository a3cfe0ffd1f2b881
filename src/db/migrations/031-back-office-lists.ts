// Issue 18, back-office lists that scale (decision 019). Lists of 10,000 articles and 100,000 forum messages
// are searched, filtered, sorted and cut into pages by the database:
// - articles.title_folded: the title lower-cased without accents ("Économie" → "economie"), kept by triggers
//   from every write, whoever writes (operations, the SPIP import, the demo), so that a search for "economie"
//   is a LIKE on a plain column, not a fold of every title at each query. SQLite folds with tisse_fold()
//   (db/french-stem.ts, registered on every connection, as the search triggers' functions are); PostgreSQL
//   with tisse_search_fold() of migration 010.
// - forum_messages.search_folded: title, author's name and email, folded the same way and kept the same way, for
//   the moderation queue's search over 100,000 messages.
// - indexes for the lists' orders and filters: articles by last change (alone, by status, by section) and by
//   folded title; forum messages by date within kind and status, with the id that breaks ties, so that a deep
//   page is read from the index instead of sorting every message of a status.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

async function run(db: Kysely<unknown>, statement: string): Promise<void> {
  await sql.raw(statement).execute(db);
}

/** Adds `column` to `table`, filled and kept as the fold of `source` (an SQL expression over the row) by triggers. */
async function foldedColumn(db: Kysely<unknown>, dialect: DialectName, table: string, column: string, source: (row: string) => string, watched: string[]): Promise<void> {
  await run(db, `ALTER TABLE ${table} ADD COLUMN ${column} text NOT NULL DEFAULT ''`);
  if (dialect === 'postgres') {
    await run(db, `UPDATE ${table} SET ${column} = tisse_search_fold(${source(table)})`);
    await run(db, `CREATE FUNCTION tisse_${table}_${column}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.${column} := tisse_search_fold(${source('NEW')}); RETURN NEW; END $$`);
    await run(db, `CREATE TRIGGER ${table}_${column} BEFORE INSERT OR UPDATE OF ${watched.join(', ')} ON ${table} FOR EACH ROW EXECUTE FUNCTION tisse_${table}_${column}()`);
  } else {
    await run(db, `UPDATE ${table} SET ${column} = tisse_fold(${source(table)})`);
    const set = `UPDATE ${table} SET ${column} = tisse_fold(${source('NEW')}) WHERE id = NEW.id;`;
    await run(db, `CREATE TRIGGER ${table}_${column}_insert AFTER INSERT ON ${table} BEGIN ${set} END`);
    await run(db, `CREATE TRIGGER ${table}_${column}_update AFTER UPDATE OF ${watched.join(', ')} ON ${table} BEGIN ${set} END`);
  }
}

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await foldedColumn(db, dialect, 'articles', 'title_folded', (row) => `${row}.title`, ['title']);
  await foldedColumn(db, dialect, 'forum_messages', 'search_folded', (row) => `${row}.title || ' ' || ${row}.author_name || ' ' || ${row}.author_email`, ['title', 'author_name', 'author_email']);
  // The status and the folded search text ride along in the indexes that order the lists: "every status but the
  // trash" and a search are then checked in the index, without reading each row the order walks past.
  await db.schema.createIndex('articles_updated').on('articles').columns(['updated_at', 'id', 'status']).execute();
  await db.schema.createIndex('articles_status_updated').on('articles').columns(['status', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_section_updated').on('articles').columns(['section_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_title_folded').on('articles').columns(['title_folded', 'id', 'status']).execute();
  await db.schema.createIndex('forum_status_created_id').on('forum_messages').columns(['kind', 'status', 'created_at', 'id', 'search_folded']).execute();
}
