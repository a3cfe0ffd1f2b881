// Issue 21, item 5 — watching a site: liveness and readiness for load balancers, Prometheus metrics behind a
// token (requests by route and status, pages answered by the page cache's fast path included, latency, cache
// hits, job queue), the request log (no cookie, no secret of the address) and the back office's journal, read by
// administrators only. On both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { adminPage, logIn, postForm } from './helpers/back-office.ts';
import { createUser } from '../src/users/index.ts';

const ARTICLE = '/benoit-hamon-en-visite-a-niort';
const TOKEN = 'jeton-des-mesures-0123456789';

/** A pino logger whose lines the test reads. */
function capturedLog(): { log: pino.Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    log: pino({ level: 'info' }, sink),
    text: () => chunks.join(''),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** The value of one sample of a Prometheus text answer, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.indexOf('}'));
    const parts = inside.split(',');
    if (wanted.every((w) => parts.includes(w))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

forEachDialect('operations: health, metrics, request log, journal', (dialect) => {
  let site: TestSite;
  const captured = capturedLog();

  before(async () => {
    site = await startTestSite(dialect, { env: { TISSE_METRICS_TOKEN: TOKEN }, log: captured.log });
  });
  after(async () => {
    await site.close();
  });

  test('a load balancer reads liveness and readiness: database, migrations and storage all answer', async () => {
    const live = await site.get('/sante');
    assert.equal(live.status, 200);
    assert.deepEqual(await live.json(), { status: 'ok' });
    const ready = await site.get('/sante/pret');
    assert.equal(ready.status, 200);
    assert.equal(ready.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await ready.json(), { status: 'ready', checks: { database: 'ok', migrations: 'ok', storage: 'ok' } });
  });

  test('metrics need the token, and count pages by route and status, the cached ones too', async () => {
    assert.equal((await site.get('/metriques')).status, 401);
    const wrong = await site.get('/metriques', { headers: { authorization: 'Bearer pas-le-bon-jeton-du-tout' } });
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /jeton/);
    const scrape = async () => {
      const response = await site.get('/metriques', { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /text\/plain/);
      return response.text();
    };
    const first = await scrape();
    for (let i = 0; i < 3; i++) assert.equal((await site.get(ARTICLE)).status, 200);
    assert.equal((await site.get('/une-page-qui-n-existe-pas')).status, 404);
    const second = await scrape();
    const served = (text: string, route: string, status: string) => sample(text, 'tisse_http_requests_total', { route, method: 'GET', status });
    // The first view renders (route /:slug), the next ones come from the page cache before Hono.
    assert.ok(served(second, 'page-cache', '200') - served(first, 'page-cache', '200') >= 2, 'cached pages counted');
    assert.ok(served(second, '/:slug', '404') - served(first, '/:slug', '404') >= 1, 'a 404 is counted with its route');
    assert.ok(sample(second, 'tisse_page_cache_lookups_total', { result: 'hit' }) >= 2);
    assert.ok(sample(second, 'tisse_http_request_duration_seconds_count', { route: 'page-cache' }) >= 2);
    assert.match(second, /^tisse_jobs\{status="queued"\} \d+$/m);
    assert.match(second, /^tisse_mails_sent_total \d+$/m);
  });

  test('without a token set, metrics are not served', async () => {
    const bare = await startTestSite(dialect, { demo: false });
    try {
      const response = await bare.get('/metriques');
      assert.equal(response.status, 404);
      assert.match(await response.text(), /TISSE_METRICS_TOKEN/);
    } finally {
      await bare.close();
    }
  });

  test('the request log has method, path, status and time, never a cookie or a secret of the address', async () => {
    await site.get('/recherche?q=ess&token=secret-de-requete', { headers: { cookie: 'tisse_session=cookie-secret' } });
    await site.get('/ecrire/reinitialiser/jeton-de-lien-secret');
    await site.get(ARTICLE);
    const requests = captured.lines().filter((line) => line.msg === 'request');
    const search = requests.find((line) => String(line.path).startsWith('/recherche'));
    assert.ok(search, 'the search is logged');
    assert.equal(search.method, 'GET');
    assert.equal(search.status, 200);
    assert.equal(typeof search.ms, 'number');
    assert.equal(search.path, '/recherche?q=ess&token=***');
    assert.ok(requests.some((line) => line.path === ARTICLE && line.route === 'page-cache'), 'a cached page is logged too');
    assert.ok(requests.some((line) => line.path === '/ecrire/reinitialiser/:token'));
    const text = captured.text();
    for (const secret of ['secret-de-requete', 'cookie-secret', 'jeton-de-lien-secret']) assert.ok(!text.includes(secret), `${secret} stays out of the log`);
  });

  test('the journal tells administrators who logged in, published, changed settings and accounts; editors cannot read it', async () => {
    const refused = await site.get('/ecrire/login', {
      method: 'POST',
      headers: { origin: site.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@example.org', password: 'pas-le-bon' }),
    });
    assert.equal(refused.status, 401);
    const admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    const article = await site.db.kysely.selectFrom('articles').select('id').where('slug', '=', ARTICLE.slice(1)).executeTakeFirstOrThrow();
    assert.equal((await postForm(site, admin, `/ecrire/articles/${article.id}/statut`, { action: 'unpublish' })).status, 303);
    assert.equal((await postForm(site, admin, `/ecrire/articles/${article.id}/statut`, { action: 'publish' })).status, 303);
    assert.equal((await postForm(site, admin, '/ecrire/reglages', { name: 'Labo journalisé', lang: 'fr', forumMode: 'pri', smtpSecurity: 'starttls' })).status, 303);
    // A refused form is no action: it stays out of the journal.
    assert.equal((await postForm(site, admin, `/ecrire/articles/${article.id}/statut`, { action: 'voler' })).status, 400);
    await createUser(site.db, { email: 'redac@example.org', name: 'Rédactrice', role: 'editor', password: 'motdepasse-redac' });
    const page = await adminPage(site, admin, '/ecrire/journal');
    assert.match(page, /href="\/ecrire\/journal"/, 'the menu leads there');
    assert.match(page, /Session — connexion refusée/);
    assert.match(page, /Session — connexion/);
    assert.match(page, /Article — changement de statut<\/td><td>\d+<\/td><td>Publier en ligne/);
    assert.match(page, /Article — changement de statut<\/td><td>\d+<\/td><td>Dépublier/);
    assert.match(page, /Réglages — enregistrement/);
    assert.ok(!page.includes('voler'));
    const rows = await site.db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
    assert.ok(rows.some((row) => row.action === 'session.loginRefused' && row.user_name === 'admin@example.org' && row.user_id === null));
    assert.ok(rows.some((row) => row.action === 'article.status' && row.detail === 'publish' && row.target === String(article.id) && row.user_name !== ''));
    const filtered = await adminPage(site, admin, '/ecrire/journal?action=settings.save');
    assert.ok(!filtered.includes('changement de statut</td>'));
    assert.equal((await site.get('/ecrire/journal?page=zero', { headers: { cookie: admin.cookie } })).status, 400);
    assert.equal((await site.get('/ecrire/journal?action=inconnue', { headers: { cookie: admin.cookie } })).status, 400);

    const editor = await logIn(site, 'redac@example.org', 'motdepasse-redac');
    assert.equal((await site.get('/ecrire/journal', { headers: { cookie: editor.cookie } })).status, 403);
    assert.ok(!(await adminPage(site, editor, '/ecrire/')).includes('/ecrire/journal'));
    assert.equal((await postForm(site, editor, '/ecrire/logout', {})).status, 303);
    const last = await site.db.kysely.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(last.action, 'session.logout');
    assert.equal(last.user_name, 'Rédactrice');
  });
});
