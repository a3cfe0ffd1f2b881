// Every public page goes out through renderPage(): the route gathers its data, this adds what every page
// shares (the site, its menu, the <title>, the page's metadata) and renders the theme's template (web/theme.ts).
import type { AppContext } from '../web/context.ts';
import { themeEngineOf } from '../web/theme.ts';
import type { PageTemplate } from '../themes/index.ts';
import { loadSiteSettings, type SiteSettings } from '../settings/index.ts';
import { loadPublicSectionTree } from '../articles/index.ts';
import type { SectionTree } from '../sections/index.ts';
import { t, type Lang } from '../kernel/i18n/index.ts';
import { typoText } from '../markup/index.ts';
import type { PageMeta } from './page-meta.ts';

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
