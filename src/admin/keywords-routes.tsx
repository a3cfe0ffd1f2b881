// /ecrire/mots: keyword groups and keywords (full administrators). Linking keywords to an article is the
// article editor's business, through keywords/operations/link-keyword.ts.
import { keywordPublicUrl } from './public-pages.ts';
import { submitForm, field, fieldList, type FormState } from '../web/form-action.ts';
import { Hono, type Context } from 'hono';
import { requirePermission, type AdminEnv } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { LIST_PAGE_SIZE, listFilters, listPageOutOfRange, pageCount, parseListQuery, type ListDefinition } from '../web/list-query.ts';
import { doneMessage, positiveId } from './form-state.ts';
import { KeywordFormPage, KeywordGroupFormPage, KeywordsPage } from './pages/keywords.tsx';
import { keywordListSorts, listKeywordGroupSummaries, listKeywordPage, type KeywordListSort, loadKeyword, loadKeywordGroup, listKeywordGroups, parseAppliesTo, saveKeywordGroup, deleteKeywordGroup, saveKeyword, deleteKeyword } from '../keywords/index.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';

export const keywordsAdminRoutes = new Hono<AdminEnv>();

const current = '/ecrire/mots';

keywordsAdminRoutes.use('*', async (c, next) => {
  requirePermission(c, 'keyword.manage');
  await next();
});

const keywordFilters = { groupe: listFilters.id };
const keywordList: ListDefinition<KeywordListSort, typeof keywordFilters> = { sorts: keywordListSorts, defaultSort: 'titre', defaultDirection: 'asc', filters: keywordFilters };

