// Assembles the Hono application from its modules: common middleware, then the back office,
// the forum, search and feeds, documents, image sizes and icons, and the public site (whose /:slug route comes last).
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { publicWriteShare } from './web/public-write-share.ts';
import { bodyLimits } from './web/body-limit.ts';
import type { AppContext, AppEnv } from './web/context.ts';
import { siteRoutes } from './site/public-routes.ts';
import { themeStyleRoutes } from './site/theme-style-route.ts';
import { notFound, errorPage } from './site/page.ts';
export { reloadThemes, closeTheme } from './web/theme.ts';
import { pageCache } from './web/page-cache-http.ts';
import { siteLanguage } from './web/interface-language.ts';
import { glossaryRoutes } from './site/glossary-routes.ts';
import { archiveRoutes } from './site/archive-routes.ts';
import { isTisseError } from './kernel/errors.ts';
import { legacySpipUrls } from './site/legacy-spip-routes.ts';
import { ecrireRoutes } from './admin/back-office-routes.tsx';
import { t } from './kernel/i18n/index.ts';
import { forumRoutes } from './site/forum-routes.ts';
import { petitionRoutes } from './site/petition-routes.ts';
import { newsletterRoutes } from './site/newsletter-routes.ts';
import { discoveryRoutes } from './site/discovery-routes.ts';
import { mediaRoutes } from './site/media-routes.ts';
import { labelRoute } from './web/request-log.ts';
import { operationsRoutes } from './web/operations-routes.ts';

export function createApp(app: AppContext): Hono<AppEnv> {
  const hono = new Hono<AppEnv>();

  hono.use('*', async (c, next) => {
    c.set('app', app);
    await next();
  });

  // The route pattern that answered, for the metrics and the request log (web/request-log.ts).
  hono.use('*', labelRoute);

  // Health and metrics, before the page cache: they are never pages.
  hono.route('/', operationsRoutes);

  // Public pages from the page cache before any other work; pages marked by sendPage are stored on the way out.
  hono.use('*', pageCache(app.cache));

  // Every page is written in the site's language; the back office switches to its user's (web/interface-language.ts).
  // After the cache: a stored page is already written.
  hono.use('*', siteLanguage);

  // A path or query with broken percent-encoding, bytes that are not UTF-8 or a NUL cannot name anything:
  // say so instead of guessing (PostgreSQL would refuse the NUL with an error).
  hono.use('*', async (c, next) => {
    const raw = c.req.url.slice(c.req.url.indexOf('/', c.req.url.indexOf('//') + 2));
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw.replaceAll('+', ' '));
    } catch {
      return errorPage(c, 400, t('badRequest.title'), t('errors.input.badUrl'));
    }
    if (decoded.includes('\u0000')) return errorPage(c, 400, t('badRequest.title'), t('errors.input.badUrl'));
    await next();
  });

  hono.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        frameSrc: ['https:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );

  // Bodies are bounded per route (web/body-limit.ts) before anything reads them.
  hono.use('*', bodyLimits((c, rule) => errorPage(c, 413, t('error.title'), rule.message ? t(rule.message) : t('errors.input.bodyTooLarge', { size: Math.round(rule.maxBytes / 1024) }))));

  // The public's forms take at most a share of this process's time; readers get the rest (web/public-write-share.ts).
  hono.use('*', publicWriteShare((c) => c.req.method === 'POST' && !c.req.path.startsWith('/ecrire'), (c) => errorPage(c, 503, t('error.title'), t('errors.code.BUSY'))));

  // Module routers go here, before the public site: its /:slug route catches every remaining path.
  hono.route('/', ecrireRoutes);
  hono.route('/', forumRoutes);
  hono.route('/', petitionRoutes);
  hono.route('/', newsletterRoutes);
  hono.route('/', glossaryRoutes);
  hono.route('/', archiveRoutes);
  hono.route('/', discoveryRoutes);
  hono.route('/', themeStyleRoutes);
  hono.route('/', mediaRoutes);
  // SPIP's addresses (spip.php?article12, article12.html, IMG/…) answer 301 to their Tisse page.
  hono.use('*', legacySpipUrls);
  hono.route('/', siteRoutes);

  hono.notFound((c) => notFound(c));
  hono.onError((error, c) => {
    if (isTisseError(error)) return errorPage(c, error.status, t('error.title'), error.message);
    app.log.error({ err: error, path: c.req.path, ...c.get('subject') }, 'unhandled error');
    return errorPage(c, 500, t('error.title'), t('errors.code.INTERNAL'));
  });
  return hono;
}
