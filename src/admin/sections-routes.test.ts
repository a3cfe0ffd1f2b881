// Managing sections from the back office on both databases: moving a section into its own branch is refused
// with the form shown again, the order buttons move a section among its siblings, a section with content is
// not deleted, and editors are kept out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection, loadSectionTree } from '../sections/index.ts';
import { createUser } from '../users/index.ts';

forEachDialect('back office: sections', (dialect) => {
  let site: TestSite;
  let admin: Session;
  const ids: Record<string, number> = {};
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    ids.top = (await createSection(site.db, { title: 'Études' })).id;
    ids.child = (await createSection(site.db, { title: 'Études de cas', parentId: ids.top })).id;
    ids.first = (await createSection(site.db, { title: 'Alpha' })).id;
    ids.second = (await createSection(site.db, { title: 'Bêta' })).id;
    await createArticle(site.db, { sectionId: ids.child, title: 'Un cas', status: 'draft' });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('moving a section into its own branch is refused and changes nothing; elsewhere it moves', async () => {
    const refused = await postForm(site, admin, `/ecrire/rubriques/${ids.top}/deplacer`, { parentId: String(ids.child) });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Études/);
    assert.equal((await loadSectionTree(site.db)).byId.get(ids.top!)!.parent_id, null);
    assert.equal((await postForm(site, admin, `/ecrire/rubriques/${ids.child}/deplacer`, { parentId: String(ids.first) })).status, 303);
    assert.equal((await loadSectionTree(site.db)).byId.get(ids.child!)!.parent_id, ids.first);
    assert.equal((await postForm(site, admin, `/ecrire/rubriques/${ids.child}/deplacer`, { parentId: String(ids.top) })).status, 303);
  });

  test('the order buttons move a section up among its siblings', async () => {
    const order = async () => (await loadSectionTree(site.db)).children(null).map((s) => s.id).filter((id) => id === ids.first || id === ids.second);
    assert.deepEqual(await order(), [ids.first, ids.second]);
    assert.equal((await postForm(site, admin, `/ecrire/rubriques/${ids.second}/ordre`, { sens: '-1' })).status, 303);
    assert.deepEqual(await order(), [ids.second, ids.first]);
    const list = await adminPage(site, admin, '/ecrire/rubriques');
    assert.ok(list.indexOf('Bêta') < list.indexOf('Alpha'), 'the list shows the new order');
  });

  test('a section with content is not deleted; editors cannot manage sections', async () => {
    assert.equal((await postForm(site, admin, `/ecrire/rubriques/${ids.child}/supprimer`, {})).status, 409);
    assert.ok((await loadSectionTree(site.db)).byId.has(ids.child!));
    await createUser(site.db, { email: 'redac@example.org', name: 'Rédacteur', role: 'editor', password: 'motdepasse-redac' });
    const editor = await logIn(site, 'redac@example.org', 'motdepasse-redac');
    assert.equal((await postForm(site, editor, '/ecrire/rubriques/nouvelle', { title: 'Intruse', parentId: '' })).status, 403);
    assert.equal((await postForm(site, editor, `/ecrire/rubriques/${ids.first}/supprimer`, {})).status, 403);
    assert.ok((await loadSectionTree(site.db)).byId.has(ids.first!));
  });
});
