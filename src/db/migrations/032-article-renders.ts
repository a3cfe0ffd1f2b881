// Issue 19. An article's text, lead, notes and post-scriptum as the markup engine renders them are stored
// (article_renders), with what each render read (article_render_targets: the articles, sections, authors,
// keywords, documents and glossary terms it resolved or looked for). Triggers drop a stored render in the same
// transaction as any write that changes what it shows: the article's own fields, or a target's title, address,
// visibility or content. Each drop also moves render_generation on, so a render made from data read before the
// write is not stored after it (web/stored-article-render.ts). Forum messages keep their HTML, made when posted.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/**
 * Each kind of target: its table, what the markup calls it (a reference's type), and the columns whose change
 * alters how a text shows it. An empty list: any change (a document's every field can appear on the page).
 */
const targets = [
  { table: 'articles', type: 'article', columns: ['title', 'slug', 'status', 'published_at'] },
  { table: 'sections', type: 'section', columns: ['title', 'slug'] },
  { table: 'users', type: 'author', columns: ['name', 'slug', 'role'] },
  { table: 'keywords', type: 'keyword', columns: ['title', 'slug'] },
  { table: 'documents', type: 'document', columns: [] },
  { table: 'glossary_terms', type: 'glossary', columns: [] },
] as const;

/** The article's own fields that a render reads. */
const ownColumns = ['surtitle', 'title', 'subtitle', 'lead', 'text', 'postscript', 'lang', 'glossary_enabled'];

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('article_renders')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    // The engine's version and the settings the render followed (web/stored-article-render.ts: renderKey).
    .addColumn('render_key', 'text', (c) => c.notNull())
    // The render shows a link to an article scheduled for this moment as broken: it is stale from then on.
    .addColumn('valid_until', 'text')
    .addColumn('surtitle', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('postscript', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    // JSON arrays.
    .addColumn('broken_links', 'text', (c) => c.notNull())
    .addColumn('placed_document_ids', 'text', (c) => c.notNull())
    .addColumn('rendered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('article_render_targets')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_render_targets_pk', ['article_id', 'target_type', 'target_id'])
    .execute();
  await db.schema.createIndex('article_render_targets_target').on('article_render_targets').columns(['target_type', 'target_id']).execute();
  await db.schema
    .createTable('render_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO render_generation (id, value) VALUES (1, 0)`.execute(db);

  // A message's HTML as the forum profile renders it, and the engine version that made it (null: not yet).
  await db.schema.alterTable('forum_messages').addColumn('html', 'text').execute();
  await db.schema.alterTable('forum_messages').addColumn('html_version', 'text').execute();

  if (dialect === 'sqlite') await sqliteTriggers(db);
  else await postgresTriggers(db);
}

/**
 * First in every trigger: on PostgreSQL it takes the generation row's lock, which a render being stored holds
 * in share mode from its check to its commit, so a drop never runs between that check and that insert.
 */
const bump = 'UPDATE render_generation SET value = value + 1 WHERE id = 1;';

function changed(columns: readonly string[], older: string, newer: string, distinct: string): string {
  return columns.map((c) => `${older}.${c} ${distinct} ${newer}.${c}`).join(' OR ');
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const dropTargeting = (type: string, row: string) =>
    `${bump} DELETE FROM article_renders WHERE article_id IN (SELECT article_id FROM article_render_targets WHERE target_type = '${type}' AND target_id = ${row}.id);`;
  for (const t of targets) {
    const when = t.columns.length ? `WHEN ${changed(t.columns, 'OLD', 'NEW', 'IS NOT')}` : '';
    await sql.raw(`CREATE TRIGGER renders_${t.table}_insert AFTER INSERT ON ${t.table} BEGIN ${dropTargeting(t.type, 'NEW')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER renders_${t.table}_delete AFTER DELETE ON ${t.table} BEGIN ${dropTargeting(t.type, 'OLD')} END`).execute(db);
    await sql.raw(`CREATE TRIGGER renders_${t.table}_update AFTER UPDATE ON ${t.table} ${when} BEGIN ${dropTargeting(t.type, 'NEW')} END`).execute(db);
  }
  await sql
    .raw(
      `CREATE TRIGGER renders_articles_own AFTER UPDATE ON articles WHEN ${changed(ownColumns, 'OLD', 'NEW', 'IS NOT')}
       BEGIN ${bump} DELETE FROM article_renders WHERE article_id = NEW.id; END`,
    )
    .execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE FUNCTION tisse_renders_target_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE target integer;
      BEGIN
        IF TG_OP = 'DELETE' THEN target := OLD.id; ELSE target := NEW.id; END IF;
        ${bump}
        DELETE FROM article_renders WHERE article_id IN
          (SELECT article_id FROM article_render_targets WHERE target_type = TG_ARGV[0] AND target_id = target);
        RETURN NULL;
      END $$`,
    )
    .execute(db);
  for (const t of targets) {
    const when = t.columns.length ? `WHEN (${changed(t.columns, 'OLD', 'NEW', 'IS DISTINCT FROM')})` : '';
    await sql
      .raw(`CREATE TRIGGER renders_${t.table}_insert_delete AFTER INSERT OR DELETE ON ${t.table} FOR EACH ROW EXECUTE FUNCTION tisse_renders_target_changed('${t.type}')`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER renders_${t.table}_update AFTER UPDATE ON ${t.table} FOR EACH ROW ${when} EXECUTE FUNCTION tisse_renders_target_changed('${t.type}')`)
      .execute(db);
  }
  await sql
    .raw(
      `CREATE FUNCTION tisse_renders_own_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${bump}
        DELETE FROM article_renders WHERE article_id = NEW.id;
        RETURN NULL;
      END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER renders_articles_own AFTER UPDATE ON articles FOR EACH ROW WHEN (${changed(ownColumns, 'OLD', 'NEW', 'IS DISTINCT FROM')})
       EXECUTE FUNCTION tisse_renders_own_changed()`,
    )
    .execute(db);
}
