// The parts every back-office list is made of (issue 18): the search and filters form, column headers that sort
// (aria-sort on the sorted one), numbered pagination, and the checkboxes and action bar of bulk actions. The list's
// state lives in its address (web/list-query.ts): every link and form here keeps the search, filters and sort.
import type { Child, FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { listHref, type SortDirection } from '../../web/list-query.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField } from './layout.tsx';

/** What the parts need of a parsed list query. */
export interface ListState {
  /** The list's path, e.g. /ecrire/articles. */
  base: string;
  params: URLSearchParams;
  q: string;
  sort: string;
  direction: SortDirection;
  page: number;
  pages: number;
  total: number;
}

/**
 * The GET form of a list: a search box, the filters given as children (selects and date fields whose names are
 * the list's parameters), and the current sort kept in hidden fields (unless the children choose it: `ownSort`).
 * A new search starts from page 1.
 */
export const ListFilters: FC<{ list: ListState; searchLabel: string; ownSort?: boolean; children?: Child }> = ({ list, searchLabel, ownSort = false, children }) => (
  <form method="get" action={list.base} class="list-filters" role="search">
    <div class="field list-filters__search">
      <label for="liste-q">{searchLabel}</label>
      <input type="search" id="liste-q" name="q" value={list.q} maxlength={200} />
    </div>
    {children}
    {!ownSort && list.params.get('tri') ? <input type="hidden" name="tri" value={list.params.get('tri')!} /> : null}
    {!ownSort && list.params.get('ordre') ? <input type="hidden" name="ordre" value={list.params.get('ordre')!} /> : null}
    <div class="list-filters__actions">
      <button type="submit">{t('admin.list.apply')}</button>{' '}
      <a href={list.base}>{t('admin.list.reset')}</a>
    </div>
  </form>
);

/** A select filter: its options by value, '' for "any". */
export const FilterSelect: FC<{ name: string; label: string; value: string | undefined; options: readonly { value: string; label: string }[]; anyLabel?: string }> = ({ name, label, value, options, anyLabel }) => (
  <div class="field">
    <label for={`liste-${name}`}>{label}</label>
    <select id={`liste-${name}`} name={name}>
      <option value="">{anyLabel ?? t('admin.list.any')}</option>
      {options.map((option) => (
        <option value={option.value} selected={option.value === value}>{option.label}</option>
      ))}
    </select>
  </div>
);

/** A filter typed in (a number, a word). */
export const FilterText: FC<{ name: string; label: string; value: string | undefined; inputmode?: 'numeric' | 'text' }> = ({ name, label, value, inputmode }) => (
  <div class="field">
    <label for={`liste-${name}`}>{label}</label>
    <input type="text" id={`liste-${name}`} name={name} value={value ?? ''} inputmode={inputmode} />
  </div>
);

/** A date filter (a calendar day). */
export const FilterDay: FC<{ name: string; label: string; value: string | undefined }> = ({ name, label, value }) => (
  <div class="field">
    <label for={`liste-${name}`}>{label}</label>
    <input type="date" id={`liste-${name}`} name={name} value={value ?? ''} />
  </div>
);

/**
 * A column header that sorts: a link to the list sorted by `column` (ascending first; the sorted column's link
 * turns the order around), aria-sort on the column the list is sorted by.
 */
export const SortHeader: FC<{ list: ListState; column: string; label: string }> = ({ list, column, label }) => {
  const sorted = list.sort === column;
  const next: SortDirection = sorted && list.direction === 'asc' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={sorted ? (list.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a href={listHref(list.base, list.params, { tri: column, ordre: next, page: undefined })}>
        {label}
        {sorted ? <span aria-hidden="true">{list.direction === 'asc' ? ' ▲' : ' ▼'}</span> : null}
        <span class="visually-hidden"> — {t(next === 'asc' ? 'admin.list.sortAscending' : 'admin.list.sortDescending')}</span>
      </a>
    </th>
  );
};

/** The pages shown around the current one: the first, the last, and two on either side, gaps as null. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= pages));
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const [index, n] of sorted.entries()) {
    if (index > 0 && n - sorted[index - 1]! > 1) out.push(null);
    out.push(n);
  }
  return out;
}

/** "N résultats" (above the list only: `withCount`), and numbered pages when there is more than one. */
export const Pagination: FC<{ list: ListState; withCount?: boolean }> = ({ list, withCount = true }) => {
  const href = (page: number) => listHref(list.base, list.params, { page: String(page) });
  return (
    <div class="pagination">
      {withCount ? <p class="pagination__count">{t('admin.list.count', { count: list.total, page: list.page, pages: list.pages })}</p> : null}
      {list.pages > 1 ? (
        <nav aria-label={t('admin.list.pages')}>
          <ul>
            {list.page > 1 ? <li><a href={href(list.page - 1)} rel="prev">{t('admin.list.previous')}</a></li> : null}
            {pageWindow(list.page, list.pages).map((n) =>
              n === null ? (
                <li aria-hidden="true">…</li>
              ) : (
                <li>
                  <a href={href(n)} aria-current={n === list.page ? 'page' : undefined} aria-label={t('admin.list.pageN', { page: n })}>{String(n)}</a>
                </li>
              ),
            )}
            {list.page < list.pages ? <li><a href={href(list.page + 1)} rel="next">{t('admin.list.next')}</a></li> : null}
          </ul>
        </nav>
      ) : null}
    </div>
  );
};

/**
 * The POST form around a list's table: its CSRF token, the list's address to come back to, and the bulk actions
 * applied to the checked rows. `controls` are the action's choices (an action select, a section select…).
 */
export const BulkForm: FC<{ user: CurrentUser; action: string; list: ListState; controls: Child; applyLabel?: string; children?: Child }> = ({ user, action, list, controls, applyLabel, children }) => (
  <form method="post" action={action} class="bulk-form">
    <CsrfField user={user} />
    <input type="hidden" name="retour" value={listHref(list.base, list.params, { page: String(list.page) })} />
    <fieldset class="bulk-actions">
      <legend>{t('admin.list.bulkLegend')}</legend>
      {controls}
      <button type="submit">{applyLabel ?? t('admin.list.bulkApply')}</button>
    </fieldset>
    {children}
  </form>
);

/** A row's checkbox, labelled by the row's title for screen readers. */
export const RowCheckbox: FC<{ id: number; label: string }> = ({ id, label }) => (
  <td class="list-check">
    <input type="checkbox" name="ids" value={String(id)} id={`ligne-${id}`} aria-label={t('admin.list.check', { title: label })} />
  </td>
);

/** The header cell above the row checkboxes: "check all", working with assets/list.js (hidden without it). */
export const CheckAllHeader: FC = () => (
  <th scope="col" class="list-check">
    <span class="visually-hidden">{t('admin.list.selection')}</span>
    <input type="checkbox" class="list-check-all" aria-label={t('admin.list.checkAll')} hidden />
  </th>
);
