// Public routes: home, sections, articles and their print version, the theme's static assets (documents and
// images: media-routes.ts).
// Paths resolve through the `urls` table; an old path answers 301 to the current one.
import { Hono, type Context } from 'hono';
import type { AppContext, AppEnv } from '../web/context.ts';
import { relatedArticles } from '../search/index.ts';
import { articleGlossary } from '../glossary/index.ts';
import { notFound, errorPage } from './page.ts';
import { renderPage } from './render-page.ts';
import { homePage } from './home-page.ts';
import { articleCards } from './article-cards.ts';
import { listPage, listPathIn, pagedHead, pagedPath, pagedTitle, requestedPage } from './paged-list.ts';
import { articleMeta, pageMeta } from './page-meta.ts';
import { articleView, forumBlockView, renderedView } from './views.ts';
import { articleDocumentsView } from './article-documents.ts';
import { sendPage } from '../web/send-page.ts';
import { themeEngineOf } from '../web/theme.ts';
import { renderArticle } from '../web/render-article.ts';
import { storedOrNewRender } from '../web/stored-article-render.ts';
import { RELATED, readArticlePage } from './article-page-read.ts';
import { loadSiteSettings, type SiteSettings } from '../settings/index.ts';
import { groupIdOf, countPublicArticles, loadPublicSectionTree, listPublicArticles, loadArticlePageData, nextScheduledPublication, isPublic, resolveArticlePath, type ArticleAtPath } from '../articles/index.ts';
import { resolvePath, currentPath } from '../urls/index.ts';
import { safeHtml } from '../kernel/trusted-html.ts';
import { propre } from '../markup/index.ts';
import { inLanguage, t } from '../kernel/i18n/index.ts';
import { interfaceLangOf, languageName } from '../kernel/language-tag.ts';
import type { Article } from '../db/schema.ts';
import type { SectionTree } from '../sections/index.ts';
import { petitionBlockView } from './petition-view.ts';
import { listPublicSites } from '../sites/index.ts';
import { siteView } from './site-view.ts';

export const siteRoutes = new Hono<AppEnv>();

siteRoutes.get('/assets/:name', (c) => {
  const asset = themeEngineOf(c.get('app')).asset(c.req.param('name'));
  if (!asset) return notFound(c);
  return new Response(new Uint8Array(asset.body), {
    headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=31536000, immutable' },
  });
});

siteRoutes.get('/', async (c) => {
  const app = c.get('app');
  const { db } = app;
  const now = new Date().toISOString();
  const [settings, tree, expiresAt] = await Promise.all([loadSiteSettings(db), loadPublicSectionTree(db), nextScheduledPublication(db, now)]);
  const home = await homePage(db, settings.homeBlocks, tree, now, c.get('listLanguage'));
  const meta = pageMeta(app.config.siteUrl, settings, { path: '/', kind: 'home', title: settings.name, description: settings.tagline || settings.description });
  const body = await renderPage(app, 'home', { title: settings.name, description: settings.tagline, meta, listPath: '/', listLang: c.get('listLanguage') }, { ...home, sections: tree.children(null) }, { settings, tree });
  return sendPage(c, body, { expiresAt });
});

siteRoutes.get('/rubrique/:slug', async (c) => {
  const { db } = c.get('app');
  const path = new URL(c.req.url).pathname;
  const target = await resolvePath(db, path);
  if (!target || target.objectType !== 'section') return notFound(c);
  if (!target.isCurrent) return redirectToCurrent(c, 'section', target.objectId);
  const now = new Date().toISOString();
  const [settings, tree, expiresAt] = await Promise.all([loadSiteSettings(db), loadPublicSectionTree(db), nextScheduledPublication(db, now)]);
  const section = tree.byId.get(target.objectId);
  if (!section) return notFound(c);
  const requested = await requestedPage(c);
  if (requested instanceof Response) return requested;
  // The section's own articles and those of every section below it, newest first.
  const filter = { sectionIds: tree.subtree(section.id), now, lang: c.get('listLanguage') };
  const listPath = listPathIn(`/rubrique/${section.slug}`, c.get('listLanguage'));
  const list = listPage(listPath, requested, await countPublicArticles(db, filter));
  if (!list) return notFound(c);
  const [articles, sites] = await Promise.all([listPublicArticles(db, { ...filter, limit: list.limit, offset: list.offset }), list.page === 1 ? listPublicSites(db, [section.id]) : []]);
  const crumbs = [{ label: t('site.home'), href: '/' }, ...tree.ancestry(section.id).map((s) => ({ label: s.title, href: `/rubrique/${s.slug}` }))];
  const title = pagedTitle(section.title, list.page);
  const meta = pageMeta(c.get('app').config.siteUrl, settings, { path: pagedPath(listPath, list.page), kind: 'section', title, description: section.description });
  const body = await renderPage(
    c.get('app'),
    'section',
    { title, description: section.description, meta, ...pagedHead(list.pagination), listPath: `/rubrique/${section.slug}`, listLang: c.get('listLanguage') },
    {
      section: { id: section.id, title: section.title, slug: section.slug },
      crumbs,
      description_html: safeHtml(propre(section.description).html),
      text_html: safeHtml(propre(section.text).html),
      // Every public sub-section, even a single one: its articles are in the list, its page one link away.
      subsections: tree.children(section.id).map((s) => ({ title: s.title, slug: s.slug, description: s.description })),
      articles: await articleCards(db, tree, articles),
      pagination: list.pagination,
      // The links directory of this section (its first page), with the newest items of syndicated sites.
      sites: sites.map(siteView),
    },
    { settings, tree },
  );
  return sendPage(c, body, { expiresAt });
});

