// Every public page goes out through renderPage(): the route gathers its data, this adds what every page
// shares (the site, its menu, the <title>, the page's metadata) and renders the theme's template (web/theme.ts).
import type { AppContext } from '../web/context.ts';
import { themeEngineOf } from '../web/theme.ts';
import { createHash } from 'node:crypto';
import { themeValues, type PageTemplate, type ThemeValues } from '../themes/index.ts';
import { loadSiteSettings, type BrandImage, type SiteSettings } from '../settings/index.ts';
import { listPublicArticles, loadPublicLanguages, loadPublicSectionTree } from '../articles/index.ts';
import { languageName, primaryLanguage } from '../kernel/language-tag.ts';
import { documentContentType } from '../documents/index.ts';
import { memoByVersion } from '../db/memo.ts';
import type { Db } from '../db/connect.ts';
import { THEME_STYLE_PATH } from './theme-style-route.ts';
import type { SectionTree } from '../sections/index.ts';
import { currentLang, t, type Lang } from '../kernel/i18n/index.ts';
import { typoText } from '../markup/index.ts';
import { listPublicLists } from '../newsletter/index.ts';
import type { PageMeta } from './page-meta.ts';

export interface PageHead {
  /** The page's own title (the site's name is added after it, unless it is the site's name). */
  title: string;
  description?: string | undefined;
  meta?: PageMeta | undefined;
  /** Neighbours of a page of a list: the layout links them with rel="prev" and rel="next". */
  prevUrl?: string | null | undefined;
  nextUrl?: string | null | undefined;
  /** The language of `title` when it is a text's (an article's): its typography. */
  titleLang?: string | undefined;
  /** A list's address without its language: the language menu offers it in each language (decision 031). */
  listPath?: string | undefined;
  /** The language the list was asked in (`?lang=`), if any. */
  listLang?: string | undefined;
}

/** The public page `template` of the active theme, with `data` and what every page receives. */
export async function renderPage(
  app: AppContext,
  template: PageTemplate,
  head: PageHead,
  data: Record<string, unknown>,
  shared?: { settings: SiteSettings; tree: SectionTree },
  lang: Lang = currentLang(),
): Promise<string> {
  return themeEngineOf(app).render(template, await pageData(app, head, data, shared, lang));
}

/** Everything a page template receives: `data` and the variables every page gets (site, lang, page, meta). */
export async function pageData(
  app: AppContext,
  head: PageHead,
  data: Record<string, unknown>,
  shared?: { settings: SiteSettings; tree: SectionTree },
  lang: Lang = currentLang(),
): Promise<Record<string, unknown>> {
  const { settings, tree } = shared ?? { settings: await loadSiteSettings(app.db), tree: await loadPublicSectionTree(app.db) };
  const own = typoText(head.title, head.titleLang ? { lang: head.titleLang } : {});
  const title = head.title === settings.name ? own : `${own} — ${typoText(settings.name)}`;
  const theme = themeValues(themeEngineOf(app).manifest(), settings.themeSettings);
  return {
    site: {
      ...siteView(settings, tree, app.config.siteUrl, lang),
      menu: await mainMenu(app.db),
      style_url: themeStyleUrl(theme),
      // The "Nous suivre" block's sign-up field, while a list is offered.
      newsletter: (await listPublicLists(app.db)).length > 0 ? { action: '/lettre' } : null,
    },
    theme,
    lang,
    page: {
      title,
      description: head.description || null,
      prev_url: head.prevUrl ?? null,
      next_url: head.nextUrl ?? null,
      list_lang: head.listLang ?? null,
      languages: languageMenu(await loadPublicLanguages(app.db), head),
    },
    meta: head.meta ?? null,
    ...data,
    // Every crumb has a `lang` (null: the site's texts, French typography), so templates may read it.
    ...(Array.isArray(data.crumbs) ? { crumbs: (data.crumbs as Crumb[]).map((crumb) => ({ lang: null, ...crumb })) } : {}),
  };
}

function siteView(settings: SiteSettings, tree: SectionTree, url: string, lang: Lang) {
  return {
    name: settings.name,
    tagline: settings.tagline,
    description: settings.description,
    url,
    address: settings.address,
    logo: imageView(settings.logo),
    top_sections: tree.children(null).map((s) => ({ id: s.id, title: s.title, slug: s.slug })),
    follow_links: followLinksOf(settings, lang).map((link) => ({ ...link, external: !link.url.startsWith('/') })),
  };
}

/** The theme's settings as a stylesheet (site/theme-style-route.ts), its address changing with them. */
function themeStyleUrl(theme: ThemeValues): string {
  return `${THEME_STYLE_PATH}?v=${createHash('sha1').update(JSON.stringify(theme)).digest('hex').slice(0, 10)}`;
}

/** A logo as templates read it: its file (for image_url and srcset), size and type. */
function imageView(image: BrandImage | null) {
  return image && { file: image.file, width: image.width, height: image.height, mime_type: documentContentType(image.file) };
}

export interface MenuEntry {
  /** A title (templates apply typo) or a link's label. */
  label: string;
  url: string;
  /** The section it leads to, if any: pages inside it mark the entry as current. */
  section_id: number | null;
  external: boolean;
}

/**
 * The main menu of Réglages → Apparence, its sections and articles resolved; an entry whose section or article
 * is no longer public drops out. No menu set: the top-level sections. Read once per data version.
 */
const mainMenu = memoByVersion(async (db: Db): Promise<MenuEntry[]> => {
  const [settings, tree] = await Promise.all([loadSiteSettings(db), loadPublicSectionTree(db)]);
  if (settings.mainMenu.length === 0) return tree.children(null).map((s) => ({ label: s.title, url: `/rubrique/${s.slug}`, section_id: s.id, external: false }));
  const articleIds = settings.mainMenu.flatMap((item) => (item.kind === 'article' ? [item.articleId] : []));
  const articles = new Map((await listPublicArticles(db, { ids: articleIds, limit: articleIds.length })).map((a) => [a.id, a]));
  return settings.mainMenu.flatMap((item): MenuEntry[] => {
    if (item.kind === 'link') return [{ label: item.label, url: item.url, section_id: null, external: !item.url.startsWith('/') }];
    if (item.kind === 'section') {
      const section = tree.byId.get(item.sectionId);
      return section ? [{ label: section.title, url: `/rubrique/${section.slug}`, section_id: section.id, external: false }] : [];
    }
    const article = articles.get(item.articleId);
    return article ? [{ label: article.title, url: `/${article.slug}`, section_id: null, external: false }] : [];
  });
});

/**
 * The language menu of a site that publishes in two languages or more: each language's version of the list shown
 * (the home page elsewhere), the one shown marked. None on a site in one language.
 */
function languageMenu(languages: string[], head: PageHead) {
  if (languages.length < 2) return [];
  const path = head.listPath ?? '/';
  const shown = head.listLang ? primaryLanguage(head.listLang) : undefined;
  return languages.map((lang) => ({ lang, name: languageName(lang), url: `${path}?lang=${lang}`, current: lang === shown }));
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
  /** The label's language when it is not the site's (an English article's title): its typography. */
  lang?: string | null;
}
