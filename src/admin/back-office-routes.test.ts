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
});
