// Search and discovery routes: /recherche, feeds (site, section, keyword; RSS and Atom, ?complet=1 for
// full text), keyword and author pages, /plan, sitemap.xml and robots.txt. Mounted before the public
// site's routes, so that /rubrique/<slug>/rss.xml is matched here and not by /:slug.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { notFound } from './page.ts';
import { renderPage } from './render-page.ts';
import { articleCards } from './article-cards.ts';
import { pageMeta } from './page-meta.ts';
import { listPage, pagedHead, pagedPath, pagedTitle, requestedPage, listPathIn } from './paged-list.ts';
import { PAGE_SIZE } from './pagination.ts';
import { planTree, searchPageCount, searchView } from './views.ts';
import { safeHtml } from '../kernel/trusted-html.ts';
import { sendPage } from '../web/send-page.ts';
import { feedContentType, renderFeed, xmlText, type Feed, type FeedFormat, type FeedItem } from '../web/feed-writer.ts';
import { renderArticle } from '../web/render-article.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { countPublicArticles, loadPublicSectionTree, listPlanArticles, listPublicArticles, loadArticlesByIds, nextScheduledPublication, type PublicArticleFilter } from '../articles/index.ts';
import { listKeywordSlugs } from '../keywords/index.ts';
import { resolvePath } from '../urls/index.ts';
import { MAX_PAGE, search, isEmptyQuery, parseQuery, authorsOf, findAuthor, findKeyword, listFeedArticles, sitemapArticles, type SearchResults, type ArticleFilter, type FeedArticle } from '../search/index.ts';
import { propre, propreText, typoText } from '../markup/index.ts';
import { t } from '../kernel/i18n/index.ts';
import type { Db } from '../db/connect.ts';

export const discoveryRoutes = new Hono<AppEnv>();

const FEED_ITEMS = 20;

discoveryRoutes.get('/recherche', async (c) => {
  const { db } = c.get('app');
  const q = c.req.query('q') ?? '';
  const page = await requestedPage(c);
  if (page instanceof Response) return page;
  const parsed = parseQuery(q);
  const onlyStopwords = q.trim() !== '' && isEmptyQuery(parsed);
  const results: SearchResults | undefined = q.trim() && !onlyStopwords && page <= MAX_PAGE ? await search(db, q, { page, perPage: PAGE_SIZE }) : undefined;
  // A page past the last one (or past MAX_PAGE, where results stop) is no page: 404, as for every list.
  if (page > 1 && (!results || page > searchPageCount(results))) return notFound(c);
  const view = searchView(q, results, onlyStopwords);
  const title = pagedTitle(q.trim() ? t('search.titleFor', { q: q.slice(0, 80) }) : t('search.title'), page);
  // Result pages are not worth indexing by search engines (search.liquid says noindex).
  const body = await renderPage(c.get('app'), 'search', { title, ...(view.results?.pagination ? pagedHead(view.results.pagination) : {}) }, view);
  return sendPage(c, body, { expiresAt: await nextScheduledPublication(db) });
});

/** Items of a feed: summaries, or the whole rendered articles with the full-text option. */
async function feedItems(db: Db, siteUrl: string, articles: FeedArticle[], fullText: boolean): Promise<FeedItem[]> {
  const authors = await authorsOf(db, articles.map((a) => a.id));
  const full = fullText ? await loadArticlesByIds(db, articles.map((a) => a.id)) : [];
  return Promise.all(
    articles.map(async (article) => {
      let html: string;
      const row = full.find((r) => r.id === article.id);
      if (row) {
        const r = await renderArticle(db, row);
        html = [r.lead, r.text, r.postscript, r.notes].filter(Boolean).join('\n');
      } else if (article.description) html = propre(article.description).html;
      else if (article.lead) html = propre(article.lead).html;
      else {
        const text = propreText(article.text);
        html = `<p>${xmlText(text.length > 400 ? text.slice(0, 400).replace(/\s+\S*$/, '') + ' …' : text)}</p>`;
      }
      const published = new Date(article.published_at!);
      const updated = new Date(article.updated_at);
      return {
        // Feeds carry plain text: the title as readers see it, typography included.
        title: typoText(article.title),
        link: `${siteUrl}/${article.slug}`,
        html,
        authors: (authors.get(article.id) ?? []).map((a) => a.name),
        published,
        updated: updated > published ? updated : published,
      };
    }),
  );
}

