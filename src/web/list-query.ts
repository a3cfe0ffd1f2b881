// The query string of a back-office list (articles, forum messages, documents, authors, keywords): a search,
// filters, a sort among a whitelisted set of columns and a page number. Everything is checked before any query:
// a malformed page, sort or filter value is a 400 naming the parameter, in French; a page past the last one is
// for the route to send to the nearest page (listPageOutOfRange). Unknown parameters are ignored, as elsewhere.
import type { Context } from 'hono';
import { z } from 'zod';
import { TisseError } from '../kernel/errors.ts';
import { safeText } from '../kernel/input.ts';

/** Rows per page of every back-office list. */
export const LIST_PAGE_SIZE = 50;

export type SortDirection = 'asc' | 'desc';

export interface ListDefinition<Sort extends string, Filters extends Record<string, z.ZodType>> {
  /** The columns one may sort by, by their name in the address (`?tri=`). */
  sorts: readonly Sort[];
  defaultSort: Sort;
  defaultDirection: SortDirection;
  /** Each filter by its name in the address; an empty value is no filter. */
  filters: Filters;
}

export interface ListQuery<Sort extends string, Filters extends Record<string, z.ZodType>> {
  /** The search, trimmed; '' for none. */
  q: string;
  sort: Sort;
  direction: SortDirection;
  /** From 1. */
  page: number;
  filters: { [K in keyof Filters]?: z.output<Filters[K]> };
  /** The list's parameters as given (search, filters, sort), without the page: links keep them. */
  params: URLSearchParams;
}

const search = safeText(200).transform((value) => value.trim());
const pageNumber = /^[0-9]{1,9}$/;

function refused(name: string): TisseError {
  return new TisseError('BAD_INPUT', { key: 'errors.list.badParameter', params: { name } });
}

export function parseListQuery<Sort extends string, Filters extends Record<string, z.ZodType>>(c: Context, list: ListDefinition<Sort, Filters>): ListQuery<Sort, Filters> {
  const raw = (name: string): string | undefined => {
    const value = c.req.query(name);
    return value === undefined || value === '' ? undefined : value;
  };
  const params = new URLSearchParams();
  const q = search.safeParse(raw('q') ?? '');
  if (!q.success) throw refused('q');
  if (q.data) params.set('q', q.data);

  const filters: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(list.filters)) {
    const value = raw(name);
    if (value === undefined) continue;
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new TisseError('BAD_INPUT', { key: 'errors.list.badFilter', params: { name } });
    filters[name] = parsed.data;
    params.set(name, value);
  }

  const sortRaw = raw('tri');
  if (sortRaw !== undefined && !list.sorts.includes(sortRaw as Sort)) throw new TisseError('BAD_INPUT', { key: 'errors.list.badSort', params: { name: 'tri' } });
  const sort = (sortRaw as Sort | undefined) ?? list.defaultSort;
  const directionRaw = raw('ordre');
  if (directionRaw !== undefined && directionRaw !== 'asc' && directionRaw !== 'desc') throw new TisseError('BAD_INPUT', { key: 'errors.list.badSort', params: { name: 'ordre' } });
  const direction = directionRaw ?? list.defaultDirection;
  if (sortRaw !== undefined) params.set('tri', sort);
  if (directionRaw !== undefined) params.set('ordre', direction);

  const pageRaw = raw('page');
  // "0", "-1", "abc", "1.5": not a page number, said so rather than shown page 1.
  if (pageRaw !== undefined && (!pageNumber.test(pageRaw) || Number(pageRaw) < 1)) throw new TisseError('BAD_INPUT', 'errors.list.badPage');
  const page = pageRaw === undefined ? 1 : Number(pageRaw);
  return { q: q.data, sort, direction, page, filters: filters as ListQuery<Sort, Filters>['filters'], params };
}

/** The number of pages of a list of `total` rows (at least one: an empty list has its first page). */
export function pageCount(total: number, size = LIST_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The address of the list with its parameters and `changes` (undefined removes one); page 1 is written without a page. */
export function listHref(base: string, params: URLSearchParams, changes: Record<string, string | undefined> = {}): string {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === '' || (name === 'page' && value === '1')) next.delete(name);
    else next.set(name, value);
  }
  const query = next.toString();
  return query ? `${base}?${query}` : base;
}

/**
 * Where a page past the end goes: the last page (after a bulk action emptied the last page, or an old link),
 * or undefined when the page exists.
 */
export function listPageOutOfRange(base: string, query: Pick<ListQuery<string, Record<string, z.ZodType>>, 'page' | 'params'>, total: number): string | undefined {
  const last = pageCount(total);
  return query.page > last ? listHref(base, query.params, { page: String(last) }) : undefined;
}

/** Filter schemas several lists share. */
export const listFilters = {
  id: z.string().regex(/^[1-9][0-9]{0,9}$/).transform(Number).refine((n) => n <= 2_147_483_647),
  /** A calendar day, YYYY-MM-DD, that exists. */
  day: z
    .string()
    .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)),
  oneOf: <T extends string>(values: readonly T[]) => z.string().refine((value): value is T => (values as readonly string[]).includes(value)).transform((value) => value as T),
};
