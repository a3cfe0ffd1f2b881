// What the full-text index holds, for both databases: which tables and fields, their weights, since when each
// object is visible, and the statements that fill the index from a table. Migration 011 builds the index and
// its triggers from this; search/ refills it (tisse reindex, after an import).
import type { DialectName } from './dialect.ts';

/** Kinds of indexed objects; SQLite's FTS rowid is id × 4 + kind. */
export const searchKinds = { article: 0, section: 1, glossary: 2, forum: 3 } as const;

/** `visible_from` of objects that are not visible at any date (greater than every ISO date). */
export const NEVER = '9999';

export interface SearchTable {
  table: 'articles' | 'sections' | 'glossary_terms' | 'forum_messages';
  kind: number;
  /** The four weighted fields, from most to least weight, as SQL over the row (prefix `r.`). */
  fields: [string, string, string, string];
  /** Which rows are indexed at all (prefix `r.`). */
  when: string;
  /** Since when the object is public, as SQL over the row (prefix `r.`); NULL: always. */
  visibleFrom: string;
  /** Columns whose change re-indexes the row. */
  columns: string[];
  /** The row's language (prefix `r.`), when its words are stemmed in it (migration 062): articles. */
  lang?: string;
}

export const articleVisibility = (a: string) => `CASE WHEN ${a}.status = 'published' THEN coalesce(${a}.published_at, '${NEVER}') ELSE '${NEVER}' END`;

export const searchTables: SearchTable[] = [
  {
    table: 'articles',
    kind: searchKinds.article,
    fields: ['r.title', "r.surtitle || ' ' || r.subtitle || ' ' || r.description || ' ' || r.lead", 'r.text', 'r.postscript'],
    when: "r.status = 'published'",
    visibleFrom: `coalesce(r.published_at, '${NEVER}')`,
    columns: ['status', 'published_at', 'title', 'surtitle', 'subtitle', 'description', 'lead', 'text', 'postscript'],
    lang: 'r.lang',
  },
  { table: 'sections', kind: searchKinds.section, fields: ['r.title', 'r.description', 'r.text', "''"], when: '1 = 1', visibleFrom: 'NULL', columns: ['title', 'description', 'text'] },
  {
    table: 'glossary_terms',
    kind: searchKinds.glossary,
    fields: ["r.term || ' ' || r.variants", 'r.definition', 'r.presentation', "''"],
    when: '1 = 1',
    visibleFrom: 'NULL',
    columns: ['term', 'variants', 'definition', 'presentation'],
  },
  {
    table: 'forum_messages',
    kind: searchKinds.forum,
    // Never the author's email: the index is public text.
    fields: ['r.title', "''", 'r.text', "''"],
    when: "r.kind = 'public' AND r.status = 'published'",
    // A message is public while its article is.
    visibleFrom: `coalesce((SELECT ${articleVisibility('a')} FROM articles a WHERE a.id = r.article_id), '${NEVER}')`,
    columns: ['kind', 'status', 'article_id', 'title', 'text'],
  },
];

export const on = (expr: string, row: string) => expr.replace(/\br\./g, `${row}.`);
export const hasVisibility = (t: SearchTable) => t.visibleFrom !== 'NULL';

/** The SQL of one row's weighted vector (PostgreSQL) or of one field's stems (SQLite), in the row's language when it has one. */
export const vectorOf = (t: SearchTable, languages: boolean) => `tisse_search_vector(${t.fields.join(', ')}${languages && t.lang ? `, ${t.lang}` : ''})`;
export const stemsOf = (t: SearchTable, field: string, languages: boolean) => (field === "''" ? field : languages && t.lang ? `tisse_search_stems_in(${field}, ${t.lang})` : `tisse_search_stems(${field})`);

/**
 * Statements filling the index from one table, for every row or for ids in [from, to). `languages`: each row's words
 * stemmed in its language (migration 062 on); migration 011, which calls this before 062 exists, leaves it false.
 */
export function fillStatements(dialect: DialectName, t: SearchTable, range?: [number, number], languages = false): string[] {
  const where = `(${t.when})` + (range ? ` AND r.id >= ${Math.trunc(range[0])} AND r.id < ${Math.trunc(range[1])}` : '');
  if (dialect === 'postgres') {
    return [`INSERT INTO search_entries(kind, object_id, visible_from, vector) SELECT ${t.kind}, r.id, ${t.visibleFrom}, ${vectorOf(t, languages)} FROM ${t.table} r WHERE ${where}`];
  }
  const stems = t.fields.map((f) => stemsOf(t, f, languages)).join(', ');
  const statements = [`INSERT INTO search_fts(rowid, title, lead, body, postscript) SELECT r.id * 4 + ${t.kind}, ${stems} FROM ${t.table} r WHERE ${where}`];
  if (hasVisibility(t)) statements.push(`INSERT OR REPLACE INTO search_visible_from(id, visible_from) SELECT r.id * 4 + ${t.kind}, ${t.visibleFrom} FROM ${t.table} r WHERE ${where}`);
  return statements;
}
