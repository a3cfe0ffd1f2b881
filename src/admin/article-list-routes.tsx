// The back-office article list at /ecrire/articles (issue 18): searched, filtered, sorted and paged by the
// database over what the reader may see, and its bulk actions (POST /ecrire/articles/lot), applied all or nothing
// by articles/operations/change-articles-in-bulk.ts; the browser comes back to the list as it was, with a
// confirmation. Malformed parameters are 400s in French (web/list-query.ts); a page past the last one goes to the last.
import { Hono, type Context } from 'hono';
import { articleListSorts, articleStatuses, changeArticlesInBulk, listBackOfficeArticles, sectionChoices, type ArticleListSort, type BulkArticleAction } from '../articles/index.ts';
import { TisseError } from '../kernel/errors.ts';
import { t, type MessageKey } from '../kernel/i18n/index.ts';
import { parseId } from '../kernel/input.ts';
import { loadSectionTree, type SectionTree } from '../sections/index.ts';
import { can, listWriters } from '../users/index.ts';
import { mustUser, type AdminEnv } from '../web/auth.ts';
import { field, fieldList, formFields } from '../web/form-action.ts';
import { LIST_PAGE_SIZE, listFilters, listPageOutOfRange, pageCount, parseListQuery, type ListDefinition } from '../web/list-query.ts';
import { ArticleList, bulkTransitions } from './pages/article-list.tsx';
import { localInputToIso } from '../kernel/time-zone.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { renderAdmin } from './render.tsx';

export const articleListRoutes = new Hono<AdminEnv>();

const BASE = '/ecrire/articles';

const articleFilters = {
  statut: listFilters.oneOf(articleStatuses),
  rubrique: listFilters.id,
  auteur: listFilters.id,
  du: listFilters.day,
  au: listFilters.day,
};

const articleList: ListDefinition<ArticleListSort, typeof articleFilters> = { sorts: articleListSorts, defaultSort: 'maj', defaultDirection: 'desc', filters: articleFilters };

/** The sections in tree order with their depth, for the section filter. */
function sectionsInOrder(tree: SectionTree): { id: number; title: string; depth: number }[] {
  const walk = (parentId: number | null, depth: number): { id: number; title: string; depth: number }[] =>
    tree.children(parentId).flatMap((section) => [{ id: section.id, title: section.title, depth }, ...walk(section.id, depth + 1)]);
  return walk(null, 0);
}

/** The day after a calendar day, as YYYY-MM-DD. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The confirmation of a bulk action, from the list's address after the redirect (?fait=<action>&nombre=<n>). */
function doneMessage(c: Context<AdminEnv>): string | undefined {
  const action = c.req.query('fait');
  const count = parseId(c.req.query('nombre') ?? '');
  if (!action || count === undefined || !([...bulkTransitions, 'move'] as string[]).includes(action)) return undefined;
  return t(`admin.articles.bulkDone.${action}.${count === 1 ? 'one' : 'many'}` as MessageKey, { count });
}

articleListRoutes.get('/', async (c) => {
  const user = mustUser(c);
  const db = c.get('app').db;
  const query = parseListQuery(c, articleList);
  const [tree, writers] = await Promise.all([loadSectionTree(db), listWriters(db)]);
  const { rubrique, auteur, du, au, statut } = query.filters;
  // A section or author that does not exist is a wrong filter, not an empty list.
  if (rubrique !== undefined && !tree.byId.has(rubrique)) throw new TisseError('BAD_INPUT', { key: 'errors.list.badFilter', params: { name: 'rubrique' } });
  if (auteur !== undefined && !writers.some((w) => w.id === auteur)) throw new TisseError('BAD_INPUT', { key: 'errors.list.badFilter', params: { name: 'auteur' } });
  const { timeZone } = await loadSiteSettings(db);
  const page = await listBackOfficeArticles(db, user.actor, {
    filter: {
      search: query.q,
      status: statut,
      sectionId: rubrique,
      authorId: auteur,
      // Days are the organisation's (the site's time zone), as the dates the list shows.
      changedFrom: du ? localInputToIso(`${du}T00:00`, timeZone) : undefined,
      changedBefore: au ? localInputToIso(`${nextDay(au)}T00:00`, timeZone) : undefined,
    },
    sort: query.sort,
    direction: query.direction,
    offset: (query.page - 1) * LIST_PAGE_SIZE,
    limit: LIST_PAGE_SIZE,
  });
  const nearest = listPageOutOfRange(BASE, query, page.total);
  if (nearest) return c.redirect(nearest, 302);
  return renderAdmin(c, {
    title: t('admin.article.list'),
    current: BASE,
    scripts: ['list.js'],
    body: (
      <ArticleList
        user={user}
        list={{ base: BASE, params: query.params, q: query.q, sort: query.sort, direction: query.direction, page: query.page, pages: pageCount(page.total), total: page.total }}
        rows={page.rows}
        filters={{ statut, rubrique: query.params.get('rubrique') ?? undefined, auteur: query.params.get('auteur') ?? undefined, du, au }}
        sections={sectionsInOrder(tree)}
        moveTargets={sectionChoices(tree, user.actor)}
        writers={writers}
        canCreate={can(user.actor, 'article.create')}
        done={doneMessage(c)}
      />
    ),
  });
});

/** The list address a bulk action came from, checked to be the list's own (no open redirect). */
function returnAddress(raw: string): string {
  return /^\/ecrire\/articles(\?[^#\s]*)?$/.test(raw) ? raw : BASE;
}

articleListRoutes.post('/lot', async (c) => {
  const user = mustUser(c);
  const fields = await formFields(c);
  const name = field(fields, 'action');
  const ids = fieldList(fields, 'ids').map((raw) => parseId(raw));
  // A number no article can have is refused before the database sees it.
  if (ids.some((id) => id === undefined)) throw new TisseError('BAD_INPUT', 'errors.list.checkedNotFound');
  let action: BulkArticleAction;
  if (name === 'move') {
    const sectionId = parseId(field(fields, 'sectionId'));
    if (sectionId === undefined) throw new TisseError('BAD_INPUT', 'errors.sections.chosenNotFound');
    action = { moveTo: sectionId };
  } else if ((bulkTransitions as readonly string[]).includes(name)) {
    action = { transition: name as (typeof bulkTransitions)[number] };
  } else {
    throw new TisseError('BAD_INPUT', 'errors.list.unknownAction');
  }
  const { changed } = await changeArticlesInBulk(c.get('app').db, user.actor, ids as number[], action, { siteUrl: c.get('app').config.siteUrl });
  c.get('app').log.info({ user: user.user.id, action: name, ids }, `articles: ${changed} changed in bulk (${name})`);
  const back = returnAddress(field(fields, 'retour'));
  return c.redirect(`${back}${back.includes('?') ? '&' : '?'}fait=${name}&nombre=${changed}`, 303);
});
