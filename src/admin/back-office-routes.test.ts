// The back office's door on both databases: /ecrire leads to /ecrire/ once logged in, a visitor without a session is sent to
// the login page, a wrong password keeps the email typed and opens no session, logging out ends the session,
// and the home page lists what waits for the person.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';

forEachDialect('back office entrance', (dialect) => {
  let site: TestSite;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
  });
  after(() => site.close());

  test('a visitor without a session is sent to the login page, and brought back where they were going', async () => {
    const bare = await site.get('/ecrire');
    assert.equal(bare.status, 303);
    assert.match(bare.headers.get('location')!, /^\/ecrire\/login/);
    const home = await site.get('/ecrire/articles?statut=draft');
    assert.equal(home.status, 303);
    assert.match(home.headers.get('location')!, /^\/ecrire\/login\?retour=%2Fecrire%2Farticles%3Fstatut%3Ddraft$/);
    const login = await site.get('/ecrire/login');
    assert.equal(login.status, 200);
    assert.match(await login.text(), /name="password"/);
  });

  test('a wrong password opens no session and keeps the email typed', async () => {
    const response = await site.get('/ecrire/login', {
      method: 'POST',
      headers: { origin: site.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@example.org', password: 'pas-le-bon' }),
    });
    assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}`);
    assert.equal(response.headers.get('set-cookie'), null);
    assert.match(await response.text(), /value="admin@example.org"/);
  });

  test('the home page lists proposed articles; after logging out the session no longer opens it', async () => {
    const section = await createSection(site.db, { title: 'Rubrique de test' });
    await createArticle(site.db, { sectionId: section.id, title: 'Proposition de tribune', status: 'proposed' });
    const session = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    const bare = await site.get('/ecrire', { headers: { cookie: session.cookie } });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/ecrire/');
    assert.match(await adminPage(site, session, '/ecrire/'), /Proposition de tribune/);
    const out = await site.get('/ecrire/logout', { method: 'POST', headers: { origin: site.url, cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: session.csrf }) });
    assert.equal(out.status, 303);
    const after = await site.get('/ecrire/', { headers: { cookie: session.cookie } });
    assert.equal(after.status, 303);
    assert.match(after.headers.get('location')!, /^\/ecrire\/login/);
  });

  // Issue 16, item 10: these answered with the public site's 404 page (its layout, its search form).
  test('a back-office path nothing answers is the back office’s 404, in its layout', async () => {
    const session = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    for (const path of ['/ecrire/articles/abc', '/ecrire/nimporte', '/ecrire/articles/12/nimporte', '/ecrire/forum/abc/def']) {
      const response = await site.get(path, { headers: { cookie: session.cookie } });
      assert.equal(response.status, 404, path);
      const html = await response.text();
      assert.match(html, /class="admin-main"/, `${path}: the back office's layout`);
      assert.match(html, /Cette page de l’espace privé n’existe pas\./, path);
      assert.match(html, /href="\/ecrire\/"/, `${path}: a way back to the back office's home`);
      assert.doesNotMatch(html, /Page introuvable/, `${path}: not the public 404`);
    }
    // A number that names no article was already the back office's own 404; it stays so.
    assert.match(await (await site.get('/ecrire/articles/999999', { headers: { cookie: session.cookie } })).text(), /class="admin-main"/);
    // Without a session it is still the login page that answers, not a 404 that would reveal what exists.
    const anonymous = await site.get('/ecrire/nimporte');
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location')!, /^\/ecrire\/login/);
  });
});
