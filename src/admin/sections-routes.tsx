// /ecrire/rubriques: the section tree (order, create, rename, move, delete). Administrators manage the
// whole tree; restricted administrators their sections and everything below them.
import { sectionPublicUrl } from './public-pages.ts';
import { submitForm, field, formFields, refusedForm, type FormState } from '../web/form-action.ts';
import { Hono } from 'hono';
import { requirePermission, type AdminEnv } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { doneMessage, positiveId } from './form-state.ts';
import { SectionFormPage, SectionsPage, parentOptions, type SectionRowInfo } from './pages/sections.tsx';
import { can } from '../users/index.ts';
import { countArticlesBySection, loadSection, loadSectionTree, createSection, updateSection, moveSection, reorderSections, stepOrder, deleteSection } from '../sections/index.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import type { Context } from 'hono';

export const sectionsAdminRoutes = new Hono<AdminEnv>();

const current = '/ecrire/rubriques';

function sectionId(c: Context<AdminEnv>): number {
  const id = positiveId(c.req.param('id'));
  if (id === undefined) throw new TisseError('NOT_FOUND', 'errors.sections.notFound');
  return id;
}

sectionsAdminRoutes.get('/', async (c) => {
  const user = requirePermission(c, 'section.manage');
  const { db } = c.get('app');
  const [tree, articleCount] = await Promise.all([loadSectionTree(db), countArticlesBySection(db)]);
  const info = new Map<number, SectionRowInfo>();
  for (const id of tree.byId.keys()) info.set(id, { articles: articleCount.get(id) ?? 0, manageable: can(user.actor, 'section.manage', { sectionId: id }) });
  return renderAdmin(c, {
    title: t('admin.sections.title'),
    current,
    body: <SectionsPage user={user} tree={tree} info={info} done={doneMessage(c)} canCreateTop={can(user.actor, 'section.manage', { sectionId: null }) || [...info.values()].some((i) => i.manageable)} />,
  });
});

async function renderForm(c: Context<AdminEnv>, state: FormState, options: { id?: number; moveState?: FormState; status?: number } = {}): Promise<Response> {
  const user = requirePermission(c, 'section.manage');
  const { db } = c.get('app');
  const tree = await loadSectionTree(db);
  const section = options.id === undefined ? undefined : tree.byId.get(options.id);
  if (options.id !== undefined && !section) throw new TisseError('NOT_FOUND', 'errors.sections.notFound');
  const parents = parentOptions(tree, (id) => can(user.actor, 'section.manage', { sectionId: id }), options.id, can(user.actor, 'section.manage', { sectionId: null }));
  const moveState = section ? (options.moveState ?? { values: { parentId: section.parent_id === null ? '' : String(section.parent_id) } }) : undefined;
  return renderAdmin(c, {
    title: section ? t('admin.sections.edit', { title: section.title }) : t('admin.sections.new'),
    current,
    status: options.status,
    body: (
      <SectionFormPage
        user={user}
        section={section}
        state={state}
        parents={parents}
        moveState={moveState}
        done={doneMessage(c)}
        publicPath={section ? await sectionPublicUrl(db, section) : undefined}
      />
    ),
  });
}

function parentOf(value: string): number | null {
  if (value === '') return null;
  const id = positiveId(value);
  if (id === undefined) throw new TisseError('BAD_INPUT', 'errors.sections.chosenParentNotFound');
  return id;
}

sectionsAdminRoutes.get('/nouvelle', (c) => renderForm(c, { values: { parentId: c.req.query('parent') ?? '' } }));

sectionsAdminRoutes.post('/nouvelle', async (c) => {
  const fields = await formFields(c);
  const parentId = parentOf(field(fields, 'parentId'));
  requirePermission(c, 'section.manage', { sectionId: parentId });
  try {
    const section = await createSection(c.get('app').db, {
      title: field(fields, 'title'),
      parentId,
      description: field(fields, 'description'),
      text: field(fields, 'text'),
      ...(field(fields, 'slug').trim() ? { slug: field(fields, 'slug') } : {}),
      lang: field(fields, 'lang'),
    });
    return c.redirect(`/ecrire/rubriques/${section.id}?fait=created`, 303);
  } catch (error) {
    const state = refusedForm(fields, error);
    return renderForm(c, state, { status: state.status });
  }
});

sectionsAdminRoutes.get('/:id', async (c) => {
  const id = sectionId(c);
  requirePermission(c, 'section.manage', { sectionId: id });
  const section = await loadSection(c.get('app').db, id);
  if (!section) throw new TisseError('NOT_FOUND', 'errors.sections.notFound');
  return renderForm(c, { values: { title: section.title, description: section.description, text: section.text, slug: section.slug, lang: section.lang_chosen ? section.lang : '' } }, { id });
});

sectionsAdminRoutes.post('/:id', async (c) => {
  const id = sectionId(c);
  requirePermission(c, 'section.manage', { sectionId: id });
  return submitForm(c, {
    run: (fields) =>
      updateSection(c.get('app').db, id, {
        title: field(fields, 'title'),
        description: field(fields, 'description'),
        text: field(fields, 'text'),
        slug: field(fields, 'slug'),
        lang: field(fields, 'lang'),
      }),
    then: () => `/ecrire/rubriques/${id}?fait=saved`,
    refused: (state, status) => renderForm(c, state, { id, status }),
  });
});

sectionsAdminRoutes.post('/:id/deplacer', async (c) => {
  const id = sectionId(c);
  requirePermission(c, 'section.manage', { sectionId: id });
  const fields = await formFields(c);
  const parentId = parentOf(field(fields, 'parentId'));
  requirePermission(c, 'section.manage', { sectionId: parentId });
  const { db } = c.get('app');
  try {
    await moveSection(db, id, parentId);
    return c.redirect(`/ecrire/rubriques/${id}?fait=saved`, 303);
  } catch (error) {
    const moveState = refusedForm(fields, error);
    const section = await loadSection(db, id);
    if (!section) throw new TisseError('NOT_FOUND', 'errors.sections.notFound');
    return renderForm(c, { values: { title: section.title, description: section.description, text: section.text, slug: section.slug, lang: section.lang_chosen ? section.lang : '' } }, { id, moveState, status: moveState.status });
  }
});

sectionsAdminRoutes.post('/:id/ordre', async (c) => {
  const id = sectionId(c);
  requirePermission(c, 'section.manage', { sectionId: id });
  const fields = await formFields(c);
  const step = field(fields, 'sens') === '-1' ? -1 : 1;
  const { db } = c.get('app');
  const tree = await loadSectionTree(db);
  const section = tree.byId.get(id);
  if (!section) throw new TisseError('NOT_FOUND', 'errors.sections.notFound');
  const siblings = tree.children(section.parent_id).map((s) => s.id);
  await reorderSections(db, section.parent_id, stepOrder(siblings, id, step));
  return c.redirect('/ecrire/rubriques?fait=saved', 303);
});

sectionsAdminRoutes.post('/:id/supprimer', async (c) => {
  const id = sectionId(c);
  requirePermission(c, 'section.manage', { sectionId: id });
  await deleteSection(c.get('app').db, id);
  return c.redirect('/ecrire/rubriques?fait=deleted', 303);
});
