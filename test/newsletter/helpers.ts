// What the newsletter's tests share: posting the public form as a browser would, finding a link in a mail.
import type { TestSite } from '../helpers/site.ts';

/** The token of one display of /lettre, read from its form. */
export async function signupToken(site: TestSite): Promise<string> {
  const html = await (await site.get('/lettre')).text();
  const match = /name="token" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no token on /lettre');
  return match[1]!;
}

export function postForm(site: TestSite, path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  return site.get(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
}

/** The first http(s) link in a text that starts with `prefix` (after the site's address). */
export function linkIn(text: string, site: TestSite, prefix: string): string {
  const start = text.indexOf(site.url + prefix);
  if (start < 0) throw new Error(`no ${prefix} link in: ${text}`);
  return text.slice(start + site.url.length).split(/[\s>"]/)[0]!;
}
