// Logging in to the back office over HTTP, as a browser would: the session cookie and the form token
// every back-office form needs.
import assert from 'node:assert/strict';
import type { TestSite } from './site.ts';

export interface Session {
  cookie: string;
  csrf: string;
}

export async function logIn(site: TestSite, email: string, password: string): Promise<Session> {
  const response = await site.get('/ecrire/login', {
    method: 'POST',
    headers: { origin: site.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
  });
  assert.equal(response.status, 303, `login ${email}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const home = await (await site.get('/ecrire/', { headers: { cookie } })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(home)![1]! };
}

/** A back-office form post, as the browser sends it: same-site origin, session cookie, form token. */
export function postForm(site: TestSite, session: Session, path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams({ _csrf: session.csrf });
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return site.get(path, { method: 'POST', headers: { origin: site.url, 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie }, body });
}

/** A back-office page that must answer 200, as its HTML. */
export async function adminPage(site: TestSite, session: Session, path: string): Promise<string> {
  const response = await site.get(path, { headers: { cookie: session.cookie } });
  assert.equal(response.status, 200, path);
  return response.text();
}
