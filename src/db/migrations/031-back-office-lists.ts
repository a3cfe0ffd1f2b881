// Issue 18, back-office lists that scale (decision 019). Lists of 10,000 articles and 100,000 forum messages
// are searched, filtered, sorted and cut into pages by the database:
// - articles.title_folded: the title lower-cased without accents ("Économie" → "economie"), kept by triggers
//   from every write, whoever writes (operations, the SPIP import, the demo), so that a search for "economie"
//   is a LIKE on a plain column, not a fold of every title at each query. SQLite folds with tisse_fold()
//   (db/french-stem.ts, registered on every connection, as the search triggers' functions are); PostgreSQL
//   with tisse_search_fold() of migration 010.
// - indexes for the lists' default orders and filters: articles by last change (alone, by status, by section),
//   forum messages by date within kind and status, whichever the status filter.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

async function run(db: Kysely<unknown>, statement: string): Promise<void> {
  await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await run(db, "ALTER TABLE articles ADD COLUMN title_folded text NOT NULL DEFAULT ''");
  if (dialect === 'postgres') {
    await run(db, 'UPDATE articles SET title_folded = tisse_search_fold(title)');
    await run(db, `CREATE FUNCTION tisse_articles_title_folded() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.title_folded := tisse_search_fold(NEW.title); RETURN NEW; END $$`);
    await run(db, 'CREATE TRIGGER articles_title_folded BEFORE INSERT OR UPDATE OF title ON articles FOR EACH ROW EXECUTE FUNCTION tisse_articles_title_folded()');
  } else {
    await run(db, 'UPDATE articles SET title_folded = tisse_fold(title)');
    await run(db, 'CREATE TRIGGER articles_title_folded_insert AFTER INSERT ON articles BEGIN UPDATE articles SET title_folded = tisse_fold(NEW.title) WHERE id = NEW.id; END');
    await run(db, 'CREATE TRIGGER articles_title_folded_update AFTER UPDATE OF title ON articles BEGIN UPDATE articles SET title_folded = tisse_fold(NEW.title) WHERE id = NEW.id; END');
  }
  await db.schema.createIndex('articles_updated').on('articles').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('articles_status_updated').on('articles').columns(['status', 'updated_at', 'id']).execute();
  await db.schema.createIndex('articles_section_updated').on('articles').columns(['section_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('forum_kind_created').on('forum_messages').columns(['kind', 'created_at', 'id']).execute();
}
