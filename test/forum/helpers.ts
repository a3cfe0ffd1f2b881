// Shared steps of the forum suites: getting the comment form's token of a page, posting urlencoded forms,
// counting stored messages.
import type { TestSite } from '../helpers/site.ts';

export const ARTICLE = '/benoit-hamon-en-visite-a-niort';

export async function articleId(site: TestSite, slug = ARTICLE.slice(1)): Promise<number> {
  const row = await site.db.kysely.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

/** The token written in the first comment form of a page that is never cached (preview, reply form). */
export function tokenIn(html: string): string {
  const match = /name="token" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no form token in page');
  return match[1]!;
}

/**
 * The token of the first comment form of a page, as a browser gets it: written in the page, or, for the form
 * of a cached article page, fetched from the address the form names (what themes/default/assets/forum.js does).
 */
export async function tokenFor(site: TestSite, html: string): Promise<string> {
  const url = /data-jeton="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  if (!url) return tokenIn(html);
  const response = await site.get(url);
  if (response.status !== 200) throw new Error(`no form token from ${url}: ${response.status}`);
  return response.text();
}

export async function formToken(site: TestSite, path: string, cookie?: string): Promise<string> {
  const response = await site.get(path, cookie ? { headers: { cookie } } : {});
  return tokenFor(site, await response.text());
}

export function post(site: TestSite, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return site.get('/forum/poster', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export async function countMessages(site: TestSite): Promise<number> {
  const row = await site.db.kysely.selectFrom('forum_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function setForumMode(site: TestSite, id: number, mode: 'pri' | 'pos' | 'abo' | 'non' | null): Promise<void> {
  await site.db.write((trx) => trx.updateTable('articles').set({ forum_mode: mode }).where('id', '=', id).execute());
}

export async function logIn(site: TestSite, email = 'admin@example.org', password = 'motdepasse-admin'): Promise<string> {
  const response = await site.get('/ecrire/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.url },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error(`login failed: ${response.status}`);
  return cookie.split(';')[0]!;
}

/** Logs in a fresh editor account (created on first call for this site). */
export async function logInEditor(site: TestSite): Promise<string> {
  const email = 'redactrice@example.org';
  const exists = await site.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (!exists) {
    const { createUser } = await import('../../src/users/operations/create-user.ts');
    await createUser(site.db, { email, name: 'Rédactrice', role: 'editor', password: 'motdepasse-redactrice' });
  }
  return logIn(site, email, 'motdepasse-redactrice');
}