async function sendFeed(c: Context<AppEnv>, format: FeedFormat, channel: Pick<Feed, 'title' | 'description' | 'link'>, filter: ArticleFilter): Promise<Response> {
  const { db, config } = c.get('app');
  const fullText = c.req.query('complet') !== undefined;
  const url = new URL(c.req.url);
  const settings = await loadSiteSettings(db);
  const lang = c.get('listLanguage');
  const articles = await listFeedArticles(db, { ...filter, lang }, FEED_ITEMS);
  const feed: Feed = {
    ...channel,
    language: lang ?? (settings.lang || 'fr'),
    self: config.siteUrl + url.pathname + url.search,
    items: await feedItems(db, config.siteUrl, articles, fullText),
  };
  return sendPage(c, renderFeed(feed, format), { contentType: feedContentType[format], expiresAt: await nextScheduledPublication(db) });
}

for (const format of ['rss', 'atom'] as const) {
  discoveryRoutes.get(`/${format}.xml`, async (c) => {
    const { db, config } = c.get('app');
    const settings = await loadSiteSettings(db);
    return sendFeed(c, format, { title: typoText(settings.name), description: typoText(settings.tagline), link: config.siteUrl + '/' }, {});
  });

  discoveryRoutes.get(`/rubrique/:slug/${format}.xml`, async (c) => {
    const { db, config } = c.get('app');
    const target = await resolvePath(db, `/rubrique/${c.req.param('slug')}`);
    if (!target || target.objectType !== 'section') return notFound(c);
    const [settings, tree] = await Promise.all([loadSiteSettings(db), loadPublicSectionTree(db)]);
    const section = tree.byId.get(target.objectId);
    if (!section) return notFound(c);
    return sendFeed(
      c,
      format,
      { title: t('feed.sectionTitle', { site: typoText(settings.name), section: typoText(section.title) }), description: propreText(section.description), link: `${config.siteUrl}/rubrique/${section.slug}` },
      { sectionIds: tree.subtree(section.id) },
    );
  });

  discoveryRoutes.get(`/mot/:slug/${format}.xml`, async (c) => {
    const { db, config } = c.get('app');
    const keyword = await findKeyword(db, c.req.param('slug'));
    if (!keyword) return notFound(c);
    const settings = await loadSiteSettings(db);
    return sendFeed(
      c,
      format,
      { title: t('feed.keywordTitle', { site: typoText(settings.name), keyword: typoText(keyword.title) }), description: propreText(keyword.description), link: `${config.siteUrl}/mot/${keyword.slug}` },
      { keywordId: keyword.id },
    );
  });
}

discoveryRoutes.get('/mot/:slug', async (c) => {
  const app = c.get('app');
  const { db } = app;
  const slug = c.req.param('slug');
  const keyword = await findKeyword(db, slug);
  if (!keyword) return notFound(c);
  const requested = await requestedPage(c);
  if (requested instanceof Response) return requested;
  const lang = c.get('listLanguage');
  const path = listPathIn(`/mot/${keyword.slug}`, lang);
  const list = await pageOf(db, path, requested, { keywordId: keyword.id, lang });
  if (!list) return notFound(c);
  const [settings, tree] = await Promise.all([loadSiteSettings(db), loadPublicSectionTree(db)]);
  const description = propreText(keyword.description);
  const title = pagedTitle(keyword.title, list.page);
  const meta = pageMeta(app.config.siteUrl, settings, { path: pagedPath(path, list.page), kind: 'keyword', title, description });
  const body = await renderPage(app, 'keyword', { title, description: description || undefined, meta, ...pagedHead(list.pagination), listPath: `/mot/${keyword.slug}`, listLang: lang }, {
    crumbs: [{ label: t('site.home'), href: '/' }, { label: keyword.title, href: `/mot/${keyword.slug}` }],
    label: `${t('feed.keyword')} (${keyword.group})`,
    title: keyword.title,
    presentation_html: safeHtml([propre(keyword.description).html, propre(keyword.text).html].filter(Boolean).join('\n')),
    website: null,
    list_title: t('feed.keywordArticles'),
    articles: await articleCards(db, tree, list.articles),
    pagination: list.pagination,
    feeds: { rss: listPathIn(`/mot/${keyword.slug}/rss.xml`, lang), atom: listPathIn(`/mot/${keyword.slug}/atom.xml`, lang) },
  });
  return sendPage(c, body, { expiresAt: await nextScheduledPublication(db) });
});

