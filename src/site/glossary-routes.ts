// The glossary page /glossaire: every term A–Z with the published articles that use it. The presentations are
// SPIP markup: the internal targets they mention ([->art14], <doc5>) are loaded at once, as for an article.
import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { sendPage } from '../web/send-page.ts';
import { loadResolver } from '../web/markup-resolver.ts';
import { parse, render } from '../markup/index.ts';
import { t } from '../kernel/i18n/index.ts';
import { listTerms, loadGlossary, articlesByTerm } from '../glossary/index.ts';
import { nextScheduledPublication } from '../articles/index.ts';
import { renderPage } from './render-page.ts';
import { glossaryGroups } from './views.ts';

export const glossaryRoutes = new Hono<AppEnv>();

glossaryRoutes.get('/glossaire', async (c) => {
  const { db } = c.get('app');
  const now = new Date().toISOString();
  const [terms, glossary] = await Promise.all([listTerms(db), loadGlossary(db)]);
  const lang = 'fr';
  const parsed = terms.flatMap((term) => (term.presentation ? [{ id: term.id, doc: parse(term.presentation, { lang, profile: 'article' }) }] : []));
  const [uses, resolve] = await Promise.all([articlesByTerm(db, glossary, now), loadResolver(db, parsed.flatMap((p) => p.doc.references), now)]);
  const presentations = new Map(parsed.map(({ id, doc }) => [id, render(doc, { profile: 'article', resolve, lang }).html]));
  const body = await renderPage(c.get('app'), 'glossary', { title: t('site.glossary') }, {
    crumbs: [
      { label: t('site.home', {}, lang), href: '/' },
      { label: t('site.glossary', {}, lang), href: '/glossaire' },
    ],
    groups: glossaryGroups(terms, uses, presentations),
  });
  return sendPage(c, body, { expiresAt: await nextScheduledPublication(db, now) });
});

