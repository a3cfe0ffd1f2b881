// The back office at /ecrire/ (every path here is absolute): assets, login and logout, password reset, then the home
// page and the profile (any account: requireLogin) and each area's router (editors and administrators:
// requireUser). Every unsafe request passes csrfProtection first.
import { field, formFields } from '../web/form-action.ts';
import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { TisseError, isTisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';
import { getAdminAsset } from './assets.ts';
import { clearSessionCookie, clientIp, csrfProtection, currentUser, deviceCookie, loadSession, mustUser, requireLogin, requireUser, safeReturnPath, setDeviceCookie, setSessionCookie, type AdminEnv } from '../web/auth.ts';
import { adminErrorPage, renderAdmin } from './render.tsx';
import { LoginPage } from './pages/login.tsx';
import { HomePage, VisitorHomePage } from './pages/home.tsx';
import { LoginThrottledError, logIn, deleteSession, SESSION_COOKIE, can, requestPasswordReset, findValidReset, resetPassword } from '../users/index.ts';
import { loadAwaitingWork } from '../articles/index.ts';
import { getCookie } from 'hono/cookie';
import { articleListRoutes } from './article-list-routes.tsx';
import { articlePickerRoutes } from './article-picker-routes.tsx';
import { articleAdminRoutes } from './articles-routes.tsx';
import { articleDocumentRoutes } from './article-documents-routes.tsx';
import { ResetChoosePage, ResetRequestPage } from './pages/password-reset.tsx';
import { forumAdminRoutes } from './forum-routes.tsx';
import { countMessagesFor } from '../forum/index.ts';
import { sectionsAdminRoutes } from './sections-routes.tsx';
import { keywordsAdminRoutes } from './keywords-routes.tsx';
import { glossaryAdminRoutes } from './glossary-routes.tsx';
import { petitionAdminRoutes } from './petition-routes.tsx';
import { sitesAdminRoutes } from './sites-routes.tsx';
import { usersAdminRoutes } from './users-routes.tsx';
import { documentsAdminRoutes } from './documents-routes.tsx';
import { settingsAdminRoutes } from './settings-routes.tsx';
import { backupsAdminRoutes } from './backups-routes.tsx';
import { appearanceAdminRoutes } from './appearance-routes.tsx';
import { teamBarRoutes } from './team-bar-routes.ts';
import { profileAdminRoutes } from './profile-routes.tsx';
import { auditAdminRoutes } from './audit-routes.tsx';
import { auditTrail } from './audit-trail.ts';
import { newsletterAdminRoutes } from './newsletter-routes.tsx';
import { backOfficeLanguage } from '../web/interface-language.ts';

export const adminRoutes = new Hono<AdminEnv>();

adminRoutes.onError(async (error, c) => {
  if (isTisseError(error)) {
    if (error.code === 'UNAUTHENTICATED' && c.req.method === 'GET') return c.redirect('/ecrire/login', 303);
    return adminErrorPage(c, error.status, error.message);
  }
  c.get('app').log.error({ err: error, path: c.req.path }, 'unhandled error in back office');
  return adminErrorPage(c, 500, t('admin.unexpectedError'));
});

adminRoutes.get('/ecrire/assets/:name', (c) => {
  const asset = getAdminAsset(c.req.param('name'));
  if (!asset) return c.text('Not found', 404);
  return new Response(new Uint8Array(asset.body), { headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=31536000, immutable' } });
});

adminRoutes.use('/ecrire/*', loadSession);
adminRoutes.use('/ecrire/*', backOfficeLanguage);
adminRoutes.use('/ecrire/*', csrfProtection);
// Every form that succeeds is written to the journal (/ecrire/journal), login and logout included.
adminRoutes.use('/ecrire/*', auditTrail);

adminRoutes.get('/ecrire/login', async (c) => {
  if (currentUser(c)) return c.redirect(safeReturnPath(c.req.query('retour') ?? ''), 303);
  const info = c.req.query('reinitialise') !== undefined ? t('admin.reset.done') : undefined;
  return renderAdmin(c, { title: t('admin.login.title'), body: <LoginPage back={c.req.query('retour') ?? ''} info={info} /> });
});

adminRoutes.post('/ecrire/login', async (c) => {
  const fields = await formFields(c);
  const email = field(fields, 'email');
  const back = field(fields, 'retour');
  try {
    const { session, deviceCookie: device } = await logIn(c.get('app').db, {
      email,
      password: field(fields, 'password'),
      ip: clientIp(c),
      userAgent: c.req.header('user-agent') ?? '',
      deviceCookie: deviceCookie(c),
    });
    setSessionCookie(c, session.token);
    setDeviceCookie(c, device);
    // Same-site paths only (safeReturnPath): a subscribers-only forum sends people back to its form.
    return c.redirect(safeReturnPath(back), 303);
  } catch (error) {
    if (!isTisseError(error)) throw error;
    const page = await renderAdmin(c, { title: t('admin.login.title'), status: error.status, body: <LoginPage email={email} back={back} error={error.message} /> });
    if (error instanceof LoginThrottledError) page.headers.set('retry-after', String(error.retryAfterSeconds));
    return page;
  }
});

adminRoutes.post('/ecrire/logout', async (c) => {
  await deleteSession(c.get('app').db, getCookie(c, SESSION_COOKIE));
  clearSessionCookie(c);
  return c.redirect('/ecrire/login', 303);
});

adminRoutes.get('/ecrire/mot-de-passe-oublie', (c) => renderAdmin(c, { title: t('admin.reset.title'), body: <ResetRequestPage /> }));

adminRoutes.post('/ecrire/mot-de-passe-oublie', async (c) => {
  const email = field(await formFields(c), 'email');
  await requestPasswordReset(c.get('app').db, { email, siteUrl: c.get('app').config.siteUrl });
  return renderAdmin(c, { title: t('admin.reset.title'), body: <ResetRequestPage sent email={email} /> });
});

adminRoutes.get('/ecrire/reinitialiser/:token', async (c) => {
  const token = c.req.param('token');
  const valid = (await findValidReset(c.get('app').db, token)) !== undefined;
  return renderAdmin(c, {
    title: t('admin.reset.choose'),
    status: valid ? 200 : 410,
    body: <ResetChoosePage token={token} valid={valid} error={valid ? undefined : t('admin.reset.invalid')} />,
  });
});

adminRoutes.post('/ecrire/reinitialiser/:token', async (c) => {
  const token = c.req.param('token');
  const fields = await formFields(c);
  const password = field(fields, 'password');
  if (password !== field(fields, 'confirm')) {
    return renderAdmin(c, { title: t('admin.reset.choose'), status: 400, body: <ResetChoosePage token={token} valid error={t('admin.reset.mismatch')} /> });
  }
  try {
    await resetPassword(c.get('app').db, token, password);
  } catch (error) {
    if (!isTisseError(error)) throw error;
    const valid = error.code !== 'GONE';
    return renderAdmin(c, { title: t('admin.reset.choose'), status: error.status, body: <ResetChoosePage token={token} valid={valid} error={error.message} /> });
  }
  return c.redirect('/ecrire/login?reinitialise', 303);
});

// Asked by public pages' script: answers 401 itself rather than sending to the login page.
adminRoutes.route('/', teamBarRoutes);

/** What any account may open, visitors included (decision 018): the home, which tells them so, and their profile. */
const OPEN_TO_EVERY_ACCOUNT = /^\/ecrire\/?$|^\/ecrire\/profil(\/|$)/;

// Everything below needs a logged-in editor or administrator, except the pages every account has.
adminRoutes.use('/ecrire/*', async (c, next) => {
  if (c.req.path === '/ecrire/login' || c.req.path.startsWith('/ecrire/mot-de-passe') || c.req.path.startsWith('/ecrire/reinitialiser')) return next();
  return OPEN_TO_EVERY_ACCOUNT.test(c.req.path) ? requireLogin(c, next) : requireUser(c, next);
});

adminRoutes.get('/ecrire', (c) => c.redirect('/ecrire/', 301));

adminRoutes.get('/ecrire/', async (c) => {
  const user = mustUser(c);
  if (!can(user.actor, 'backoffice.enter')) return renderAdmin(c, { title: t('admin.home.visitorTitle'), body: <VisitorHomePage /> });
  const db = c.get('app').db;
  const [work, forum] = await Promise.all([loadAwaitingWork(db, user.actor), can(user.actor, 'forum.moderate') ? countMessagesFor(db, user.actor) : undefined]);
  return renderAdmin(c, {
    title: t('admin.home.title'),
    body: <HomePage work={work} reviews={user.actor.role === 'administrator'} canCreate={can(user.actor, 'article.create')} forum={forum} />,
  });
});

adminRoutes.route('/ecrire/articles', articleListRoutes);
adminRoutes.route('/ecrire/articles', articlePickerRoutes);
adminRoutes.route('/ecrire/articles', articleAdminRoutes);
adminRoutes.route('/ecrire/articles', articleDocumentRoutes);
adminRoutes.route('/ecrire/articles', petitionAdminRoutes);
adminRoutes.route('/ecrire/forum', forumAdminRoutes);
adminRoutes.route('/ecrire/rubriques', sectionsAdminRoutes);
adminRoutes.route('/ecrire/sites', sitesAdminRoutes);
adminRoutes.route('/ecrire/mots', keywordsAdminRoutes);
adminRoutes.route('/ecrire/glossaire', glossaryAdminRoutes);
adminRoutes.route('/ecrire/auteurs', usersAdminRoutes);
adminRoutes.route('/ecrire/documents', documentsAdminRoutes);
adminRoutes.route('/ecrire/lettre', newsletterAdminRoutes);
adminRoutes.route('/ecrire/reglages/apparence', appearanceAdminRoutes);
adminRoutes.route('/ecrire/reglages', settingsAdminRoutes);
adminRoutes.route('/ecrire/sauvegardes', backupsAdminRoutes);
adminRoutes.route('/ecrire/profil', profileAdminRoutes);
adminRoutes.route('/ecrire/journal', auditAdminRoutes);

// Last: a path under /ecrire/ that no area answers (/ecrire/nimporte, /ecrire/articles/abc) is the back office's
// 404, in its own layout. Without this the request went on to the public site, whose 404 page it then showed.
adminRoutes.all('/ecrire/*', () => {
  throw new TisseError('NOT_FOUND', 'errors.admin.notFound');
});

/**
 * Mounted at the root in app.ts (its paths carry /ecrire/ themselves, so that /ecrire/ is the home, as in
 * SPIP). Other areas add their routers with `adminRoutes.route('/ecrire/<area>', router)`.
 */
export const ecrireRoutes = adminRoutes as unknown as Hono<AppEnv>;
