// Numbered pages of the public lists (archives, sections, keywords, authors, glossary terms, search): how the
// `?page=` parameter is read, and which page numbers a list's navigation shows. Pure: the routes count their
// rows and ask here (decision 017: numbered pages, each with a stable address, over indexed offsets).

/** Articles per page of every public list. */
export const PAGE_SIZE = 20;

/** What `?page=` asks for: a page, the first page under a second address (301), or nothing that exists (404). */
export type PageParam = { kind: 'page'; page: number } | { kind: 'first' } | { kind: 'invalid' };

/**
 * Only the digits of a page number from 2 on are a page: `1` is the list's own address, and `0`, `-1`, `abc`,
 * `1.5`, `02` or an empty value name no page. Never read as page 1, which would give two addresses to one page.
 * Nine digits at most: beyond, no list has the page, and the number stays exact.
 */
export function readPageParam(value: string | undefined): PageParam {
  if (value === undefined) return { kind: 'page', page: 1 };
  if (value === '1') return { kind: 'first' };
  if (!/^[1-9][0-9]{0,8}$/.test(value)) return { kind: 'invalid' };
  return { kind: 'page', page: Number(value) };
}

/** How many pages `total` rows fill: at least one, so that an empty list still has its (empty) first page. */
export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The address of page `page` of the list at `path` (which may carry a query of its own, as search does). */
export function pageUrl(path: string, page: number): string {
  if (page <= 1) return path;
  return `${path}${path.includes('?') ? '&' : '?'}page=${page}`;
}

export type PageLink = { kind: 'page'; number: number; url: string; current: boolean } | { kind: 'gap' };

export interface Pagination {
  current: number;
  pages: number;
  prev_url: string | null;
  next_url: string | null;
  /** The numbered links, with gaps where pages are left out. */
  links: PageLink[];
}

/** Pages shown on each side of the current one; the first and last are always shown. */
const AROUND = 2;

/**
 * The navigation of page `current` out of `pages`: the first, the last, and the current one with two on each
 * side; a gap of a single page shows that page instead of an ellipsis (an ellipsis hiding one number saves nothing).
 */
export function paginate(path: string, current: number, pages: number): Pagination {
  const shown = new Set<number>([1, pages]);
  for (let n = current - AROUND; n <= current + AROUND; n++) if (n >= 1 && n <= pages) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  let previous = 0;
  for (const n of numbers) {
    if (n - previous === 2) links.push(pageLink(path, n - 1, current));
    else if (n - previous > 2) links.push({ kind: 'gap' });
    links.push(pageLink(path, n, current));
    previous = n;
  }
  return {
    current,
    pages,
    prev_url: current > 1 ? pageUrl(path, current - 1) : null,
    next_url: current < pages ? pageUrl(path, current + 1) : null,
    links,
  };
}

function pageLink(path: string, number: number, current: number): PageLink {
  return { kind: 'page', number, url: pageUrl(path, number), current: number === current };
}