siteRoutes.get('/imprimer/:slug', async (c) => {
  const { db, config } = c.get('app');
  const slug = c.req.param('slug');
  const found = await resolveArticlePath(db, `/${slug}`);
  if (!found || found.target.objectType !== 'article') return notFound(c);
  const article = await publicArticle(c, found, (current) => `/imprimer${current}`);
  if (article instanceof Response) return article;
  c.set('subject', { articleId: article.id });
  // On paper the terms are not marked in the text; their definitions are listed after the article.
  const glossary = await articleGlossary(db, article, { mark: false });
  const [settings, tree, data, rendered] = await Promise.all([loadSiteSettings(db), loadPublicSectionTree(db), loadArticlePageData(db, article), renderArticle(db, article, glossary.annotate)]);
  const glossaryTerms = await glossary.usedTerms();
  const canonicalUrl = `${config.siteUrl}/${article.slug}`;
  const body = await renderPage(
    c.get('app'),
    'print',
    { title: article.title },
    {
      article: articleView(article),
      rendered: renderedView(rendered),
      authors: data.authors,
      canonical_url: canonicalUrl,
      back_url: new URL(canonicalUrl).pathname,
      breadcrumb: tree.ancestry(article.section_id).map((s) => s.title),
      glossary_terms: glossaryTerms.map((term) => ({ term: term.term, definition: term.definition })),
      lang: article.lang === 'en' ? 'en' : 'fr',
    },
    { settings, tree },
  );
  return sendPage(c, body);
});

siteRoutes.get('/:slug', async (c) => {
  const { db } = c.get('app');
  const path = new URL(c.req.url).pathname;
  // The path and the article it names in one query: the first of the page's two (decision 035).
  const found = await resolveArticlePath(db, path);
  if (!found) return notFound(c);
  const { target } = found;
  if (target.objectType !== 'article') {
    const current = await currentPath(db, target.objectType, target.objectId);
    return current ? c.redirect(current, 301) : notFound(c);
  }
  const article = await publicArticle(c, found, (current) => current);
  if (article instanceof Response) return article;
  // A bug rendering one article is logged with its id; that page answers 500, every other one is unaffected.
  c.set('subject', { articleId: article.id });
  // The page reads in its article's language when the interface has it (an English article of a French site).
  const lang = interfaceLangOf(article.lang, (await loadSiteSettings(db)).lang);
  const { page, body } = await inLanguage(lang, async () => {
    const page = await articlePage(c.get('app'), article);
    return { page, body: await renderPage(c.get('app'), 'article', page.head, page.data, page.shared) };
  });
  // The page is shared by every reader, so its form carries no token: forum.js fetches one per view.
  return sendPage(c, body, { expiresAt: page.expiresAt, dependsOn: page.dependsOn });
});

