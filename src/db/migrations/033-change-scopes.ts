// Issue 19, finer cache invalidation. Every write that changes what a public page shows leaves, in the same
// transaction, the scopes it touched in `changes` ('article:12', 'forum:12', 'section-list:3', 'keyword-list:7',
// 'list' for the lists of published articles, '*' for anything every page shows: sections, authors, settings…).
// Page caches read them (db/change-feed.ts) and drop only the pages that depend on one (web/page-cache.ts).
// Writes that no reader sees leave nothing: sessions, jobs, rate counters, a forum message held for moderation,
// a draft's edits. The tables that carry no rule are listed in db/change-scopes.ts, and a test fails when a table
// is in neither place.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

type Event = 'INSERT' | 'UPDATE' | 'DELETE';

interface ChangeRule {
  table: string;
  events: Event[];
  /** A condition on NEW/OLD; the rule applies to rows that meet it. */
  when?: string;
  /** SELECTs of scope strings, NEW or OLD standing for the row (the same text runs on SQLite and PostgreSQL). */
  scopes: string[];
}

const published = (row: string) => `${row}.status = 'published'`;
const eitherPublished = `(${published('OLD')} OR ${published('NEW')})`;
const distinct = (columns: string[]) => columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');
const articleIsPublished = (id: string) => `EXISTS (SELECT 1 FROM articles WHERE articles.id = ${id} AND articles.status = 'published')`;

/** What changes when a published article enters, leaves or moves in the lists: every page listing near it. */
const listedAround = (row: string) => [
  `SELECT 'list'`,
  `SELECT 'section-list:' || ${row}.section_id`,
  `SELECT 'keyword-list:' || keyword_id FROM keyword_links WHERE object_type = 'article' AND object_id = ${row}.id`,
  // Articles that name it among their related ones show it, or stop showing it.
  `SELECT 'article:' || article_id FROM related_articles WHERE related_id = ${row}.id`,
];

/** The columns whose change moves an article in or out of a list, or along it. */
const listingColumns = ['status', 'published_at', 'section_id'];

/** A link row to an article: that article changes, and the lists when it is published. */
function articleLink(table: string, articleColumn: string, extra: (row: string) => string[] = () => []): ChangeRule[] {
  return (['NEW', 'OLD'] as const).map((row) => ({
    table,
    events: row === 'NEW' ? (['INSERT', 'UPDATE'] as Event[]) : (['UPDATE', 'DELETE'] as Event[]),
    scopes: [
      `SELECT 'article:' || ${row}.${articleColumn}`,
      `SELECT 'list' WHERE ${articleIsPublished(`${row}.${articleColumn}`)}`,
      ...extra(row).map((s) => `${s} WHERE ${articleIsPublished(`${row}.${articleColumn}`)}`),
    ],
  }));
}

/** A row linking an object of any type: an article's as above, any other's shows everywhere (sections, site). */
function objectLink(table: string, extra: (row: string) => string[] = () => []): ChangeRule[] {
  return [
    ...articleLink(table, 'object_id', extra).map((rule) => ({ ...rule, when: `${rule.events.includes('INSERT') ? 'NEW' : 'OLD'}.object_type = 'article'` })),
    { table, events: ['INSERT', 'UPDATE'], when: `NEW.object_type <> 'article'`, scopes: [`SELECT '*'`] },
    { table, events: ['UPDATE', 'DELETE'], when: `OLD.object_type <> 'article'`, scopes: [`SELECT '*'`] },
  ];
}

const everywhere = (table: string, events: Event[] = ['INSERT', 'UPDATE', 'DELETE'], when?: string): ChangeRule => ({
  table,
  events,
  ...(when ? { when } : {}),
  scopes: [`SELECT '*'`],
});

