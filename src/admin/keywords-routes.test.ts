// Keywords from the back office on both databases: a keyword created in a group has its public page with the
// articles that carry it, renaming a group shows at once, deleting a keyword removes its page, and a keyword
// needs a group.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';

forEachDialect('back office: keywords', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let groupId: string;
  let keywordPath: string;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('a keyword created in a group has its public page listing the articles that carry it', async () => {
    const group = await postForm(site, admin, '/ecrire/mots/groupes/nouveau', { title: 'Secteurs', appliesTo: 'article' });
    assert.equal(group.status, 303);
    groupId = /groupes\/(\d+)/.exec(group.headers.get('location')!)![1]!;
    const keyword = await postForm(site, admin, '/ecrire/mots/nouveau', { title: 'Agriculture', groupId, description: 'Les fermes' });
    assert.equal(keyword.status, 303);
    keywordPath = keyword.headers.get('location')!.split('?')[0]!;
    const keywordId = Number(/\/(\d+)$/.exec(keywordPath)![1]);
    const section = await createSection(site.db, { title: 'Campagnes' });
    await createArticle(site.db, { sectionId: section.id, title: 'Une ferme coopérative', status: 'published', keywordIds: [keywordId] });
    const page = await site.get('/mot/agriculture');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Une ferme coopérative/);
  });

  test('renaming a group shows in the list; a keyword without a group is refused', async () => {
    assert.equal((await postForm(site, admin, `/ecrire/mots/groupes/${groupId}`, { title: 'Secteurs d’activité', appliesTo: 'article' })).status, 303);
    assert.match(await adminPage(site, admin, '/ecrire/mots'), /Secteurs d’activité|Secteurs d&#8217;activité/);
    const refused = await postForm(site, admin, '/ecrire/mots/nouveau', { title: 'Orphelin', groupId: '' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Orphelin/);
  });

  test('deleting a keyword removes its public page', async () => {
    assert.equal((await postForm(site, admin, `${keywordPath}/supprimer`, {})).status, 303);
    assert.equal((await site.get('/mot/agriculture')).status, 404);
    assert.doesNotMatch(await adminPage(site, admin, '/ecrire/mots'), />Agriculture</);
  });
});
