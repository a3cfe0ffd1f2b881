// The site's error pages (404 and others), for every public route, rendered by the theme (404.liquid, error.liquid).
import type { Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { sendPage } from '../web/send-page.ts';
import { search } from '../search/index.ts';
import { t } from '../kernel/i18n/index.ts';
import type { Db } from '../db/connect.ts';
import { renderPage } from './render-page.ts';

export interface Suggestion {
  title: string;
  url: string;
}

export async function notFound(c: Context<AppEnv>): Promise<Response> {
  const app = c.get('app');
  const path = new URL(c.req.url).pathname;
  const body = await renderPage(app, '404', { title: t('notFound.title') }, {
    crumbs: [{ label: t('site.home'), href: '/' }, { label: t('notFound.title'), href: path }],
    suggestions: await suggestionsFor(app.db, path),
    search_name: t('notFound.searchName'),
  });
  return sendPage(c, body, { status: 404, cacheable: false });
}

export async function errorPage(c: Context<AppEnv>, status: number, title: string, message: string): Promise<Response> {
  const body = await renderPage(c.get('app'), 'error', { title }, { title, message });
  return sendPage(c, body, { status, cacheable: false });
}

const SUGGESTIONS = 5;

/**
 * Pages whose title is close to the address asked for: its last segment read as words (`/le-pole-ess-niort` →
 * « le pole ess niort ») and looked up with the site's own search, every word first, then each of the longest
 * words alone (a mistyped word would otherwise find nothing), ranked by how many words each page matched.
 * Bounded: at most five indexed queries over 100 characters of the address, titles and links only (no snippet rendered).
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
  const all = pages((await search(db, words.join(' '), { page: 1, snippets: false })).items);
  if (all.length) return all.slice(0, SUGGESTIONS).map(({ title, url }) => ({ title, url }));
  const found = new Map<string, Suggestion & { score: number }>();
  for (const word of [...words].sort((a, b) => b.length - a.length).slice(0, 4)) {
    for (const item of pages((await search(db, word, { page: 1, snippets: false })).items)) {
      const seen = found.get(item.url);
      if (seen) seen.score++;
      else found.set(item.url, { title: item.title, url: item.url, score: 1 });
    }
  }
  return [...found.values()].sort((a, b) => b.score - a.score).slice(0, SUGGESTIONS).map(({ title, url }) => ({ title, url }));
}
