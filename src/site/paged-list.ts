// What every paginated public list does with its request: read `?page=`, answer 301 for `?page=1` (the list's
// own address) and the theme's 404 for a page that is not one or lies past the end, and give the page its head
// (title with its number, canonical address, rel prev/next).
import type { Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { t } from '../kernel/i18n/index.ts';
import { notFound } from './page.ts';
import { paginate, pageCount, pageUrl, readPageParam, PAGE_SIZE, type Pagination } from './pagination.ts';
import type { PageHead } from './render-page.ts';

/** The page number asked for, or the answer instead: a 301 to the address without `?page=1`, a 404. */
export async function requestedPage(c: Context<AppEnv>): Promise<number | Response> {
  const param = readPageParam(c.req.query('page'));
  if (param.kind === 'page') return param.page;
  if (param.kind === 'invalid') return notFound(c);
  const url = new URL(c.req.url);
  url.searchParams.delete('page');
  return c.redirect(url.pathname + url.search, 301);
}

export interface ListPage {
  page: number;
  offset: number;
  limit: number;
  pagination: Pagination;
}

/**
 * Page `page` of a list of `total` rows at `path`, or null when the list has no such page (a 404: a page past
 * the end is not the last one under another number).
 */
export function listPage(path: string, page: number, total: number, pageSize = PAGE_SIZE): ListPage | null {
  const pages = pageCount(total, pageSize);
  if (page > pages) return null;
  return { page, offset: (page - 1) * pageSize, limit: pageSize, pagination: paginate(path, page, pages) };
}

/** The title of page `page` of a list: its number from page 2 on, so that results and tabs tell pages apart. */
export function pagedTitle(title: string, page: number): string {
  return page > 1 ? `${title} — ${t('pagination.titlePage', { page })}` : title;
}

/** What a page of a list adds to its head: rel prev/next (the layout writes them from `page`). */
export function pagedHead(pagination: Pagination): Pick<PageHead, 'prevUrl' | 'nextUrl'> {
  return { prevUrl: pagination.prev_url, nextUrl: pagination.next_url };
}

/** The path (and query) of the page's own address: the canonical one of page 2 is `?page=2`. */
export function pagedPath(path: string, page: number): string {
  return pageUrl(path, page);
}

/** A list's own address in the language it was asked in (`?lang=`, decision 031): its pages keep it. */
export function listPathIn(path: string, lang: string | undefined): string {
  return lang ? `${path}?lang=${encodeURIComponent(lang)}` : path;
}
