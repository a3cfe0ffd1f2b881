// Issue 22, item 5. An article may carry a petition (petitions: one row per article, its text and whether it
// takes signatures), signed by readers (petition_signatures): a signature waits for its email to be confirmed
// ('pending', holding the SHA-256 of the link's token) and shows only once 'confirmed', and only with the name of
// a signer who chose to appear. One address signs a petition once (unique per article, lowercased email).
// Change rules in migration 033's style: the petition's text or status and a confirmed signature (its count, the
// list) change the article's page; a pending one changes nothing a reader sees.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

type Event = 'INSERT' | 'UPDATE' | 'DELETE';

interface ChangeRule {
  table: string;
  events: Event[];
  when?: string;
  scopes: string[];
}

const confirmed = (row: string) => `${row}.status = 'confirmed'`;

const changeRules: ChangeRule[] = [
  { table: 'petitions', events: ['INSERT', 'UPDATE'], scopes: [`SELECT 'article:' || NEW.article_id`] },
  { table: 'petitions', events: ['DELETE'], scopes: [`SELECT 'article:' || OLD.article_id`] },
  { table: 'petition_signatures', events: ['INSERT', 'UPDATE'], when: confirmed('NEW'), scopes: [`SELECT 'article:' || NEW.article_id`] },
  { table: 'petition_signatures', events: ['UPDATE', 'DELETE'], when: confirmed('OLD'), scopes: [`SELECT 'article:' || OLD.article_id`] },
];

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const s = db.schema;
  await s
    .createTable('petitions')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    // SPIP's « message »: signers may add a few words.
    .addColumn('allow_message', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const signatures = s.createTable('petition_signatures');
  await (dialect === 'postgres'
    ? signatures.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : signatures.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('petitions.article_id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('site_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('site_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    // The signer's choice: their name in the public list, or only counted.
    .addColumn('shown', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'confirmed', 'trash')`))
    .addColumn('token_hash', 'text')
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .execute();
  await s.createIndex('petition_signatures_email').on('petition_signatures').columns(['article_id', 'email']).unique().execute();
  await s.createIndex('petition_signatures_list').on('petition_signatures').columns(['article_id', 'status', 'confirmed_at']).execute();
  await s.createIndex('petition_signatures_token').on('petition_signatures').column('token_hash').execute();

  let n = 0;
  for (const rule of changeRules) {
    for (const event of rule.events) {
      const name = `changes_${rule.table}_${++n}`;
      const inserts = rule.scopes.map((scope) => `INSERT INTO changes (scope) ${scope};`).join(' ');
      if (dialect === 'sqlite') {
        const when = rule.when ? `WHEN ${rule.when}` : '';
        await sql.raw(`CREATE TRIGGER ${name} AFTER ${event} ON ${rule.table} FOR EACH ROW ${when} BEGIN ${inserts} END`).execute(db);
      } else {
        // Named tisse_…: a restore drops the functions of that prefix with the schema (db/drop-schema.ts).
        await sql.raw(`CREATE FUNCTION tisse_${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${inserts} RETURN NULL; END $$`).execute(db);
        const when = rule.when ? `WHEN (${rule.when})` : '';
        await sql.raw(`CREATE TRIGGER ${name} AFTER ${event} ON ${rule.table} FOR EACH ROW ${when} EXECUTE FUNCTION tisse_${name}()`).execute(db);
      }
    }
  }
}
