// The newsletter's lists show on public pages (the sign-up form at /lettre and in every page's « Nous suivre »
// block): a list added, renamed or removed changes every page ('*', as migration 033's scopes say). Subscribers,
// subscriptions, issues and deliveries show on no public page (db/change-feed.ts, TABLES_NO_PAGE_SHOWS).
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
    const name = `changes_newsletter_lists_${event.toLowerCase()}`;
    const insert = `INSERT INTO changes (scope) SELECT '*';`;
    if (dialect === 'sqlite') {
      await sql.raw(`CREATE TRIGGER ${name} AFTER ${event} ON newsletter_lists FOR EACH ROW BEGIN ${insert} END`).execute(db);
    } else {
      // Named tisse_…: a restore drops the functions of that prefix with the schema (db/drop-schema.ts).
      await sql.raw(`CREATE FUNCTION tisse_${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${insert} RETURN NULL; END $$`).execute(db);
      await sql.raw(`CREATE TRIGGER ${name} AFTER ${event} ON newsletter_lists FOR EACH ROW EXECUTE FUNCTION tisse_${name}()`).execute(db);
    }
  }
}
