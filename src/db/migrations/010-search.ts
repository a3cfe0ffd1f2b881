// Full-text search index, kept current by database triggers in the same transaction as every write to
// articles, sections, glossary terms and forum messages, whoever makes the write (back office, import,
// CLI, a later module). Only published articles and published public messages are indexed; visibility
// (publication date) is checked again at query time. See docs/decisions/010-french-search.md.
//   SQLite: a contentless FTS5 table of accent-folded words; Snowball stems are matched at query time.
//   PostgreSQL: a weighted tsvector (french configuration, accents folded) per object, GIN-indexed.
import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';

/** Kinds of indexed objects; SQLite's FTS rowid is id × 4 + kind. */
export const searchKinds = { article: 0, section: 1, glossary: 2, forum: 3 } as const;

export interface IndexedTable {
  table: 'articles' | 'sections' | 'glossary_terms' | 'forum_messages';
  kind: number;
  /** The four weighted fields, from most to least weight, as SQL over the row (prefix `r.`). */
  fields: [string, string, string, string];
  /** Which rows are indexed at all (prefix `r.`). */
  when: string;
  /** Columns whose change re-indexes the row. */
  columns: string[];
}

export const indexedTables: IndexedTable[] = [
  {
    table: 'articles',
    kind: searchKinds.article,
    fields: ['r.title', "r.surtitle || ' ' || r.subtitle || ' ' || r.description || ' ' || r.lead", 'r.text', 'r.postscript'],
    when: "r.status = 'published'",
    columns: ['status', 'title', 'surtitle', 'subtitle', 'description', 'lead', 'text', 'postscript'],
  },
  { table: 'sections', kind: searchKinds.section, fields: ['r.title', 'r.description', 'r.text', "''"], when: '1 = 1', columns: ['title', 'description', 'text'] },
  {
    table: 'glossary_terms',
    kind: searchKinds.glossary,
    fields: ["r.term || ' ' || r.variants", 'r.definition', 'r.presentation', "''"],
    when: '1 = 1',
    columns: ['term', 'variants', 'definition', 'presentation'],
  },
  {
    table: 'forum_messages',
    kind: searchKinds.forum,
    // Never the author's email: the index is public text.
    fields: ['r.title', "''", 'r.text', "''"],
    when: "r.kind = 'public' AND r.status = 'published'",
    columns: ['kind', 'status', 'title', 'text'],
  },
];

const on = (expr: string, row: string) => expr.replace(/\br\./g, `${row}.`);

/** INSERT … SELECT filling the index from one table, for every row or for ids in [from, to). */
export function fillStatement(dialect: DialectName, t: IndexedTable, range?: [number, number]): string {
  const where = `(${t.when})` + (range ? ` AND r.id >= ${Math.trunc(range[0])} AND r.id < ${Math.trunc(range[1])}` : '');
  return dialect === 'sqlite'
    ? `INSERT INTO search_fts(rowid, title, lead, body, postscript) SELECT r.id * 4 + ${t.kind}, ${t.fields.join(', ')} FROM ${t.table} r WHERE ${where}`
    : `INSERT INTO search_entries(kind, object_id, vector) SELECT ${t.kind}, r.id, tisse_search_vector(${t.fields.join(', ')}) FROM ${t.table} r WHERE ${where}`;
}

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') await upSqlite(db);
  else await upPostgres(db);
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  // Contentless (the text stays in its own table), deletable by rowid; unicode61 folds case and accents.
  await sql
    .raw(
      `CREATE VIRTUAL TABLE search_fts USING fts5(title, lead, body, postscript, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2")`,
    )
    .execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_fts, 'row')`).execute(db);
  for (const t of indexedTables) {
    const values = (row: string) => `${row}.id * 4 + ${t.kind}, ${t.fields.map((f) => on(f, row)).join(', ')}`;
    const insert = `INSERT INTO search_fts(rowid, title, lead, body, postscript) SELECT ${values('new')} WHERE ${on(t.when, 'new')};`;
    const remove = `DELETE FROM search_fts WHERE rowid = old.id * 4 + ${t.kind};`;
    await sql.raw(`CREATE TRIGGER search_${t.table}_insert AFTER INSERT ON ${t.table} BEGIN ${insert} END`).execute(db);
    await sql.raw(`CREATE TRIGGER search_${t.table}_delete AFTER DELETE ON ${t.table} BEGIN ${remove} END`).execute(db);
    await sql.raw(`CREATE TRIGGER search_${t.table}_update AFTER UPDATE OF ${t.columns.join(', ')} ON ${t.table} BEGIN ${remove} ${insert} END`).execute(db);
    await sql.raw(fillStatement('sqlite', t)).execute(db);
  }
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  // Folding in SQL, with only built-in functions (no unaccent extension to install): lower() may keep
  // capitals with accents under the C locale, so the table maps both cases.
  await sql
    .raw(
      `CREATE FUNCTION tisse_search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT translate(replace(replace(replace(replace(lower(t), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'),
          'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ',
          'aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy') $$`,
    )
    .execute(db);
  // A tsvector is limited to 1 MB: very long texts are indexed on their first 200,000 characters, so
  // saving them never fails.
  await sql
    .raw(
      `CREATE FUNCTION tisse_search_vector(a text, b text, c text, d text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('french'::regconfig, tisse_search_fold(left(a, 200000))), 'A')
            || setweight(to_tsvector('french'::regconfig, tisse_search_fold(left(b, 200000))), 'B')
            || setweight(to_tsvector('french'::regconfig, tisse_search_fold(left(c, 200000))), 'C')
            || setweight(to_tsvector('french'::regconfig, tisse_search_fold(left(d, 200000))), 'D') $$`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TABLE search_entries (kind smallint NOT NULL, object_id integer NOT NULL, vector tsvector NOT NULL, PRIMARY KEY (kind, object_id))`)
    .execute(db);
  await sql.raw(`CREATE INDEX search_entries_vector ON search_entries USING gin (vector)`).execute(db);
  for (const t of indexedTables) {
    const values = `${t.kind}, NEW.id, tisse_search_vector(${t.fields.map((f) => on(f, 'NEW')).join(', ')})`;
    await sql
      .raw(
        `CREATE FUNCTION tisse_search_${t.table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'INSERT' THEN DELETE FROM search_entries WHERE kind = ${t.kind} AND object_id = OLD.id; END IF;
          IF TG_OP <> 'DELETE' THEN
            IF ${on(t.when, 'NEW')} THEN INSERT INTO search_entries(kind, object_id, vector) VALUES (${values}); END IF;
          END IF;
          RETURN NULL;
        END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER search_${t.table} AFTER INSERT OR DELETE OR UPDATE OF ${t.columns.join(', ')} ON ${t.table}
         FOR EACH ROW EXECUTE FUNCTION tisse_search_${t.table}()`,
      )
      .execute(db);
    await sql.raw(fillStatement('postgres', t)).execute(db);
  }
}
