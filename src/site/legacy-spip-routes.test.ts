// The addresses a SPIP site answered, on both databases, for a site whose objects kept SPIP's ids: every form
// of an article address redirects to its Tisse page, a hidden article reveals nothing (404, 410 from the
// trash), the RSS backend and IMG/ files follow, and glossary mots lead to the glossary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { saveKeyword, saveKeywordGroup } from '../keywords/index.ts';
import { saveTerm } from '../glossary/index.ts';
import { parseSpipQuery } from './legacy-spip-routes.ts';

test('SPIP query strings are read the way SPIP reads them', () => {
  assert.deepEqual(parseSpipQuery('?article12'), { type: 'article', id: 12 });
  assert.deepEqual(parseSpipQuery('page=article&id_article=12'), { type: 'article', id: 12 });
  assert.deepEqual(parseSpipQuery('?page=forum&id_article=3'), { type: 'article', id: 3 });
  assert.deepEqual(parseSpipQuery('?syndic4'), { type: 'site', id: 4 });
  assert.deepEqual(parseSpipQuery('?page=backend'), { page: 'backend' });
  assert.deepEqual(parseSpipQuery('?page=backend&id_rubrique=5'), { page: 'backend', of: { type: 'rubrique', id: 5 } });
  assert.deepEqual(parseSpipQuery('?page=backend&id_mot=7'), { page: 'backend', of: { type: 'mot', id: 7 } });
  assert.deepEqual(parseSpipQuery('?page=plan'), { page: 'plan' });
  assert.deepEqual(parseSpipQuery('?page=recherche&recherche=%C3%A9conomie+sociale'), { page: 'recherche', q: 'économie sociale' });
  assert.equal(parseSpipQuery('?page=rubrique&id_article=12'), undefined, 'a page that does not match its id');
  assert.equal(parseSpipQuery('?id_article=douze'), undefined);
  assert.equal(parseSpipQuery(''), undefined);
});

forEachDialect('SPIP addresses', (dialect) => {
  let site: TestSite;
  const ids: Record<string, number> = {};
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Actualités' });
    ids.section = section.id;
    ids.published = (await createArticle(site.db, { sectionId: section.id, title: 'Assemblée générale', status: 'published' })).id;
    ids.draft = (await createArticle(site.db, { sectionId: section.id, title: 'Ordre du jour provisoire', status: 'draft' })).id;
    ids.trash = (await createArticle(site.db, { sectionId: section.id, title: 'Ancien communiqué', status: 'trash', publishedAt: '2020-01-01T00:00:00.000Z' })).id;
  });
  after(() => site.close());

  test('every SPIP form of an article’s address answers 301 to its page', async () => {
    const id = ids.published!;
    for (const path of [`/spip.php?article${id}`, `/spip.php?page=article&id_article=${id}`, `/?article${id}`, `/article${id}.html`, `/index.php?article${id}`]) {
      const response = await site.get(path);
      assert.equal(response.status, 301, path);
      assert.equal(response.headers.get('location'), '/assemblee-generale', path);
    }
    const rubrique = await site.get(`/spip.php?rubrique${ids.section}`);
    assert.equal(rubrique.status, 301);
    assert.equal(rubrique.headers.get('location'), '/rubrique/actualites');
  });

  test('a draft answers 404 and a trashed article 410, without revealing their address', async () => {
    for (const path of [`/spip.php?article${ids.draft}`, `/article${ids.draft}.html`, '/spip.php?article999999']) {
      const response = await site.get(path);
      assert.equal(response.status, 404, path);
      assert.equal(response.headers.get('location'), null);
    }
    const trashed = await site.get(`/spip.php?article${ids.trash}`);
    assert.equal(trashed.status, 410);
    assert.doesNotMatch(await trashed.text(), /ancien-communique/);
  });

  test('the RSS backend, bare spip.php, IMG/ documents and glossary mots', async () => {
    const backend = await site.get('/spip.php?page=backend');
    assert.equal(backend.status, 301);
    assert.equal(backend.headers.get('location'), '/rss.xml');
    const bare = await site.get('/spip.php');
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/');
    assert.equal((await site.get('/IMG/pdf/absent.pdf')).status, 404);
    const term = await saveTerm(site.db, { term: 'Économie circulaire', definition: 'Réparer, réutiliser.' });
    await site.db.write((trx) => trx.insertInto('urls').values({ path: '/+-economie-circulaire-+', object_type: 'glossary', object_id: term.term.id, is_current: 0, created_at: new Date().toISOString() }).execute());
    const mot = await site.get('/+-economie-circulaire-+');
    assert.equal(mot.status, 301);
    assert.equal(mot.headers.get('location'), `/glossaire#${term.term.slug}`);
  });

  test('the site map, the search with its query and the section’s or keyword’s feed, where SPIP took the reader', async () => {
    const expect = async (path: string, location: string) => {
      const response = await site.get(path);
      assert.equal(response.status, 301, path);
      assert.equal(response.headers.get('location'), location, path);
      return location;
    };
    await expect('/spip.php?page=plan', '/plan');
    await expect('/?page=plan', '/plan');
    await expect('/spip.php?page=recherche&recherche=%C3%A9conomie+sociale', '/recherche?q=%C3%A9conomie%20sociale');
    await expect('/spip.php?page=recherche', '/recherche');
    const results = await site.get('/recherche?q=%C3%A9conomie%20sociale');
    assert.match(await results.text(), /économie sociale/, 'the search page shows the query the reader typed');
    const sectionFeed = await expect(`/spip.php?page=backend&id_rubrique=${ids.section}`, '/rubrique/actualites/rss.xml');
    const feed = await site.get(sectionFeed);
    assert.equal(feed.status, 200);
    assert.match(await feed.text(), /Assemblée générale/);
    const group = await saveKeywordGroup(site.db, { title: 'Thèmes' });
    const keyword = await saveKeyword(site.db, { groupId: group.id, title: 'Coopératives' });
    await expect(`/spip.php?page=backend&id_mot=${keyword.id}`, '/mot/cooperatives/rss.xml');
    await expect('/spip.php?page=backend', '/rss.xml');
    await expect('/backend.php', '/rss.xml');
    assert.equal((await site.get('/spip.php?page=backend&id_rubrique=999999')).status, 404, 'a section that never was has no feed');
  });

  test('the home page with an unknown query string is still the home page', async () => {
    assert.equal((await site.get('/?utm_source=lettre')).status, 200);
    assert.equal((await site.get('/', { method: 'POST' })).status === 301, false, 'only GET and HEAD are redirected');
  });
});
