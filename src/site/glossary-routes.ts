// The glossary: /glossaire, every term A–Z with the newest articles that use it and a link to all of them, and
// /glossaire/<slug>, one term's page (its definition and presentation, then every article using it, in numbered
// pages). A common term is used by hundreds of articles: listed whole under each entry, it made /glossaire a
// page of thousands of links. The presentations are SPIP markup: the internal targets they mention ([->art14],
// <doc5>) are loaded at once, as for an article.
import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { sendPage } from '../web/send-page.ts';
import { loadResolver } from '../web/markup-resolver.ts';
import { parse, render, propreText } from '../markup/index.ts';
import { currentLang, t } from '../kernel/i18n/index.ts';
import { findTermBySlug, listTerms, loadTermUses } from '../glossary/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { nextScheduledPublication } from '../articles/index.ts';
import type { Db } from '../db/connect.ts';
import type { GlossaryTerm } from '../db/schema.ts';
import { notFound } from './page.ts';
import { pageMeta } from './page-meta.ts';
import { listPage, pagedHead, pagedPath, pagedTitle, requestedPage } from './paged-list.ts';
import { renderPage } from './render-page.ts';
import { glossaryGroups, glossaryTermView } from './views.ts';

export const glossaryRoutes = new Hono<AppEnv>();

glossaryRoutes.get('/glossaire', async (c) => {
  const { db } = c.get('app');
  const now = new Date().toISOString();
  const [terms, uses] = await Promise.all([listTerms(db), loadTermUses(db)]);
  const presentations = await renderPresentations(db, terms, now);
  const body = await renderPage(c.get('app'), 'glossary', { title: t('site.glossary') }, {
    crumbs: [
      { label: t('site.home'), href: '/' },
      { label: t('site.glossary'), href: '/glossaire' },
    ],
    groups: glossaryGroups(terms, uses, presentations),
  });
  return sendPage(c, body, { expiresAt: await nextScheduledPublication(db, now) });
});

glossaryRoutes.get('/glossaire/:slug', async (c) => {
  const app = c.get('app');
  const { db } = app;
  const now = new Date().toISOString();
  const term = await findTermBySlug(db, c.req.param('slug'));
  if (!term) return notFound(c);
  const requested = await requestedPage(c);
  if (requested instanceof Response) return requested;
  const uses = (await loadTermUses(db)).get(term.slug) ?? [];
  const path = `/glossaire/${term.slug}`;
  const list = listPage(path, requested, uses.length);
  if (!list) return notFound(c);
  const [presentations, settings] = await Promise.all([renderPresentations(db, [term], now), loadSiteSettings(db)]);
  const title = pagedTitle(term.term, list.page);
  const description = propreText(term.definition);
  const meta = pageMeta(app.config.siteUrl, settings, { path: pagedPath(path, list.page), kind: 'glossary', title, description });
  const body = await renderPage(app, 'glossary-term', { title, description, meta, ...pagedHead(list.pagination) }, {
    crumbs: [
      { label: t('site.home'), href: '/' },
      { label: t('site.glossary'), href: '/glossaire' },
      { label: term.term, href: path },
    ],
    term: { ...glossaryTermView(term, presentations), count: uses.length },
    articles: uses.slice(list.offset, list.offset + list.limit).map((use) => ({ slug: use.slug, title: use.title, published_at: use.published_at })),
    pagination: list.pagination,
  });
  return sendPage(c, body, { expiresAt: await nextScheduledPublication(db, now) });
});

/** The presentations of `terms` as HTML, by term id, their internal links resolved in one query per kind. */
async function renderPresentations(db: Db, terms: GlossaryTerm[], now: string): Promise<Map<number, string>> {
  const parsed = terms.flatMap((term) => (term.presentation ? [{ id: term.id, doc: parse(term.presentation, { lang: currentLang(), profile: 'article' }) }] : []));
  if (parsed.length === 0) return new Map();
  const resolve = await loadResolver(db, parsed.flatMap((p) => p.doc.references), now);
  return new Map(parsed.map(({ id, doc }) => [id, render(doc, { profile: 'article', resolve, lang: currentLang() }).html]));
}
