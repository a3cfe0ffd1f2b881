// Accounts from the back office on both databases: the list filters by name and role, an edited name shows
// on the author's public page, a disabled account can no longer log in, and editors cannot manage accounts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { createUser } from '../users/index.ts';

forEachDialect('back office: authors', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let editorId: number;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    editorId = (await createUser(site.db, { email: 'claire@example.org', name: 'Claire Martin', role: 'editor', password: 'motdepasse-claire' })).user.id;
    await createUser(site.db, { email: 'visiteur@example.org', name: 'Victor Lecteur', role: 'visitor', password: 'motdepasse-victor' });
    const section = await createSection(site.db, { title: 'Signatures' });
    await createArticle(site.db, { sectionId: section.id, title: 'Un article signé', status: 'published', authorIds: [editorId] });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('the list filters by name and by role', async () => {
    const byName = await adminPage(site, admin, '/ecrire/auteurs?q=claire');
    assert.match(byName, /Claire Martin/);
    assert.doesNotMatch(byName, /Victor Lecteur/);
    const visitors = await adminPage(site, admin, '/ecrire/auteurs?statut=visitor');
    assert.match(visitors, /Victor Lecteur/);
    assert.doesNotMatch(visitors, /Claire Martin/);
  });

  test('an edited name shows on the author’s public page; an editor cannot manage accounts', async () => {
    const editor = await logIn(site, 'claire@example.org', 'motdepasse-claire');
    assert.equal((await site.get('/ecrire/auteurs', { headers: { cookie: editor.cookie } })).status, 403);
    assert.equal((await postForm(site, editor, `/ecrire/auteurs/${editorId}/desactiver`, {})).status, 403);
    const saved = await postForm(site, admin, `/ecrire/auteurs/${editorId}`, { name: 'Claire Martin-Durand', email: 'claire@example.org', role: 'editor', website: '', bio: '' });
    assert.equal(saved.status, 303);
    const slug = (await site.db.kysely.selectFrom('users').select('slug').where('id', '=', editorId).executeTakeFirstOrThrow()).slug;
    const page = await site.get(`/auteur/${slug}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Claire Martin-Durand/);
    assert.match(html, /Un article signé/);
    assert.doesNotMatch(html, /claire@example\.org/, 'never an email on a public page');
  });

  test('a disabled account can no longer log in, and its open session stops working', async () => {
    const editor = await logIn(site, 'claire@example.org', 'motdepasse-claire');
    assert.equal((await postForm(site, admin, `/ecrire/auteurs/${editorId}/desactiver`, {})).status, 303);
    const after = await site.get('/ecrire/', { headers: { cookie: editor.cookie } });
    assert.notEqual(after.status, 200);
    const again = await site.get('/ecrire/login', {
      method: 'POST',
      headers: { origin: site.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'claire@example.org', password: 'motdepasse-claire' }),
    });
    assert.notEqual(again.status, 303);
    assert.equal(again.headers.get('set-cookie'), null);
  });

  // Issue 18: a list that scales.
  test('the list searches names without accents, sorts both ways, pages, and refuses unknown values', async () => {
    await createUser(site.db, { email: 'helene@example.org', name: 'Hélène Àlvarez', role: 'editor', password: 'motdepasse-helene' });
    const found = await adminPage(site, admin, '/ecrire/auteurs?q=HELENE%20alv');
    assert.match(found, /Hélène Àlvarez/);
    assert.doesNotMatch(found, /Claire Martin/);
    assert.match(await adminPage(site, admin, '/ecrire/auteurs?tri=nom&ordre=asc'), /Claire Martin[\s\S]*Hélène Àlvarez[\s\S]*Victor Lecteur/);
    const desc = await adminPage(site, admin, '/ecrire/auteurs?tri=nom&ordre=desc');
    assert.match(desc, /Victor Lecteur[\s\S]*Hélène Àlvarez[\s\S]*Claire Martin/);
    assert.match(desc, /aria-sort="descending"/);
    assert.match(await adminPage(site, admin, '/ecrire/auteurs?tri=articles&ordre=desc'), /<tbody>\s*<tr>\s*<td>\s*<a href="\/ecrire\/auteurs\/\d+">Claire Martin/);
    for (const query of ['statut=pirate', 'tri=mot_de_passe', 'ordre=haut', 'page=0', 'page=-1', 'page=abc']) {
      assert.equal((await site.get(`/ecrire/auteurs?${query}`, { headers: { cookie: admin.cookie } })).status, 400, query);
    }
    const far = await site.get('/ecrire/auteurs?q=claire&page=999999', { headers: { cookie: admin.cookie } });
    assert.equal(far.status, 302);
    assert.equal(far.headers.get('location'), '/ecrire/auteurs?q=claire');
  });
});
