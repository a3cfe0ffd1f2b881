// Every public page goes out through renderPage(): the route gathers its data, this adds what every page
// shares (the site, its menu, the <title>, the page's metadata) and renders the theme's template. The theme
// engine of an application is made at its first page and kept (templates parsed once).
import { join } from 'node:path';
import type { AppContext } from '../web/context.ts';
import { sourceRoot } from '../web/asset-folder.ts';
import { documentUrl } from '../web/markup-resolver.ts';
import { createThemeEngine, problemText, type PageTemplate, type ThemeEngine } from '../themes/index.ts';
import { loadSiteSettings, type SiteSettings } from '../settings/index.ts';
import { loadPublicSectionTree } from '../articles/index.ts';
import type { SectionTree } from '../sections/index.ts';
import { t, type Lang } from '../kernel/i18n/index.ts';
import { typoText } from '../markup/index.ts';
import { assetUrl } from './assets.ts';
import type { PageMeta } from './page-meta.ts';

/** The theme shipped with Tisse (themes/default/ at the root of the repository). */
export const DEFAULT_THEME_DIR = join(sourceRoot, '..', 'themes', 'default');

const engines = new WeakMap<AppContext, ThemeEngine>();
const everyEngine = new Set<ThemeEngine>();

export function themeEngineOf(app: AppContext): ThemeEngine {
  let engine = engines.get(app);
  if (!engine) {
    engine = createThemeEngine({
      themeDir: DEFAULT_THEME_DIR,
      overrideDir: app.config.themeDir,
      // In development, a template saved is a template served; elsewhere `tisse theme reload` (SIGHUP) or a restart.
      watch: process.env.NODE_ENV === 'development',
      hosts: { assetUrl, documentUrl },
      onProblem: (problem) => app.log.error({ theme: problem }, t('themes.overrideFailed', { problem: problemText(problem) })),
      onReload: () => app.cache.clear(),
    });
    engines.set(app, engine);
    everyEngine.add(engine);
  }
  return engine;
}

/** Forgets every parsed template of every application of this process (SIGHUP, `tisse theme reload`). */
export function reloadThemes(): void {
  for (const engine of everyEngine) engine.reload();
}

/** Stops watching the theme folders of `app` (its server is closing). */
export function closeTheme(app: AppContext): void {
  const engine = engines.get(app);
  if (!engine) return;
  engine.close();
  everyEngine.delete(engine);
  engines.delete(app);
}

export interface PageHead {
  /** The page's own title (the site's name is added after it, unless it is the site's name). */
  title: string;
  description?: string | undefined;
  meta?: PageMeta | undefined;
}

/** The public page `template` of the active theme, with `data` and what every page receives. */
export async function renderPage(
  app: AppContext,
  template: PageTemplate,
  head: PageHead,
  data: Record<string, unknown>,
  shared?: { settings: SiteSettings; tree: SectionTree },
  lang: Lang = 'fr',
): Promise<string> {
  return themeEngineOf(app).render(template, await pageData(app, head, data, shared, lang));
}

/** Everything a page template receives: `data` and the variables every page gets (site, lang, page, meta). */
export async function pageData(
  app: AppContext,
  head: PageHead,
  data: Record<string, unknown>,
  shared?: { settings: SiteSettings; tree: SectionTree },
  lang: Lang = 'fr',
): Promise<Record<string, unknown>> {
  const { settings, tree } = shared ?? { settings: await loadSiteSettings(app.db), tree: await loadPublicSectionTree(app.db) };
  const title = head.title === settings.name ? typoText(head.title) : `${typoText(head.title)} — ${typoText(settings.name)}`;
  return {
    site: siteView(settings, tree, app.config.siteUrl, lang),
    lang,
    page: { title, description: head.description || null },
    meta: head.meta ?? null,
    ...data,
  };
}

function siteView(settings: SiteSettings, tree: SectionTree, url: string, lang: Lang) {
  return {
    name: settings.name,
    tagline: settings.tagline,
    description: settings.description,
    url,
    top_sections: tree.children(null).map((s) => ({ id: s.id, title: s.title, slug: s.slug })),
    follow_links: followLinksOf(settings, lang).map((link) => ({ ...link, external: !link.url.startsWith('/') })),
  };
}

/** The site's own feeds, offered whenever the settings do not list a feed already (an imported site has no links). */
function followLinksOf(settings: SiteSettings, lang: Lang): SiteSettings['followLinks'] {
  const links = settings.followLinks;
  if (links.some((link) => link.kind === 'rss' || link.kind === 'atom')) return links;
  return [...links, { label: t('site.feedRss', {}, lang), url: '/rss.xml', kind: 'rss' }, { label: t('site.feedAtom', {}, lang), url: '/atom.xml', kind: 'atom' }];
}

/** Crumbs as templates read them (`label` is a title: the breadcrumb applies typo). */
export interface Crumb {
  label: string;
  href: string;
}
