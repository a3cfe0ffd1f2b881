// What a back-office list asks a domain module for and gets back (issue 18): one page of rows, cut by the
// database, and how many rows all pages hold. Each module names its own filters and sortable columns.

export interface ListRequest<Sort extends string, Filter> {
  filter: Filter;
  sort: Sort;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface ListPage<Row> {
  rows: Row[];
  /** Rows matching the filter in all pages. */
  total: number;
}

/** A LIKE pattern matching `text` anywhere, its own % and _ taken literally (escape character \). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
