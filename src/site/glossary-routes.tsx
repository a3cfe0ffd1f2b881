// The glossary page /glossaire: every term A–Z with the published articles that use it.
import { Hono } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { sendPage } from '../web/send-page.ts';
import { t } from '../kernel/i18n/index.ts';
import { listTerms, loadGlossary, articlesByTerm } from '../glossary/index.ts';
import { nextScheduledPublication } from '../articles/index.ts';
import { renderInLayout } from './page.tsx';
import { GlossaryPage } from './pages/glossary.tsx';

export const glossaryRoutes = new Hono<AppEnv>();

glossaryRoutes.get('/glossaire', async (c) => {
  const { db } = c.get('app');
  const now = new Date().toISOString();
  const [terms, glossary] = await Promise.all([listTerms(db), loadGlossary(db)]);
  const uses = await articlesByTerm(db, glossary, now);
  const body = await renderInLayout(db, { title: t('site.glossary'), body: <GlossaryPage terms={terms} uses={uses} /> });
  return sendPage(c, body, { expiresAt: await nextScheduledPublication(db, now) });
});

