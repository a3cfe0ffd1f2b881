// The whole data model (see db/schema.ts for the meaning of each column).
// Later features add behaviour, not tables; dialect-specific indexes (full text) come in their own migrations.
import type { CreateTableBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from '../dialect.ts';

type Table = CreateTableBuilder<string, never>;

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const withId = (table: Table): Table =>
    dialect === 'postgres'
      ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  const text = (table: Table, name: string): Table => table.addColumn(name, 'text', (c) => c.notNull().defaultTo(''));
  const s = db.schema;

  await s
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  let sections = withId(s.createTable('sections'))
    .addColumn('parent_id', 'integer', (c) => c.references('sections.id').onDelete('restrict'))
    .addColumn('slug', 'text', (c) => c.notNull().unique());
  for (const name of ['title', 'description', 'text']) sections = text(sections, name);
  await sections
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('fr'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('sections_parent').on('sections').columns(['parent_id', 'position']).execute();

  let articles = withId(s.createTable('articles'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('restrict'))
    .addColumn('slug', 'text', (c) => c.notNull().unique());
  for (const name of ['surtitle', 'title', 'subtitle', 'description', 'lead', 'text', 'postscript']) articles = text(articles, name);
  articles = articles
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'proposed', 'published', 'refused', 'trash')`),
    )
    .addColumn('published_at', 'text')
    .addColumn('written_at', 'text')
    .addColumn('forum_mode', 'text', (c) => c.check(sql`forum_mode in ('pri', 'pos', 'abo', 'non')`))
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('fr'))
    .addColumn('glossary_enabled', 'integer', (c) => c.notNull().defaultTo(1));
  for (const name of ['link_title', 'link_url', 'redirect_url']) articles = text(articles, name);
  await articles
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('articles_section').on('articles').columns(['section_id', 'status', 'published_at']).execute();
  await s.createIndex('articles_published').on('articles').columns(['status', 'published_at']).execute();

  let users = withId(s.createTable('users'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('login', 'text', (c) => c.unique())
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) =>
      c.notNull().defaultTo('editor').check(sql`role in ('administrator', 'editor', 'visitor', 'disabled')`),
    );
  for (const name of ['bio', 'website']) users = text(users, name);
  await users
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('fr'))
    .addColumn('must_reset_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .execute();

  await s
    .createTable('user_sections')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_sections_pk', ['user_id', 'section_id'])
    .execute();

  await s
    .createTable('article_authors')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'user_id'])
    .execute();
  await s.createIndex('article_authors_user').on('article_authors').column('user_id').execute();

  await s
    .createTable('related_articles')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('related_articles_pk', ['article_id', 'related_id'])
    .execute();

  let groups = withId(s.createTable('keyword_groups')).addColumn('title', 'text', (c) => c.notNull());
  for (const name of ['description', 'text']) groups = text(groups, name);
  await groups
    .addColumn('single', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('applies_to', 'text', (c) => c.notNull().defaultTo('article'))
    .execute();

  let keywords = withId(s.createTable('keywords'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('keyword_groups.id').onDelete('restrict'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull());
  for (const name of ['description', 'text']) keywords = text(keywords, name);
  await keywords.execute();

  await s
    .createTable('keyword_links')
    .addColumn('keyword_id', 'integer', (c) => c.notNull().references('keywords.id').onDelete('cascade'))
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('keyword_links_pk', ['keyword_id', 'object_type', 'object_id'])
    .execute();
  await s.createIndex('keyword_links_object').on('keyword_links').columns(['object_type', 'object_id']).execute();

  let terms = withId(s.createTable('glossary_terms'))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'));
  for (const name of ['definition', 'presentation', 'link_url']) terms = text(terms, name);
  await terms
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  let forum = withId(s.createTable('forum_messages'))
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('public').check(sql`kind in ('public', 'team')`))
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('thread_id', 'integer')
    .addColumn('parent_id', 'integer', (c) => c.references('forum_messages.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'published', 'refused', 'spam')`),
    );
  for (const name of ['title', 'text', 'author_name', 'author_email', 'author_url']) forum = text(forum, name);
  await forum
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_at', 'text')
    .addColumn('moderated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await s.createIndex('forum_article').on('forum_messages').columns(['article_id', 'kind', 'status', 'created_at']).execute();
  await s.createIndex('forum_status').on('forum_messages').columns(['kind', 'status', 'created_at']).execute();

  let documents = withId(s.createTable('documents')).addColumn('file', 'text', (c) => c.notNull());
  for (const name of ['original_name', 'title', 'description', 'credits', 'alt', 'extension', 'mime_type']) documents = text(documents, name);
  await documents
    .addColumn('size', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('media', 'text', (c) => c.notNull().defaultTo('file'))
    .addColumn('mode', 'text', (c) => c.notNull().defaultTo('document'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('document_links')
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'integer', (c) => c.notNull())
    .addColumn('embedded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('document_links_pk', ['document_id', 'object_type', 'object_id'])
    .execute();
  await s.createIndex('document_links_object').on('document_links').columns(['object_type', 'object_id']).execute();

  await withId(s.createTable('revisions'))
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('revisions_object_number', ['object_type', 'object_id', 'number'])
    .execute();

  await withId(s.createTable('urls'))
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'integer', (c) => c.notNull())
    .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('urls_object').on('urls').columns(['object_type', 'object_id', 'is_current']).execute();

  await s
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await s.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await s
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await s
    .createTable('edit_locks')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('edit_locks_pk', ['article_id', 'user_id'])
    .execute();

  await s
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await withId(s.createTable('jobs'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('queued').check(sql`status in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('locked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

  await s
    .createTable('legacy_objects')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('legacy_objects_pk', ['source', 'source_type', 'source_id'])
    .execute();
}