discoveryRoutes.get('/auteur/:slug', async (c) => {
  const app = c.get('app');
  const { db } = app;
  const author = await findAuthor(db, c.req.param('slug'));
  if (!author) return notFound(c);
  const requested = await requestedPage(c);
  if (requested instanceof Response) return requested;
  const lang = c.get('listLanguage');
  const path = listPathIn(`/auteur/${author.slug}`, lang);
  const list = await pageOf(db, path, requested, { authorId: author.id, lang });
  if (!list) return notFound(c);
  const [settings, tree] = await Promise.all([loadSiteSettings(db), loadPublicSectionTree(db)]);
  const description = propreText(author.bio).slice(0, 300);
  const title = pagedTitle(author.name, list.page);
  const meta = pageMeta(app.config.siteUrl, settings, { path: pagedPath(path, list.page), kind: 'author', title, description });
  const body = await renderPage(app, 'author', { title, description: description || undefined, meta, ...pagedHead(list.pagination), listPath: `/auteur/${author.slug}`, listLang: lang }, {
    crumbs: [{ label: t('site.home'), href: '/' }, { label: author.name, href: `/auteur/${author.slug}` }],
    label: t('feed.author'),
    title: author.name,
    presentation_html: safeHtml(propre(author.bio).html),
    website: author.website && /^https?:\/\//i.test(author.website) ? author.website : null,
    list_title: t('feed.authorArticles'),
    articles: await articleCards(db, tree, list.articles),
    pagination: list.pagination,
    feeds: null,
  });
  return sendPage(c, body, { expiresAt: await nextScheduledPublication(db) });
});

/** Page `page` of the public articles `filter` keeps at `path`, or null past the end. */
async function pageOf(db: Db, path: string, page: number, filter: PublicArticleFilter) {
  const now = new Date().toISOString();
  const list = listPage(path, page, await countPublicArticles(db, { ...filter, now }));
  if (!list) return null;
  return { ...list, articles: await listPublicArticles(db, { ...filter, now, limit: list.limit, offset: list.offset }) };
}

discoveryRoutes.get('/plan', async (c) => {
  const { db } = c.get('app');
  const now = new Date().toISOString();
  const [settings, tree, articles] = await Promise.all([
    loadSiteSettings(db),
    loadPublicSectionTree(db),
    listPlanArticles(db, now),
  ]);
  const body = await renderPage(
    c.get('app'),
    'plan',
    { title: t('feed.plan') },
    { crumbs: [{ label: t('site.home'), href: '/' }, { label: t('feed.plan'), href: '/plan' }], sections: planTree(tree, articles) },
    { settings, tree },
  );
  return sendPage(c, body, { expiresAt: await nextScheduledPublication(db, now) });
});

discoveryRoutes.get('/sitemap.xml', async (c) => {
  const { db, config } = c.get('app');
  const [articles, tree, keywords] = await Promise.all([
    sitemapArticles(db),
    loadPublicSectionTree(db),
    listKeywordSlugs(db),
  ]);
  const url = (path: string, lastmod?: string) => `<url><loc>${xmlText(config.siteUrl + path)}</loc>${lastmod ? `<lastmod>${xmlText(lastmod)}</lastmod>` : ''}</url>`;
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url('/'),
    ...[...tree.byId.values()].map((s) => url(`/rubrique/${encodeURIComponent(s.slug)}`, s.updated_at)),
    ...keywords.map((slug) => url(`/mot/${encodeURIComponent(slug)}`)),
    ...articles.map((a) => url(`/${encodeURIComponent(a.slug)}`, a.updated_at)),
    '</urlset>',
    '',
  ].join('\n');
  return sendPage(c, body, { contentType: 'application/xml; charset=utf-8', expiresAt: await nextScheduledPublication(db) });
});

discoveryRoutes.get('/robots.txt', (c) => {
  const { config } = c.get('app');
  const body = ['User-agent: *', 'Disallow: /ecrire/', 'Disallow: /recherche', 'Disallow: /imprimer/', '', `Sitemap: ${config.siteUrl}/sitemap.xml`, ''].join('\n');
  return sendPage(c, body, { contentType: 'text/plain; charset=utf-8' });
});
