// Keywords from the back office on both databases: a keyword created in a group has its public page with the
// articles that carry it, renaming a group shows at once, deleting a keyword removes its page, and a keyword
// needs a group.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { saveKeyword, saveKeywordGroup } from '../keywords/index.ts';

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

  // Issue 18: keywords are a list that scales (searched, filtered by group, sorted, paged), groups show counts.
  test('the keyword list searches without accents, filters by group, sorts, pages, refuses unknown values', async () => {
    const themes = await saveKeywordGroup(site.db, { title: 'Thèmes', appliesTo: ['article'] });
    const places = await saveKeywordGroup(site.db, { title: 'Lieux', appliesTo: ['article'] });
    for (let n = 1; n <= 55; n++) await saveKeyword(site.db, { title: `Thème ${String(n).padStart(2, '0')}`, groupId: themes.id });
    await saveKeyword(site.db, { title: 'Écosse', groupId: places.id });
    const home = await adminPage(site, admin, '/ecrire/mots');
    assert.match(home, /55 mot\(s\)-clé\(s\)/);
    assert.match(home, /56 résultat\(s\) — page 1 sur 2|57 résultat\(s\) — page 1 sur 2/);
    const found = await adminPage(site, admin, '/ecrire/mots?q=ECOSSE');
    assert.match(found, />Écosse</);
    assert.doesNotMatch(found, />Thème 01</);
    const byGroup = await adminPage(site, admin, `/ecrire/mots?groupe=${places.id}`);
    assert.match(byGroup, />Écosse</);
    assert.doesNotMatch(byGroup, />Thème 01</);
    assert.match(await adminPage(site, admin, `/ecrire/mots?groupe=${themes.id}&tri=titre&ordre=desc`), />Thème 55<[\s\S]*>Thème 54</);
    assert.match(await adminPage(site, admin, `/ecrire/mots?groupe=${themes.id}&page=2`), />Thème 55</);
    for (const query of ['groupe=abc', 'groupe=999999', 'tri=slug', 'page=0', 'page=abc']) {
      assert.equal((await site.get(`/ecrire/mots?${query}`, { headers: { cookie: admin.cookie } })).status, 400, query);
    }
    assert.equal((await site.get(`/ecrire/mots?groupe=${places.id}&page=9`, { headers: { cookie: admin.cookie } })).headers.get('location'), `/ecrire/mots?groupe=${places.id}`);
  });
});
