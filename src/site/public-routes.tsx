// Public routes: home, sections, articles and their print version, static assets and documents.
// Paths resolve through the `urls` table; an old path answers 301 to the current one.
import { createReadStream, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { HomePage } from './pages/home.tsx';
import { SectionPage } from './pages/section.tsx';
import { ArticlePage } from './pages/article.tsx';
import { PrintPage } from './pages/print.tsx';
import { articleMetaFor } from './pages/article-meta.tsx';
import { relatedArticles } from '../search/index.ts';
import { GlossaryPrintList } from './pages/glossary.tsx';
import { articleGlossary } from '../glossary/index.ts';
import { renderInLayout, notFound, errorPage } from './page.tsx';
import { sendPage } from '../web/send-page.ts';
import { assetUrl, getAsset } from './assets.ts';
import { renderArticle } from '../web/render-article.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { loadPublicSectionTree, listPublicArticles, loadArticle, loadArticlePageData, nextScheduledPublication, isPublic } from '../articles/index.ts';
import { documentContentType } from '../documents/index.ts';
import { resolvePath, currentPath, type ResolvedPath } from '../urls/index.ts';
import { loadPublishedThreads } from '../forum/index.ts';
import { propre, typo } from '../markup/index.ts';
import { t } from '../kernel/i18n/index.ts';
import type { Article } from '../db/schema.ts';

export const siteRoutes = new Hono<AppEnv>();

siteRoutes.get('/assets/:name', (c) => {
  const asset = getAsset(c.req.param('name'));
  if (!asset) return notFound(c);
  return new Response(new Uint8Array(asset.body), {
    headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=31536000, immutable' },
  });
});

siteRoutes.get('/documents/*', (c) => {
  const root = join(c.get('app').config.dataDir, 'documents');
  const relative = decodeURIComponent(new URL(c.req.url).pathname.slice('/documents/'.length));
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep)) return notFound(c);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return notFound(c);
    size = stat.size;
  } catch {
    return notFound(c);
  }
  const type = documentContentType(file);
  const stream = Readable.toWeb(createReadStream(file)) as ReadableStream;
  return new Response(stream, {
    headers: {
      'content-type': type,
      'content-length': String(size),
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
      // A document is shown inline only when it is an image or a PDF; anything else downloads.
      ...(type.startsWith('image/') && type !== 'image/svg+xml') || type === 'application/pdf' ? {} : { 'content-disposition': 'attachment' },
    },
  });
});

siteRoutes.get('/', async (c) => {
  const { db } = c.get('app');
  const now = new Date().toISOString();
  const [settings, tree, latest, expiresAt] = await Promise.all([loadSiteSettings(db), loadPublicSectionTree(db), listPublicArticles(db, { limit: 10, now }), nextScheduledPublication(db, now)]);
  const body = await renderInLayout(db, { title: settings.name, description: settings.tagline, body: <HomePage settings={settings} latest={latest} sections={tree.children(null)} /> }, { settings, tree });
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
  const articles = await listPublicArticles(db, { sectionIds: [section.id], limit: 50, now });
  const crumbs = [{ label: t('site.home'), href: '/' }, ...tree.ancestry(section.id).map((s) => ({ label: s.title, href: `/rubrique/${s.slug}` }))];
  const body = await renderInLayout(
    db,
    {
      title: section.title,
      description: section.description,
      head: (
        <>
          <link rel="alternate" type="application/rss+xml" title={`${section.title} — RSS`} href={`/rubrique/${section.slug}/rss.xml`} />
          <link rel="alternate" type="application/atom+xml" title={`${section.title} — Atom`} href={`/rubrique/${section.slug}/atom.xml`} />
        </>
      ),
      body: (
        <SectionPage
          section={section}
          crumbs={crumbs}
          title={typo(section.title)}
          descriptionHtml={propre(section.description).html}
          textHtml={propre(section.text).html}
          subsections={tree.children(section.id)}
          articles={articles}
        />
      ),
    },
    { settings, tree },
  );
  return sendPage(c, body, { expiresAt });
});

