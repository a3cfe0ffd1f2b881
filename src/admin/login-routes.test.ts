// The login form under attack, over real HTTP on both databases (issue 15): parallel guesses cannot check more
// passwords than the account's budget, a browser that logged in before (device cookie) gets in while the account
// is under attack, others wait a growing Retry-After instead of a fixed lock, and behind a trusted reverse proxy
// each client is counted by its own address (X-Forwarded-For), so one client's failures block no one else.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createUser } from '../users/index.ts';

const ACCOUNT_BUDGET = 5;
const CLIENT_BUDGET = 20;

forEachDialect('login throttling over HTTP', (dialect) => {
  let site: TestSite;
  before(async () => {
    // The test client reaches the site from loopback, which plays the reverse proxy here.
    site = await startTestSite(dialect, { demo: false, env: { TISSE_TRUSTED_PROXIES: '127.0.0.1, ::1' } });
  });
  after(() => site.close());

  function attempt(email: string, password: string, client: string, cookie?: string): Promise<Response> {
    return site.get('/ecrire/login', {
      method: 'POST',
      headers: {
        origin: site.url,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': client,
        ...(cookie ? { cookie } : {}),
      },
      body: new URLSearchParams({ email, password }),
    });
  }

  const statuses = (responses: Response[]) => {
    const count: Record<number, number> = {};
    for (const r of responses) count[r.status] = (count[r.status] ?? 0) + 1;
    return count;
  };

  test('300 parallel guesses on one account, from 300 addresses, check at most the account budget of passwords', async () => {
    await createUser(site.db, { email: 'cible@example.org', name: 'Cible', role: 'editor', password: 'le-bon-secret' });
    const responses = await Promise.all(Array.from({ length: 300 }, (_, i) => attempt('cible@example.org', `mauvais-${i}`, `203.0.113.${i % 250}`)));
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    const count = statuses(responses);
    assert.ok((count[401] ?? 0) <= ACCOUNT_BUDGET, `passwords checked: ${count[401]} (${JSON.stringify(count)})`);
    assert.equal((count[401] ?? 0) + (count[429] ?? 0), 300, JSON.stringify(count));
  });

  test('39 wrong guesses and the right password last, in parallel: at most the budget is checked', async () => {
    await createUser(site.db, { email: 'cible2@example.org', name: 'Cible 2', role: 'editor', password: 'le-bon-secret' });
    const guesses = Array.from({ length: 39 }, (_, i) => `mauvais-${i}`).concat('le-bon-secret');
    const responses = await Promise.all(guesses.map((password, i) => attempt('cible2@example.org', password, `198.18.0.${i + 1}`)));
    await Promise.all(responses.map((r) => r.arrayBuffer()));
    const count = statuses(responses);
    assert.ok((count[401] ?? 0) + (count[303] ?? 0) <= ACCOUNT_BUDGET, `passwords checked: ${JSON.stringify(count)}`);
  });

  test('under attack, the owner’s known browser still logs in; a new browser is told how long to wait', async () => {
    await createUser(site.db, { email: 'tenace@example.org', name: 'Tenace', role: 'editor', password: 'le-bon-secret' });
    const first = await attempt('tenace@example.org', 'le-bon-secret', '192.0.2.10');
    assert.equal(first.status, 303);
    const device = first.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('tisse_device='));
    assert.ok(device, 'a device cookie is given on a successful login');

    await createUser(site.db, { email: 'voisin@example.org', name: 'Voisin', role: 'editor', password: 'le-bon-secret' });
    const attack = await Promise.all(['tenace', 'voisin'].flatMap((name) =>
      Array.from({ length: ACCOUNT_BUDGET + 3 }, (_, i) => attempt(`${name}@example.org`, `mauvais-${i}`, `203.0.113.${100 + i}`)),
    ));
    await Promise.all(attack.map((r) => r.arrayBuffer()));
    const stranger = await attempt('tenace@example.org', 'le-bon-secret', '192.0.2.99');
    assert.equal(stranger.status, 429);
    assert.ok(Number(stranger.headers.get('retry-after')) > 0, 'Retry-After says how long');
    assert.match(await stranger.text(), /value="tenace@example.org"/, 'the email typed is kept');

    const known = await attempt('tenace@example.org', 'le-bon-secret', '192.0.2.10', device);
    assert.equal(known.status, 303, 'the browser holding a device cookie gets in');
    // A device cookie is for its own account only.
    assert.equal((await attempt('voisin@example.org', 'le-bon-secret', '192.0.2.10', device)).status, 429);
  });

  test('behind a trusted proxy, one client’s failures block neither the site nor other clients', async () => {
    const guesses = await Promise.all(Array.from({ length: CLIENT_BUDGET + 5 }, (_, i) => attempt(`inconnu-${i}@example.org`, 'mauvais', '198.51.100.66')));
    await Promise.all(guesses.map((r) => r.arrayBuffer()));
    const count = statuses(guesses);
    assert.ok((count[401] ?? 0) <= CLIENT_BUDGET, JSON.stringify(count));
    assert.equal((await attempt('inconnu-x@example.org', 'mauvais', '198.51.100.66')).status, 429, 'the guessing client waits');
    const other = await attempt('admin@example.org', 'motdepasse-admin', '198.51.100.77');
    assert.equal(other.status, 303, 'another client behind the same proxy logs in');
  });
});
