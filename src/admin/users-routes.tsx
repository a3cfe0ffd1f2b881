// /ecrire/auteurs: accounts (full administrators): list, create, edit role and restricted sections, disable.
import { authorPublicUrl } from './public-pages.ts';
import { submitForm, field, fieldList, formFields, refusedForm, type FormState } from '../web/form-action.ts';
import { Hono, type Context } from 'hono';
import { requirePermission, type AdminEnv } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { LIST_PAGE_SIZE, listFilters, listPageOutOfRange, pageCount, parseListQuery, type ListDefinition } from '../web/list-query.ts';
import { doneMessage, positiveId } from './form-state.ts';
import { UserFormPage, UsersPage } from './pages/users.tsx';
import { parentOptions } from './pages/sections.tsx';
import { listUserPage, userListSorts, type UserListSort, loadUser, createUser, updateUser, disableUser } from '../users/index.ts';
import { loadSectionTree } from '../sections/index.ts';
import type { UserRole } from '../db/schema.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';

export const usersAdminRoutes = new Hono<AdminEnv>();

const current = '/ecrire/auteurs';

usersAdminRoutes.use('*', async (c, next) => {
  requirePermission(c, 'user.manage');
  await next();
});

const userFilters = { statut: listFilters.oneOf(['administrator', 'editor', 'visitor', 'disabled'] as const) };
const userList: ListDefinition<UserListSort, typeof userFilters> = { sorts: userListSorts, defaultSort: 'nom', defaultDirection: 'asc', filters: userFilters };

usersAdminRoutes.get('/', async (c) => {
  const query = parseListQuery(c, userList);
  const page = await listUserPage(c.get('app').db, {
    filter: { search: query.q, role: query.filters.statut },
    sort: query.sort,
    direction: query.direction,
    offset: (query.page - 1) * LIST_PAGE_SIZE,
    limit: LIST_PAGE_SIZE,
  });
  const nearest = listPageOutOfRange(current, query, page.total);
  if (nearest) return c.redirect(nearest, 302);
  const list = { base: current, params: query.params, q: query.q, sort: query.sort, direction: query.direction, page: query.page, pages: pageCount(page.total), total: page.total };
  return renderAdmin(c, { title: t('admin.users.title'), current, body: <UsersPage users={page.rows} list={list} role={query.filters.statut ?? ''} done={doneMessage(c)} /> });
});

async function renderForm(c: Context<AdminEnv>, state: FormState, accountId?: number, extra: { status?: number; created?: { name: string; password: string } } = {}): Promise<Response> {
  const user = requirePermission(c, 'user.manage');
  const { db } = c.get('app');
  const account = accountId === undefined ? undefined : await loadUser(db, accountId);
  if (accountId !== undefined && !account) throw new TisseError('NOT_FOUND', 'errors.users.notFound');
  const sections = parentOptions(await loadSectionTree(db), () => true, undefined, false);
  return renderAdmin(c, {
    title: account ? t('admin.users.edit', { name: account.name }) : t('admin.users.new'),
    current,
    status: extra.status,
    body: <UserFormPage user={user} account={account} state={state} sections={sections} created={extra.created} done={doneMessage(c)} publicUrl={account ? await authorPublicUrl(db, account) : undefined} />,
  });
}

function sectionIds(fields: Record<string, string | string[]>): number[] {
  return fieldList(fields, 'sections').map((v) => positiveId(v) ?? 0);
}

usersAdminRoutes.get('/nouveau', (c) => renderForm(c, { values: { role: 'editor' } }));

usersAdminRoutes.post('/nouveau', async (c) => {
  const fields = await formFields(c);
  const password = field(fields, 'password');
  try {
    const role = field(fields, 'role');
    const { user, password: chosen } = await createUser(c.get('app').db, {
      name: field(fields, 'name'),
      email: field(fields, 'email'),
      role: role as 'editor',
      sections: role === 'administrator' ? sectionIds(fields) : [],
      ...(password ? { password } : {}),
    });
    const account = await loadUser(c.get('app').db, user.id);
    // The password is shown once, on this page, never in a URL.
    return renderForm(c, { values: { name: user.name, email: user.email, role: user.role, sections: account!.sectionIds.map(String), website: '', bio: '' } }, user.id, {
      created: { name: user.name, password: chosen },
    });
  } catch (error) {
    const state = refusedForm({ ...fields, password: '' }, error);
    return renderForm(c, state, undefined, { status: state.status });
  }
});

usersAdminRoutes.get('/:id', async (c) => {
  const account = await loadUser(c.get('app').db, positiveId(c.req.param('id')) ?? 0);
  if (!account) throw new TisseError('NOT_FOUND', 'errors.users.notFound');
  return renderForm(c, { values: { name: account.name, email: account.email, role: account.role, sections: account.sectionIds.map(String), website: account.website, bio: account.bio } }, account.id);
});

usersAdminRoutes.post('/:id', async (c) => {
  const id = positiveId(c.req.param('id')) ?? 0;
  return submitForm(c, {
    run: (fields) =>
      updateUser(c.get('app').db, id, {
        name: field(fields, 'name'),
        email: field(fields, 'email'),
        role: field(fields, 'role') as UserRole,
        sections: sectionIds(fields),
        website: field(fields, 'website'),
        bio: field(fields, 'bio'),
      }),
    then: () => `/ecrire/auteurs/${id}?fait=saved`,
    refused: (state, status) => renderForm(c, state, id, { status }),
  });
});

usersAdminRoutes.post('/:id/desactiver', async (c) => {
  const id = positiveId(c.req.param('id')) ?? 0;
  const me = requirePermission(c, 'user.manage');
  if (id === me.user.id) throw new TisseError('BAD_INPUT', 'errors.users.cannotDisableSelf');
  await disableUser(c.get('app').db, id);
  return c.redirect(`/ecrire/auteurs/${id}?fait=disabled`, 303);
});
