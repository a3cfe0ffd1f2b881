// A public page inside the site's layout, and the site's error pages (404 and others), for every public route.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../web/context.ts';
import { sendPage } from '../web/send-page.ts';
import { Layout } from './pages/layout.tsx';
import { NotFoundPage, ErrorPage, type Suggestion } from './pages/error.tsx';
import { search } from '../search/index.ts';
import { loadSiteSettings, type SiteSettings } from '../settings/index.ts';
import type { SectionTree } from '../sections/index.ts';
import { t } from '../kernel/i18n/index.ts';
import type { Db } from '../db/connect.ts';
import { loadPublicSectionTree } from '../articles/index.ts';

/** Renders a public page inside the site layout. */
export async function renderInLayout(
  db: Db,
  content: { title: string; description?: string; head?: Child; body: Child },
  shared?: { settings: SiteSettings; tree: SectionTree },
): Promise<string> {
  const { settings, tree } = shared ?? { settings: await loadSiteSettings(db), tree: await loadPublicSectionTree(db) };
  const page = (
    <Layout settings={settings} title={content.title} description={content.description} topSections={tree.children(null)} head={content.head}>
      {content.body}
    </Layout>
  );
  return '<!DOCTYPE html>' + (await page.toString());
}

export async function notFound(c: Context<AppEnv>): Promise<Response> {
  const { db } = c.get('app');
  const path = new URL(c.req.url).pathname;
  const body = await renderInLayout(db, { title: t('notFound.title'), body: <NotFoundPage path={path} suggestions={await suggestionsFor(db, path)} /> });
  return sendPage(c, body, { status: 404, cacheable: false });
}

export async function errorPage(c: Context<AppEnv>, status: number, title: string, message: string): Promise<Response> {
  const body = await renderInLayout(c.get('app').db, { title, body: <ErrorPage title={title} message={message} /> });
  return sendPage(c, body, { status, cacheable: false });
}

const SUGGESTIONS = 5;

/**
 * Pages whose title is close to the address asked for: its last segment read as words (`/le-pole-ess-niort` →
 * « le pole ess niort ») and looked up with the site's own search, every word first, then each of the longest
 * words alone (a mistyped word would otherwise find nothing), ranked by how many words each page matched.
 * Bounded: at most five indexed queries over 100 characters of the address.
 */
async function suggestionsFor(db: Db, path: string): Promise<Suggestion[]> {
  let segment = path.split('/').filter(Boolean).pop() ?? '';
  try {
    segment = decodeURIComponent(segment);
  } catch {
    return [];
  }
  const words = segment.slice(0, 100).replace(/\.[a-z0-9]{1,5}$/i, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  if (words.length === 0) return [];
  const pages = (items: Awaited<ReturnType<typeof search>>['items']) => items.filter((item) => item.kind === 'article' || item.kind === 'section');
  const all = pages((await search(db, words.join(' '), { page: 1 })).items);
  if (all.length) return all.slice(0, SUGGESTIONS).map(({ title, url }) => ({ title, url }));
  const found = new Map<string, Suggestion & { score: number }>();
  for (const word of [...words].sort((a, b) => b.length - a.length).slice(0, 4)) {
    for (const item of pages((await search(db, word, { page: 1 })).items)) {
      const seen = found.get(item.url);
      if (seen) seen.score++;
      else found.set(item.url, { title: item.title, url: item.url, score: 1 });
    }
  }
  return [...found.values()].sort((a, b) => b.score - a.score).slice(0, SUGGESTIONS).map(({ title, url }) => ({ title, url }));
}
