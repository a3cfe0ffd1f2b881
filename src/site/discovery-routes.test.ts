// Discovery addresses on both databases, on a site built for the test: a section's feed carries its
// sub-sections' articles, a keyword's feed only that keyword's public articles, the search page keeps the
// query and says when nothing matched. Feed validity, sitemap and robots in depth: test/discovery.test.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { saveKeyword, saveKeywordGroup } from '../keywords/index.ts';

const titles = (xml: string) => [...xml.matchAll(/<item>[\s\S]*?<title>([^<]*)<\/title>/g)].map((m) => m[1]);

forEachDialect('discovery routes', (dialect) => {
  let site: TestSite;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const top = await createSection(site.db, { title: 'Territoires' });
    const sub = await createSection(site.db, { title: 'Nouvelle-Aquitaine', parentId: top.id });
    const other = await createSection(site.db, { title: 'International' });
    const group = await saveKeywordGroup(site.db, { title: 'Thèmes' });
    const keyword = await saveKeyword(site.db, { groupId: group.id, title: 'Mobilités' });
    const day = 86_400_000;
    const at = (n: number) => new Date(Date.now() - n * day).toISOString();
    await createArticle(site.db, { sectionId: top.id, title: 'Carte des initiatives', status: 'published', publishedAt: at(3) });
    await createArticle(site.db, { sectionId: sub.id, title: 'Un garage solidaire à Poitiers', status: 'published', publishedAt: at(2), keywordIds: [keyword.id] });
    await createArticle(site.db, { sectionId: other.id, title: 'Covoiturage au Québec', status: 'published', publishedAt: at(1), keywordIds: [keyword.id] });
    await createArticle(site.db, { sectionId: sub.id, title: 'Vélos en brouillon', status: 'draft', keywordIds: [keyword.id] });
  });
  after(() => site.close());

  test('a section’s feed carries the articles of its sub-sections, newest first, and no other section’s', async () => {
    const response = await site.get('/rubrique/territoires/rss.xml');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /application\/rss\+xml/);
    assert.deepEqual(titles(await response.text()), ['Un garage solidaire à Poitiers', 'Carte des initiatives']);
    const atom = await site.get('/rubrique/territoires/atom.xml');
    assert.match(atom.headers.get('content-type')!, /application\/atom\+xml/);
    assert.equal((await site.get('/rubrique/inconnue/rss.xml')).status, 404);
  });

  test('a keyword’s page and feed list its public articles only', async () => {
    assert.deepEqual(titles(await (await site.get('/mot/mobilites/rss.xml')).text()), ['Covoiturage au Québec', 'Un garage solidaire à Poitiers']);
    const page = await site.get('/mot/mobilites');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Covoiturage au Québec/);
    assert.doesNotMatch(html, /Vélos en brouillon/);
    assert.equal((await site.get('/mot/inconnu')).status, 404);
  });

  test('the search page keeps the query in its box and says when nothing matched', async () => {
    const found = await (await site.get('/recherche?q=garage')).text();
    assert.match(found, /value="garage"/);
    assert.match(found, /class="search-result search-result--article"[\s\S]*href="\/un-garage-solidaire-a-poitiers"/);
    const none = await site.get('/recherche?q=zeppelin');
    assert.equal(none.status, 200);
    const html = await none.text();
    assert.match(html, /value="zeppelin"/);
    assert.match(html, /class="search__none"/);
    assert.doesNotMatch(html, /class="search-result /);
  });
});
