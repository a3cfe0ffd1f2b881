// The related-articles picker's search (issue 18): GET /ecrire/articles/choix?q=…&exclure=<id>&page=<n> searches
// every article the user may see (not only the most recent ones the editor's list starts with), by folded title or
// number, 20 per page, as JSON for assets/picker.js. `exclure` is the article being edited, never offered: an
// article is not related to itself (the save refuses it too: update-article.ts).
import { Hono } from 'hono';
import { listBackOfficeArticles } from '../articles/index.ts';
import { t } from '../kernel/i18n/index.ts';
import { mustUser, type AdminEnv } from '../web/auth.ts';
import { listFilters, pageCount, parseListQuery, type ListDefinition } from '../web/list-query.ts';

export const articlePickerRoutes = new Hono<AdminEnv>();

/** Results per page of the picker: a short list under the search field. */
export const PICKER_PAGE_SIZE = 20;

const pickerFilters = { exclure: listFilters.id };
const pickerList: ListDefinition<'maj', typeof pickerFilters> = { sorts: ['maj'], defaultSort: 'maj', defaultDirection: 'desc', filters: pickerFilters };

articlePickerRoutes.get('/choix', async (c) => {
  const user = mustUser(c);
  const query = parseListQuery(c, pickerList);
  const found = await listBackOfficeArticles(c.get('app').db, user.actor, {
    filter: { search: query.q, excludeId: query.filters.exclure },
    sort: 'maj',
    direction: 'desc',
    offset: (query.page - 1) * PICKER_PAGE_SIZE,
    limit: PICKER_PAGE_SIZE,
  });
  return c.json(
    {
      results: found.rows.map((row) => ({ id: row.id, title: row.title, status: row.status, statusLabel: t(`admin.status.${row.status}`), section: row.section_title })),
      total: found.total,
      page: query.page,
      pages: pageCount(found.total, PICKER_PAGE_SIZE),
      message: found.total === 0 ? t('admin.picker.none') : t('admin.picker.count', { count: found.total }),
    },
    200,
    { 'cache-control': 'no-store' },
  );
});