siteRoutes.get('/imprimer/:slug', async (c) => {
  const { db, config } = c.get('app');
  const slug = c.req.param('slug');
  const target = await resolvePath(db, `/${slug}`);
  if (!target || target.objectType !== 'article') return notFound(c);
  const article = await publicArticle(c, target, (current) => `/imprimer${current}`);
  if (article instanceof Response) return article;
  // On paper the terms are not marked in the text; their definitions are listed after the article.
  const glossary = await articleGlossary(db, article, { mark: false });
  const [settings, tree, data, rendered] = await Promise.all([loadSiteSettings(db), loadPublicSectionTree(db), loadArticlePageData(db, article), renderArticle(db, article, glossary.annotate)]);
  const glossaryTerms = await glossary.usedTerms();
  const page = (
    <PrintPage
      settings={settings}
      data={data}
      rendered={rendered}
      canonicalUrl={`${config.siteUrl}/${article.slug}`}
      breadcrumb={tree.ancestry(article.section_id).map((s) => s.title)}
      appendix={<GlossaryPrintList terms={glossaryTerms} lang={article.lang === 'en' ? 'en' : 'fr'} />}
    />
  );
  return sendPage(c, '<!DOCTYPE html>' + (await page.toString()));
});

siteRoutes.get('/:slug', async (c) => {
  const { db } = c.get('app');
  const path = new URL(c.req.url).pathname;
  const target = await resolvePath(db, path);
  if (!target) return notFound(c);
  if (target.objectType !== 'article') {
    const current = await currentPath(db, target.objectType, target.objectId);
    return current ? c.redirect(current, 301) : notFound(c);
  }
  const article = await publicArticle(c, target, (current) => current);
  if (article instanceof Response) return article;
  const now = new Date().toISOString();
  const settings = await loadSiteSettings(db);
  const glossary = await articleGlossary(db, article, { occurrences: settings.glossaryOccurrences });
  const [tree, data, rendered, threads, expiresAt] = await Promise.all([
    loadPublicSectionTree(db),
    loadArticlePageData(db, article, now),
    renderArticle(db, article, glossary.annotate),
    loadPublishedThreads(db, article.id),
    nextScheduledPublication(db, now),
  ]);
  data.related = await relatedArticles(db, article.id, article.section_id, data.related, 5, now);
  const crumbs = [
    { label: t('site.home'), href: '/' },
    ...tree.ancestry(article.section_id).map((s) => ({ label: s.title, href: `/rubrique/${s.slug}` })),
    { label: article.title, href: `/${article.slug}` },
  ];
  const forumMode = article.forum_mode ?? settings.forumMode;
  const forumFeed = `/forum/article/${article.id}/rss.xml`;
  const body = await renderInLayout(
    db,
    {
      title: article.title,
      description: article.description || undefined,
      head: (
        <>
          <link rel="alternate" type="application/rss+xml" title={t('forum.feedTitle', { title: article.title })} href={forumFeed} />
          {forumMode === 'pri' || forumMode === 'pos' ? <script src={assetUrl('forum.js')} defer></script> : null}
          {articleMetaFor(c.get('app').config.siteUrl, settings.name, article, data, tree.byId.get(article.section_id)?.title)}
        </>
      ),
      body: (
        <ArticlePage
          data={data}
          rendered={rendered}
          crumbs={crumbs}
          forumMode={forumMode}
          forum={{ articleId: article.id, mode: forumMode, threads, action: '/forum/poster', tokenUrl: `/forum/jeton?article=${article.id}`, feedUrl: forumFeed }}
        />
      ),
    },
    { settings, tree },
  );
  // The page is shared by every reader, so its form carries no token: forum.js fetches one per view.
  return sendPage(c, body, { expiresAt });
});

/**
 * The article a path names, when the public may read it; otherwise the answer to give: 404 (unknown, not
 * published yet), 410 (trash), or 301 from an old path to `at(current path)`. An old path of a hidden
 * article answers like its page would, revealing no new path.
 */
async function publicArticle(c: Context<AppEnv>, target: ResolvedPath, at: (currentPath: string) => string): Promise<Article | Response> {
  const { db } = c.get('app');
  const article = await loadArticle(db, target.objectId);
  if (!article) return notFound(c);
  if (!isPublic(article)) return article.status === 'trash' ? errorPage(c, 410, t('error.title'), 'Ce contenu a été supprimé.') : notFound(c);
  if (target.isCurrent) return article;
  const current = await currentPath(db, 'article', article.id);
  return current ? c.redirect(at(current), 301) : notFound(c);
}

async function redirectToCurrent(c: Context<AppEnv>, type: 'article' | 'section', id: number): Promise<Response> {
  const current = await currentPath(c.get('app').db, type, id);
  return current ? c.redirect(current, 301) : notFound(c);
}