/** What the article page shows: gathered here, rendered by the theme's article.liquid (bench/pages.ts times the two apart). */
export async function articlePage(app: AppContext, article: Article, now = new Date().toISOString()) {
  const { db } = app;
  const settings = await loadSiteSettings(db);
  // The section tree and the next publication are kept per data version (no query once read); the rest is one
  // query (article-page-read.ts).
  const [tree, read, expiresAt] = await Promise.all([loadPublicSectionTree(db), readArticlePage(db, article, now), nextScheduledPublication(db, now)]);
  const { data, sectionNewest, translations, threads, petition } = read;
  const sectionArticles = sectionNewest.filter((a) => a.id !== article.id).slice(0, RELATED);
  data.related = relatedArticles(article.id, data.related, read.sharingKeywords, sectionNewest, RELATED);
  // Rendered (and stored) only when no valid render is.
  const rendered = await storedOrNewRender(db, article, { occurrences: settings.glossaryOccurrences }, read.storedRender, now);
  const crumbs = [
    { label: t('site.home'), href: '/' },
    ...tree.ancestry(article.section_id).map((s) => ({ label: s.title, href: `/rubrique/${s.slug}` })),
    { label: article.title, href: `/${article.slug}`, lang: article.lang },
  ];
  const forumMode = article.forum_mode ?? settings.forumMode;
  const forumFeed = `/forum/article/${article.id}/rss.xml`;
  const meta = articleMeta(app.config.siteUrl, settings, data, tree.byId.get(article.section_id)?.title);
  // hreflang: the page in each of its languages, itself included, as search engines ask.
  if (translations.length > 0) meta.alternates = [article, ...translations].map((a) => ({ hreflang: a.lang, url: `${app.config.siteUrl}/${a.slug}` }));
  return {
    head: { title: article.title, titleLang: article.lang, description: article.description || undefined, meta },
    data: {
      article: articleView(article),
      rendered: renderedView(rendered),
      crumbs,
      section: sectionNav(tree, article.section_id),
      section_articles: sectionArticles.map((a) => ({ slug: a.slug, title: a.title, published_at: a.published_at })),
      authors: data.authors,
      keywords: data.keywords,
      ...articleDocumentsView(data.documents, rendered.placedDocumentIds),
      related: data.related,
      show_forum_link: forumMode !== 'non' || data.publishedMessageCount > 0,
      message_count: data.publishedMessageCount,
      forum_script: forumMode === 'pri' || forumMode === 'pos',
      translations: translations.map((a) => ({ lang: a.lang, name: languageName(a.lang), title: a.title, url: `/${a.slug}` })),
      forum: forumBlockView({ articleId: article.id, mode: forumMode, threads, action: '/forum/poster', tokenUrl: `/forum/jeton?article=${article.id}`, feedUrl: forumFeed }),
      // Its count and signatories change the page: migration 065's rules give 'article:<id>' for them.
      petition: petition ? petitionBlockView(article.id, petition) : null,
    },
    shared: { settings, tree },
    expiresAt,
    // Its translations show on it: any write to one of them (or to the group's original) drops it (migration 061).
    dependsOn: articlePageScopes(article, data.keywords, [...sectionArticles, ...data.related, ...translations, { id: groupIdOf(article) }], settings),
  };
}

/**
 * What an article page shows, as the scopes of migration 033 name it: the article and its forum, the articles it
 * lists (its section's, its related ones, the menu's), and the lists those come from. Anything else it shows
 * (sections, authors, settings, glossary, documents) changes every page ('*').
 */
function articlePageScopes(article: Article, keywords: { id: number }[], shown: { id: number }[], settings: SiteSettings): string[] {
  const menuArticles = settings.mainMenu.flatMap((item) => (item.kind === 'article' ? [item.articleId] : []));
  return [
    `article:${article.id}`,
    `forum:${article.id}`,
    `section-list:${article.section_id}`,
    ...keywords.map((k) => `keyword-list:${k.id}`),
    ...new Set([...shown.map((a) => a.id), ...menuArticles].map((id) => `article:${id}`)),
  ];
}

/** The aside's navigation of an article page: its section, and the sub-sections of its top-level section. */
function sectionNav(tree: SectionTree, sectionId: number) {
  const ancestry = tree.ancestry(sectionId);
  const section = ancestry.at(-1);
  const top = ancestry[0];
  if (!section || !top) return null;
  return {
    title: section.title,
    slug: section.slug,
    top: { title: top.title, slug: top.slug },
    subsections: tree.children(top.id).map((s) => ({ title: s.title, slug: s.slug, current: ancestry.some((a) => a.id === s.id) })),
  };
}

/**
 * The article a path names, when the public may read it; otherwise the answer to give: 404 (unknown, not
 * published yet), 410 (trash), or 301 from an old path to `at(current path)`. An old path of a hidden
 * article answers like its page would, revealing no new path.
 */
async function publicArticle(c: Context<AppEnv>, { target, article }: ArticleAtPath, at: (currentPath: string) => string): Promise<Article | Response> {
  const { db } = c.get('app');
  if (!article) return notFound(c);
  if (!isPublic(article)) return article.status === 'trash' ? errorPage(c, 410, t('error.title'), t('errors.contentDeleted')) : notFound(c);
  if (target.isCurrent) return article;
  const current = await currentPath(db, 'article', article.id);
  return current ? c.redirect(at(current), 301) : notFound(c);
}

/** 301 from an old path to the current one, its query kept: page 3 of a renamed section is page 3 of its new address. */
async function redirectToCurrent(c: Context<AppEnv>, type: 'article' | 'section', id: number): Promise<Response> {
  const current = await currentPath(c.get('app').db, type, id);
  return current ? c.redirect(current + new URL(c.req.url).search, 301) : notFound(c);
}
