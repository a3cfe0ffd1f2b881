// Syndication of a site's feed through the job queue, fed by a local server on loopback (allowed only by the
// test-only setting TISSE_TEST_SYNDICATION_LOOPBACK): items shown on the section page, hostile HTML in a title
// escaped, and a huge, malformed, slow or redirecting-inside feed each a safe outcome noted for the team. Private
// addresses are refused before any connection, by literal and by a name that resolves to them, loopback included
// without the setting. Both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { DEFAULT_FEED_LIMITS, FeedFetchError, fetchFeed, isAllowedAddress, saveSite, syndicateSite, SYNDICATION_JOB } from './index.ts';

const rss = (title: string, items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://ess.example/</link>${items}</channel></rss>`;

test('private, loopback, link-local and reserved addresses are refused; loopback only with the test setting', () => {
  for (const address of ['127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', 'fc00::1', 'fd12::3', 'fe80::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '224.0.0.1', '64:ff9b::a00:1']) {
    assert.equal(isAllowedAddress(address, false), false, address);
  }
  for (const address of ['93.184.216.34', '2606:4700::1111', '172.32.0.1', '11.0.0.1']) assert.equal(isAllowedAddress(address, false), true, address);
  assert.equal(isAllowedAddress('127.0.0.1', true), true);
  assert.equal(isAllowedAddress('::1', true), true);
  assert.equal(isAllowedAddress('10.0.0.1', true), false, 'the test setting opens loopback only');
});

test('a feed address on a private network is refused before any connection, by literal or by name', async () => {
  for (const url of ['http://127.0.0.1:1/flux.xml', 'http://10.0.0.1/flux.xml', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:1/', 'http://localhost:1/flux.xml', 'http://[fd00::1]/']) {
    await assert.rejects(fetchFeed(url, DEFAULT_FEED_LIMITS), (error: unknown) => error instanceof FeedFetchError && error.problem === 'private_address', url);
  }
  for (const url of ['file:///etc/passwd', 'ftp://ess.example/flux', 'http://user:pw@ess.example/', 'pas une adresse']) {
    await assert.rejects(fetchFeed(url, DEFAULT_FEED_LIMITS), (error: unknown) => error instanceof FeedFetchError && error.problem === 'bad_url', url);
  }
});

forEachDialect('syndication', (dialect) => {
  let site: TestSite;
  let feedServer: Server;
  let base: string;
  let sectionId: number;
  const answers: Record<string, (res: import('node:http').ServerResponse) => void> = {};

  before(async () => {
    feedServer = createServer((req, res) => {
      const answer = answers[req.url ?? ''];
      if (answer) answer(res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(feedServer.address() as { port: number }).port}`;
    site = await startTestSite(dialect, { demo: false, env: { TISSE_TEST_SYNDICATION_LOOPBACK: 'on' } });
    await site.jobs.stop(); // the test runs the jobs itself
    const section = await createSection(site.db, { title: 'Partenaires' });
    sectionId = section.id;
    await createArticle(site.db, { sectionId, title: 'Nos partenaires', status: 'published' });
  });
  after(async () => {
    await site.close();
    await new Promise<void>((resolve) => feedServer.close(() => resolve()));
  });

  const options = { allowLoopback: true, limits: { timeoutMs: 1500, maxBytes: 64 * 1024 } };
  const siteRow = (id: number) => site.db.kysely.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  test('enabling syndication queues a fetch; the job stores the items, shown on the section page, hostile HTML escaped', async () => {
    answers['/flux.xml'] = (res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        rss('ESS France', [
          '<item><title>Le Mois de l’ESS &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;</title><link>https://ess.example/mois</link><guid>mois</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>',
          '<item><title>Rapport annuel</title><link>javascript:alert(3)</link><guid>rapport</guid><pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate></item>',
        ].join('')),
      );
    const created = await saveSite(site.db, { sectionId, name: 'ESS France', url: 'https://ess.example', description: 'La chambre {française} de l’ESS.', feedUrl: `${base}/flux.xml`, syndication: true });
    const job = await site.db.kysely.selectFrom('jobs').selectAll().where('type', '=', SYNDICATION_JOB).executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(job.payload), { siteId: created.id });
    const outcome = await syndicateSite(site.db, JSON.parse(job.payload), options, job.id);
    assert.deepEqual(outcome, { items: 2, error: '' });
    const page = await (await site.get('/rubrique/partenaires')).text();
    assert.match(page, /<a href="https:\/\/ess\.example" rel="external">ESS France<\/a>/);
    assert.match(page, /La chambre <i>française<\/i> de l’ESS/);
    assert.match(page, /Le Mois de l’ESS alert\(1\) &lt;img src=x onerror=alert\(2\)&gt;|Le Mois de l’ESS/);
    assert.doesNotMatch(page, /<script>alert|<img src=x/, 'no markup of the feed reaches the page');
    assert.doesNotMatch(page, /javascript:/, 'an item’s javascript: link is dropped');
    assert.match(page, /Rapport annuel/);
    const next = await site.db.kysely.selectFrom('jobs').selectAll().where('type', '=', SYNDICATION_JOB).where('id', '!=', job.id).executeTakeFirstOrThrow();
    assert.ok(next.run_at > new Date(Date.now() + 3_600_000).toISOString(), 'the next fetch is queued two hours later');
  });

  test('a huge, malformed, slow, failing or inside-redirecting feed: nothing stored, the error noted, the site page unharmed', async () => {
    answers['/enorme.xml'] = (res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write(rss('x', '<item><title>'));
      const chunk = 'a'.repeat(16 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200 && !res.destroyed) res.once('drain', pump);
        else res.end('</title></item>');
      };
      pump();
    };
    answers['/casse.xml'] = (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Pas un flux <<<</body></html>');
    answers['/lent.xml'] = (res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 200);
      res.on('close', () => clearInterval(timer));
    };
    answers['/erreur.xml'] = (res) => res.writeHead(500).end();
    answers['/vers-dedans.xml'] = (res) => res.writeHead(302, { location: 'http://10.0.0.7/flux.xml' }).end();
    const cases: [string, RegExp][] = [
      ['/enorme.xml', /dépasse 64 Ko/],
      ['/casse.xml', /ni du RSS ni de l’Atom/],
      ['/lent.xml', /n’a pas répondu en 2 s|n’a pas répondu en 1 s/],
      ['/erreur.xml', /a répondu 500/],
      ['/vers-dedans.xml', /10\.0\.0\.7 est privée ou réservée/],
    ];
    for (const [path, message] of cases) {
      const created = await saveSite(site.db, { sectionId, name: `Site ${path}`, url: 'https://autre.example', feedUrl: `${base}${path}`, syndication: true });
      const started = Date.now();
      const outcome = await syndicateSite(site.db, { siteId: created.id }, options);
      assert.ok(Date.now() - started < 5000, `${path} is cut in time`);
      assert.equal(outcome.items, 0, path);
      assert.match(outcome.error, message, path);
      assert.match((await siteRow(created.id)).syndication_error, message);
      assert.equal((await site.db.kysely.selectFrom('syndicated_items').select('id').where('site_id', '=', created.id).execute()).length, 0);
    }
    assert.equal((await site.get('/rubrique/partenaires')).status, 200);
  });

  test('without the test setting, the same loopback feed is refused', async () => {
    const created = await saveSite(site.db, { sectionId, name: 'Local', url: 'https://local.example', feedUrl: `${base}/flux.xml`, syndication: true });
    const outcome = await syndicateSite(site.db, { siteId: created.id }, { allowLoopback: false });
    assert.equal(outcome.items, 0);
    assert.match(outcome.error, /127\.0\.0\.1 est privée ou réservée/);
  });

  test('a site whose syndication is off is never fetched; bad input to a site is a clear French error', async () => {
    let hits = 0;
    answers['/compte.xml'] = (res) => {
      hits++;
      res.writeHead(200).end(rss('c', ''));
    };
    const created = await saveSite(site.db, { sectionId, name: 'Sans syndication', url: 'https://sans.example', feedUrl: `${base}/compte.xml`, syndication: false });
    assert.deepEqual(await syndicateSite(site.db, { siteId: created.id }, options), { items: 0, error: '' });
    assert.equal(hits, 0);
    await assert.rejects(saveSite(site.db, { sectionId, name: 'X', url: 'javascript:alert(1)' }), /L’adresse du site doit commencer par http/);
    await assert.rejects(saveSite(site.db, { sectionId, name: 'X', url: 'https://x.example', syndication: true }), /indiquez l’adresse de son flux/);
  });
});
