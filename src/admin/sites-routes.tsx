// /ecrire/sites: the links directory in the back office, for the administrators of the sites' sections
// (section.manage; a restricted administrator sees and places sites in their sections only). Validation, the
// write and the first fetch of a syndicated site are sites/ saveSite's.
import { Hono, type Context } from 'hono';
import { requirePermission, type AdminEnv } from '../web/auth.ts';
import { field, submitForm, type FormFields, type FormState } from '../web/form-action.ts';
import { pathId } from '../web/request.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import { can } from '../users/index.ts';
import { loadSectionTree } from '../sections/index.ts';
import { listSites, loadSite, saveSite, type Site, type SiteInput } from '../sites/index.ts';
import type { SectionChoice } from '../articles/index.ts';
import { renderAdmin } from './render.tsx';
import { SiteFormPage, SiteListPage } from './pages/sites.tsx';

export const sitesAdminRoutes = new Hono<AdminEnv>();

const current = '/ecrire/sites';

sitesAdminRoutes.use('*', async (c, next) => {
  requirePermission(c, 'section.manage');
  await next();
});

function done(c: Context<AdminEnv>): string | undefined {
  return c.req.query('fait') === 'saved' ? t('admin.sites.saved') : undefined;
}

/** The sections this administrator may place a site in (their ancestors shown, unusable, to keep the tree). */
async function choicesFor(c: Context<AdminEnv>, currentSectionId?: number): Promise<SectionChoice[]> {
  const user = requirePermission(c, 'section.manage');
  const tree = await loadSectionTree(c.get('app').db);
  const walk = (parentId: number | null, depth: number): SectionChoice[] =>
    tree.children(parentId).flatMap((section) => {
      const below = walk(section.id, depth + 1);
      const usable = section.id === currentSectionId || can(user.actor, 'section.manage', { sectionId: section.id });
      return usable || below.length ? [{ section, depth, usable }, ...below] : [];
    });
  return walk(null, 0);
}

sitesAdminRoutes.get('/', async (c) => {
  const user = requirePermission(c, 'section.manage');
  const { db } = c.get('app');
  const tree = await loadSectionTree(db);
  const sites = (await listSites(db))
    .filter((s) => can(user.actor, 'section.manage', { sectionId: s.section_id }))
    .map((s) => ({ ...s, sectionTitle: tree.byId.get(s.section_id)?.title ?? '' }));
  return renderAdmin(c, { title: t('admin.sites.title'), current, body: <SiteListPage sites={sites} done={done(c)} /> });
});

async function renderForm(c: Context<AdminEnv>, state: FormState, site?: Site, status?: number): Promise<Response> {
  const user = requirePermission(c, 'section.manage');
  return renderAdmin(c, {
    title: site ? t('admin.sites.edit', { name: site.name }) : t('admin.sites.new'),
    current,
    status,
    body: <SiteFormPage user={user} site={site} choices={await choicesFor(c, site?.section_id)} state={state} done={done(c)} />,
  });
}

function inputOf(fields: FormFields): SiteInput {
  const sectionId = Number(field(fields, 'sectionId'));
  const status = field(fields, 'status');
  return {
    sectionId: Number.isSafeInteger(sectionId) ? sectionId : 0,
    name: field(fields, 'name'),
    url: field(fields, 'url'),
    description: field(fields, 'description'),
    status: status === 'proposed' || status === 'refused' || status === 'trash' ? status : 'published',
    feedUrl: field(fields, 'feedUrl'),
    syndication: field(fields, 'syndication') === 'oui',
  };
}

/** The site of the path, when this administrator manages its section. */
async function requestedSite(c: Context<AdminEnv>): Promise<Site> {
  const user = requirePermission(c, 'section.manage');
  const site = await loadSite(c.get('app').db, pathId(c, 'id', 'errors.sites.notFound'));
  if (!site) throw new TisseError('NOT_FOUND', 'errors.sites.notFound');
  if (!can(user.actor, 'section.manage', { sectionId: site.section_id })) throw new TisseError('FORBIDDEN');
  return site;
}

/** The section chosen must be one this administrator manages. */
function checkSection(c: Context<AdminEnv>, input: SiteInput): SiteInput {
  const user = requirePermission(c, 'section.manage');
  if (input.sectionId && !can(user.actor, 'section.manage', { sectionId: input.sectionId })) throw new TisseError('FORBIDDEN');
  return input;
}

sitesAdminRoutes.get('/nouveau', (c) => renderForm(c, { values: {} }));

sitesAdminRoutes.post('/nouveau', (c) =>
  submitForm(c, {
    run: (fields) => saveSite(c.get('app').db, checkSection(c, inputOf(fields))),
    then: (site) => `/ecrire/sites/${site.id}?fait=saved`,
    refused: (state, status) => renderForm(c, state, undefined, status),
  }),
);

sitesAdminRoutes.get('/:id{[0-9]+}', async (c) => renderForm(c, { values: {} }, await requestedSite(c)));

sitesAdminRoutes.post('/:id{[0-9]+}', async (c) => {
  const site = await requestedSite(c);
  return submitForm(c, {
    run: (fields) => saveSite(c.get('app').db, checkSection(c, inputOf(fields)), site.id),
    then: () => `/ecrire/sites/${site.id}?fait=saved`,
    refused: (state, status) => renderForm(c, state, site, status),
  });
});