keywordsAdminRoutes.get('/', async (c) => {
  const db = c.get('app').db;
  const query = parseListQuery(c, keywordList);
  const groups = await listKeywordGroupSummaries(db);
  if (query.filters.groupe !== undefined && !groups.some((g) => g.id === query.filters.groupe)) throw new TisseError('BAD_INPUT', { key: 'errors.list.badFilter', params: { name: 'groupe' } });
  const page = await listKeywordPage(db, { filter: { search: query.q, groupId: query.filters.groupe }, sort: query.sort, direction: query.direction, offset: (query.page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE });
  const nearest = listPageOutOfRange(current, query, page.total);
  if (nearest) return c.redirect(nearest, 302);
  const list = { base: current, params: query.params, q: query.q, sort: query.sort, direction: query.direction, page: query.page, pages: pageCount(page.total), total: page.total };
  return renderAdmin(c, { title: t('admin.keywords.title'), current, body: <KeywordsPage groups={groups} keywords={page.rows} list={list} groupId={query.params.get('groupe') ?? ''} done={doneMessage(c)} /> });
});

// Groups

async function requestedGroup(c: Context<AdminEnv>) {
  const id = positiveId(c.req.param('id'));
  const group = id === undefined ? undefined : await loadKeywordGroup(c.get('app').db, id);
  if (!group) throw new TisseError('NOT_FOUND', 'errors.keywords.groupNotFound');
  return group;
}

function renderGroup(c: Context<AdminEnv>, state: FormState, group?: { id: number; title: string }, status?: number): Promise<Response> {
  const user = requirePermission(c, 'keyword.manage');
  return renderAdmin(c, {
    title: group ? t('admin.keywords.editGroup', { title: group.title }) : t('admin.keywords.newGroup'),
    current,
    status,
    body: <KeywordGroupFormPage user={user} group={group} state={state} done={doneMessage(c)} />,
  });
}

function groupInput(fields: Record<string, string | string[]>) {
  return {
    title: field(fields, 'title'),
    description: field(fields, 'description'),
    single: field(fields, 'single') === '1',
    required: field(fields, 'required') === '1',
    appliesTo: fieldList(fields, 'appliesTo').filter((v): v is 'article' | 'section' => v === 'article' || v === 'section'),
  };
}

keywordsAdminRoutes.get('/groupes/nouveau', (c) => renderGroup(c, { values: { appliesTo: ['article'] } }));

keywordsAdminRoutes.post('/groupes/nouveau', async (c) => {
  return submitForm(c, {
    run: (fields) => saveKeywordGroup(c.get('app').db, groupInput(fields)),
    then: (group) => `/ecrire/mots/groupes/${group.id}?fait=created`,
    refused: (state, status) => renderGroup(c, state, undefined, status),
  });
});

keywordsAdminRoutes.get('/groupes/:id', async (c) => {
  const g = await requestedGroup(c);
  const values = { title: g.title, description: g.description, appliesTo: parseAppliesTo(g.applies_to), single: g.single ? '1' : '', required: g.required ? '1' : '' };
  return renderGroup(c, { values }, g);
});

keywordsAdminRoutes.post('/groupes/:id', async (c) => {
  const g = await requestedGroup(c);
  return submitForm(c, {
    run: (fields) => saveKeywordGroup(c.get('app').db, groupInput(fields), g.id),
    then: () => `/ecrire/mots/groupes/${g.id}?fait=saved`,
    refused: (state, status) => renderGroup(c, state, g, status),
  });
});

keywordsAdminRoutes.post('/groupes/:id/supprimer', async (c) => {
  const g = await requestedGroup(c);
  await deleteKeywordGroup(c.get('app').db, g.id);
  return c.redirect('/ecrire/mots?fait=deleted', 303);
});

// Keywords

async function renderKeyword(c: Context<AdminEnv>, state: FormState, keyword?: { id: number; title: string; slug: string }, status?: number): Promise<Response> {
  const user = requirePermission(c, 'keyword.manage');
  const groups = (await listKeywordGroups(c.get('app').db)).map((g) => ({ value: String(g.id), label: g.title }));
  return renderAdmin(c, {
    title: keyword ? t('admin.keywords.editKeyword', { title: keyword.title }) : t('admin.keywords.newKeyword'),
    current,
    status,
    body: <KeywordFormPage user={user} keyword={keyword} groups={groups} state={state} done={doneMessage(c)} publicUrl={keyword ? keywordPublicUrl(keyword) : undefined} />,
  });
}

function keywordInput(fields: Record<string, string | string[]>) {
  return {
    groupId: positiveId(field(fields, 'groupId')) ?? 0,
    title: field(fields, 'title'),
    description: field(fields, 'description'),
    text: field(fields, 'text'),
    slug: field(fields, 'slug'),
  };
}

async function requestedKeyword(c: Context<AdminEnv>) {
  const id = positiveId(c.req.param('id'));
  const keyword = id === undefined ? undefined : await loadKeyword(c.get('app').db, id);
  if (!keyword) throw new TisseError('NOT_FOUND', 'errors.keywords.keywordNotFound');
  return keyword;
}

keywordsAdminRoutes.get('/nouveau', (c) => renderKeyword(c, { values: { groupId: c.req.query('groupe') ?? '' } }));

keywordsAdminRoutes.post('/nouveau', async (c) => {
  return submitForm(c, {
    run: (fields) => saveKeyword(c.get('app').db, keywordInput(fields)),
    then: (keyword) => `/ecrire/mots/${keyword.id}?fait=created`,
    refused: (state, status) => renderKeyword(c, state, undefined, status),
  });
});

keywordsAdminRoutes.get('/:id', async (c) => {
  const k = await requestedKeyword(c);
  return renderKeyword(c, { values: { title: k.title, groupId: String(k.group_id), description: k.description, text: k.text, slug: k.slug } }, k);
});

keywordsAdminRoutes.post('/:id', async (c) => {
  const k = await requestedKeyword(c);
  return submitForm(c, {
    run: (fields) => saveKeyword(c.get('app').db, keywordInput(fields), k.id),
    then: () => `/ecrire/mots/${k.id}?fait=saved`,
    refused: (state, status) => renderKeyword(c, state, k, status),
  });
});

keywordsAdminRoutes.post('/:id/supprimer', async (c) => {
  const k = await requestedKeyword(c);
  await deleteKeyword(c.get('app').db, k.id);
  return c.redirect('/ecrire/mots?fait=deleted', 303);
});
