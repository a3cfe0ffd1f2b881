// /ecrire/reglages/apparence: what the public site looks like (full administrators). One page, one form per
// part, each posted on its own: the logo and the favicon (uploads), the active theme's settings, the main
// menu, the home page's blocks, the "Nous suivre" links; and the last changes of the settings, an appearance
// one restorable. Every save goes through appearance/ (checked, one transaction with its revision); a refused
// form comes back as it was typed with its messages, and nothing is saved.
import { Hono, type Context } from 'hono';
import { field, formFields, refusedForm, type FormFields, type FormState } from '../web/form-action.ts';
import { requirePermission, type AdminEnv } from '../web/auth.ts';
import { themeEngineOf } from '../web/theme.ts';
import { renderAdmin } from './render.tsx';
import { doneMessage, positiveId } from './form-state.ts';
import { AppearancePage } from './pages/appearance.tsx';
import { EMPTY_MENU_ROWS, homeBlocksInput, menuErrorOnRows, menuRowCount, menuRows, partAnchor, storedForms, themeInput, type AppearancePart, type MenuRows } from './appearance-form.ts';
import { BRAND_IMAGE_MAX_BYTES, articleChoices, isAppearanceKey, restoreAppearance, saveAppearance, sectionChoices, setBrandImage, type BrandImageKind } from '../appearance/index.ts';
import { listSettingsRevisions, loadSiteSettings, parseFollowLinks } from '../settings/index.ts';
import { localizeManifest, themeValues } from '../themes/index.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';

export const appearanceAdminRoutes = new Hono<AdminEnv>();

const page = '/ecrire/reglages/apparence';

appearanceAdminRoutes.use('*', async (c, next) => {
  requirePermission(c, 'settings.manage');
  await next();
});

interface Refused {
  part: AppearancePart;
  state: FormState;
  status: number;
}

async function render(c: Context<AdminEnv>, refused?: Refused): Promise<Response> {
  const user = requirePermission(c, 'settings.manage');
  const app = c.get('app');
  const settings = await loadSiteSettings(app.db);
  const manifest = themeEngineOf(app).manifest();
  const forms = storedForms(settings, manifest, themeValues(manifest, settings.themeSettings));
  if (refused) forms[refused.part] = refused.state;
  // The articles the settings name stay offered beside the latest ones (a number typed in a refused form stays in its field).
  const chosen = [...settings.mainMenu.flatMap((item) => (item.kind === 'article' ? [item.articleId] : [])), ...(typeof settings.homeBlocks.featured === 'number' ? [settings.homeBlocks.featured] : [])];
  const [sections, articles, revisions] = await Promise.all([sectionChoices(app.db), articleChoices(app.db, chosen), listSettingsRevisions(app.db, 10)]);
  return renderAdmin(c, {
    title: t('admin.appearance.title'),
    current: page,
    status: refused?.status,
    scripts: ['appearance.js'],
    body: (
      <AppearancePage
        user={user}
        settings={settings}
        manifest={localizeManifest(manifest)}
        forms={forms}
        refused={refused?.part}
        sections={sections}
        articles={articles}
        revisions={revisions.map((revision) => ({ ...revision, restorable: revision.keys.every(isAppearanceKey) }))}
        menuRows={Math.max(settings.mainMenu.length + EMPTY_MENU_ROWS, refused?.part === 'menu' ? menuRowCount(refused.state.values) : 0)}
        done={doneMessage(c)}
      />
    ),
  });
}

/** Runs one part's save; a refusal meant for people shows the page again with that part as it was typed. */
async function save(c: Context<AdminEnv>, part: AppearancePart, fields: FormFields, run: () => Promise<unknown>): Promise<Response> {
  try {
    await run();
  } catch (error) {
    const state = refusedForm(fields, error);
    return render(c, { part, state, status: state.status });
  }
  return c.redirect(`${page}?fait=saved#${partAnchor[part]}`, 303);
}

appearanceAdminRoutes.get('/', (c) => render(c));

for (const kind of ['logo', 'favicon'] as const satisfies readonly BrandImageKind[]) {
  appearanceAdminRoutes.post(`/${kind}`, async (c) => {
    const user = requirePermission(c, 'settings.manage');
    // The text fields are read strictly first (UTF-8, no NUL), as every form; the file comes from the same parsed body.
    await formFields(c);
    const file = (await c.req.parseBody()).file;
    const app = c.get('app');
    return save(c, kind, {}, async () => {
      if (!(file instanceof File) || file.size === 0) throw new TisseError('BAD_INPUT', 'errors.documents.noFile', { fields: { file: 'errors.field.noFile' } });
      // Refused before its bytes are copied and decoded.
      if (file.size > BRAND_IMAGE_MAX_BYTES) {
        throw new TisseError('PAYLOAD_TOO_LARGE', { key: 'errors.documents.tooLargeMb', params: { size: BRAND_IMAGE_MAX_BYTES / 1024 / 1024 } }, { fields: { file: 'errors.field.tooLarge' } });
      }
      await setBrandImage(app.db, user.actor, kind, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { storage: app.storage });
    });
  });

  appearanceAdminRoutes.post(`/${kind}/retirer`, async (c) => {
    const user = requirePermission(c, 'settings.manage');
    const fields = await formFields(c);
    return save(c, kind, fields, () => saveAppearance(c.get('app').db, user.actor, { [kind]: null }));
  });
}

appearanceAdminRoutes.post('/theme', async (c) => {
  const user = requirePermission(c, 'settings.manage');
  const fields = await formFields(c);
  const app = c.get('app');
  return save(c, 'theme', fields, () => saveAppearance(app.db, user.actor, { themeSettings: { manifest: themeEngineOf(app).manifest(), values: themeInput(fields) } }));
});

appearanceAdminRoutes.post('/menu', async (c) => {
  const user = requirePermission(c, 'settings.manage');
  const fields = await formFields(c);
  return save(c, 'menu', fields, async () => {
    const menu: MenuRows = menuRows(fields);
    try {
      await saveAppearance(c.get('app').db, user.actor, { mainMenu: menu.items });
    } catch (error) {
      throw menuErrorOnRows(error, menu, fields);
    }
  });
});

appearanceAdminRoutes.post('/accueil', async (c) => {
  const user = requirePermission(c, 'settings.manage');
  const fields = await formFields(c);
  return save(c, 'home', fields, () => saveAppearance(c.get('app').db, user.actor, { homeBlocks: homeBlocksInput(fields) }));
});

appearanceAdminRoutes.post('/reseaux', async (c) => {
  const user = requirePermission(c, 'settings.manage');
  const fields = await formFields(c);
  return save(c, 'social', fields, () => saveAppearance(c.get('app').db, user.actor, { followLinks: parseFollowLinks(field(fields, 'followLinks')) }));
});

appearanceAdminRoutes.post('/revisions/:id/retablir', async (c) => {
  const user = requirePermission(c, 'settings.manage');
  await formFields(c);
  const id = positiveId(c.req.param('id'));
  if (id === undefined) throw new TisseError('NOT_FOUND', 'errors.appearance.revisionNotFound');
  const app = c.get('app');
  try {
    await restoreAppearance(app.db, user.actor, id, themeEngineOf(app).manifest());
  } catch (error) {
    const state = refusedForm({}, error);
    return render(c, { part: 'history', state, status: state.status });
  }
  return c.redirect(`${page}?fait=restored#${partAnchor.history}`, 303);
});