export const changeRules: ChangeRule[] = [
  // An article's own page changes with any write to it; a draft's write concerns nothing else.
  { table: 'articles', events: ['INSERT', 'UPDATE'], scopes: [`SELECT 'article:' || NEW.id`] },
  { table: 'articles', events: ['DELETE'], scopes: [`SELECT 'article:' || OLD.id`] },
  // A published article's title, lead, date or text show in lists, feeds and search.
  { table: 'articles', events: ['INSERT'], when: published('NEW'), scopes: listedAround('NEW') },
  { table: 'articles', events: ['UPDATE'], when: eitherPublished, scopes: [`SELECT 'list'`] },
  { table: 'articles', events: ['UPDATE'], when: `${eitherPublished} AND (${distinct(listingColumns)})`, scopes: [...listedAround('OLD'), ...listedAround('NEW')] },
  { table: 'articles', events: ['DELETE'], when: published('OLD'), scopes: listedAround('OLD') },
  ...articleLink('article_authors', 'article_id'),
  ...articleLink('related_articles', 'article_id'),
  ...objectLink('keyword_links', (row) => [`SELECT 'keyword-list:' || ${row}.keyword_id`]),
  ...objectLink('document_links'),
  ...objectLink('urls'),
  // A stored render dropped because something it showed changed (an internal link's title, a glossary term, a document).
  { table: 'article_renders', events: ['DELETE'], scopes: [`SELECT 'article:' || OLD.article_id`] },
  // Public forum messages show once published; one held for moderation, refused or of the team shows nowhere.
  { table: 'forum_messages', events: ['INSERT', 'UPDATE'], when: `NEW.kind = 'public' AND ${published('NEW')}`, scopes: [`SELECT 'forum:' || NEW.article_id`] },
  { table: 'forum_messages', events: ['UPDATE', 'DELETE'], when: `OLD.kind = 'public' AND ${published('OLD')}`, scopes: [`SELECT 'forum:' || OLD.article_id`] },
  // A document shows wherever it is placed, and as a logo anywhere: uploading one changes nothing until it is linked.
  everywhere('documents', ['UPDATE', 'DELETE']),
  // An account shows as an author (its name, page and bio); signing in or a new password changes no page.
  everywhere('users', ['UPDATE'], distinct(['name', 'slug', 'bio', 'website', 'role', 'lang'])),
  everywhere('users', ['DELETE']),
  everywhere('sections'),
  everywhere('keywords'),
  everywhere('keyword_groups'),
  everywhere('glossary_terms'),
  // The site's secrets (settings/secrets.ts: keys ending in 'Secret') show on no page.
  everywhere('settings', ['INSERT', 'UPDATE'], `NEW.key NOT LIKE '%Secret'`),
  everywhere('settings', ['DELETE'], `OLD.key NOT LIKE '%Secret'`),
  everywhere('legacy_objects'),
];

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    // AUTOINCREMENT: ids never come back after the oldest rows are pruned, so a reader can tell it missed some.
    await sql`CREATE TABLE changes (id INTEGER PRIMARY KEY AUTOINCREMENT, scope TEXT NOT NULL)`.execute(db);
  } else {
    // On PostgreSQL the writing transaction takes its own rows back before committing and sends them with NOTIFY.
    await sql`CREATE TABLE changes (id bigserial PRIMARY KEY, scope text NOT NULL, tx bigint NOT NULL DEFAULT txid_current())`.execute(db);
    await sql`CREATE INDEX changes_tx ON changes (tx)`.execute(db);
  }
  let n = 0;
  for (const rule of changeRules) {
    for (const event of rule.events) {
      // A row's OLD does not exist on INSERT, nor NEW on DELETE: a rule naming them applies to the other events.
      if ((event === 'INSERT' && /\bOLD\./.test(rule.scopes.join() + (rule.when ?? ''))) || (event === 'DELETE' && /\bNEW\./.test(rule.scopes.join() + (rule.when ?? '')))) continue;
      const name = `changes_${rule.table}_${++n}`;
      const inserts = rule.scopes.map((s) => `INSERT INTO changes (scope) ${s};`).join(' ');
      if (dialect === 'sqlite') {
        const when = rule.when ? `WHEN ${rule.when.replaceAll('IS DISTINCT FROM', 'IS NOT')}` : '';
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
