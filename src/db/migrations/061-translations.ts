// Issue 22, languages and translations. An article may be the translation of another: `translation_of` names the
// group's original (SPIP's id_trad: the original has none, every translation names it, so a group is one level
// deep and cannot loop). `lang_chosen` (SPIP's langue_choisie) tells a language set on the object from one it
// inherits: a section takes its parent's (the site's at the top), an article its section's, until one is chosen;
// `lang` always holds the language in force, so that pages read it without walking the tree.
// Change scopes (decision 021): every page of a group shows its other languages and depends on its original's
// `article:N`, so a write to a translation names its original's page too.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

type Event = 'INSERT' | 'UPDATE' | 'DELETE';

const rules: { event: Event; when: string; scope: string }[] = [
  { event: 'INSERT', when: 'NEW.translation_of IS NOT NULL', scope: `SELECT 'article:' || NEW.translation_of` },
  { event: 'UPDATE', when: 'NEW.translation_of IS NOT NULL', scope: `SELECT 'article:' || NEW.translation_of` },
  { event: 'UPDATE', when: 'OLD.translation_of IS NOT NULL', scope: `SELECT 'article:' || OLD.translation_of` },
  { event: 'DELETE', when: 'OLD.translation_of IS NOT NULL', scope: `SELECT 'article:' || OLD.translation_of` },
];

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('articles').addColumn('translation_of', 'integer', (c) => c.references('articles.id').onDelete('set null')).execute();
  await db.schema.alterTable('articles').addColumn('lang_chosen', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('sections').addColumn('lang_chosen', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('articles_translation_of').on('articles').column('translation_of').execute();
  let n = 0;
  for (const rule of rules) {
    const name = `tisse_changes_translations_${++n}`;
    const insert = `INSERT INTO changes (scope) ${rule.scope};`;
    if (dialect === 'sqlite') {
      await sql.raw(`CREATE TRIGGER ${name} AFTER ${rule.event} ON articles FOR EACH ROW WHEN ${rule.when} BEGIN ${insert} END`).execute(db);
    } else {
      await sql.raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${insert} RETURN NULL; END $$`).execute(db);
      await sql.raw(`CREATE TRIGGER ${name} AFTER ${rule.event} ON articles FOR EACH ROW WHEN (${rule.when}) EXECUTE FUNCTION ${name}()`).execute(db);
    }
  }
}
