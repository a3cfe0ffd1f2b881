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
