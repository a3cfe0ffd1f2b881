// Issue 22, item 4. The links directory: referenced sites (sites, SPIP's spip_syndic) in sections, each with its
// description, and when a site enables it, the items of its RSS/Atom feed fetched by a job (syndicated_items,
// SPIP's spip_syndic_articles; one row per item guid of a site). Change rules in migration 033's style: a
// published site, or an item of one, shows in its section's page and the directory, which are list pages ('list').
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

type Event = 'INSERT' | 'UPDATE' | 'DELETE';

interface ChangeRule {
  table: string;
  events: Event[];
  when?: string;
  scopes: string[];
}

const published = (row: string) => `${row}.status = 'published'`;
const siteIsPublished = (id: string) => `EXISTS (SELECT 1 FROM sites WHERE sites.id = ${id} AND sites.status = 'published')`;

const changeRules: ChangeRule[] = [
  { table: 'sites', events: ['INSERT', 'UPDATE'], when: published('NEW'), scopes: [`SELECT 'list'`] },
  { table: 'sites', events: ['UPDATE', 'DELETE'], when: published('OLD'), scopes: [`SELECT 'list'`] },
  // PostgreSQL allows no subquery in a trigger's WHEN: the condition is the SELECT's own, as in migration 033.
  { table: 'syndicated_items', events: ['INSERT', 'UPDATE'], scopes: [`SELECT 'list' WHERE ${siteIsPublished('NEW.site_id')}`] },
  { table: 'syndicated_items', events: ['UPDATE', 'DELETE'], scopes: [`SELECT 'list' WHERE ${siteIsPublished('OLD.site_id')}`] },
];

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const s = db.schema;
  const withId = (name: string) =>
    dialect === 'postgres'
      ? s.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : s.createTable(name).addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  await withId('sites')
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('proposed').check(sql`status in ('proposed', 'published', 'refused', 'trash')`))
    // The feed fetched when syndication is on; its last outcome, for the team.
    .addColumn('feed_url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('syndication', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('syndicated_at', 'text')
    .addColumn('syndication_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('sites_section').on('sites').columns(['section_id', 'status']).execute();
  await withId('syndicated_items')
    .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id').onDelete('cascade'))
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    // Plain text, as the feed gave it (tags removed, entities decoded): escaped wherever it shows.
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_at', 'text')
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('syndicated_items_guid').on('syndicated_items').columns(['site_id', 'guid']).unique().execute();
  await s.createIndex('syndicated_items_newest').on('syndicated_items').columns(['site_id', 'published_at']).execute();

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
