// The glossary page over HTTP on both databases: every term A–Z with its definition, the published articles
// that use it (never a draft or a scheduled one), each term's own page, and a new term or a new article using one
// shown at once although the page was cached.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { saveTerm } from '../glossary/index.ts';

forEachDialect('glossary page', (dialect) => {
  let site: TestSite;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Lexique' });
    await saveTerm(site.db, { term: 'Tiers-lieu', definition: 'Un lieu de travail et de rencontre partagé.' });
    await saveTerm(site.db, { term: 'Coopérative', definition: 'Une entreprise détenue par ses membres.' });
    await createArticle(site.db, { sectionId: section.id, title: 'Visite d’un tiers-lieu', text: 'Ce tiers-lieu accueille des artisans.', status: 'published' });
    await createArticle(site.db, { sectionId: section.id, title: 'Brouillon sur un tiers-lieu', text: 'Un autre tiers-lieu.', status: 'draft' });
    await createArticle(site.db, { sectionId: section.id, title: 'Annonce d’un tiers-lieu', text: 'Le futur tiers-lieu.', status: 'published', publishedAt: new Date(Date.now() + 86_400_000).toISOString() });
  });
  after(() => site.close());

  test('terms in alphabetical order with their definitions and anchors', async () => {
    const response = await site.get('/glossaire');
    assert.equal(response.status, 200);
    const html = await response.text();
    const coop = html.indexOf('Coopérative');
    const tiers = html.indexOf('Tiers-lieu');
    assert.ok(coop > 0 && tiers > coop, 'Coopérative before Tiers-lieu');
    assert.match(html, /Une entreprise détenue par ses membres/);
    assert.match(html, /id="tiers-lieu"/);
  });

  test('a term lists the published articles using it, not drafts nor scheduled ones', async () => {
    const html = await (await site.get('/glossaire')).text();
    assert.match(html, /href="\/visite-d-un-tiers-lieu"/);
    assert.doesNotMatch(html, /Brouillon sur un tiers-lieu/);
    assert.doesNotMatch(html, /Annonce d.un tiers-lieu|Annonce d&#8217;un tiers-lieu/);
  });

  // Which articles use a term is memoised per data version (glossary/usage.ts): a write shows at once.
  test('a term’s page lists its articles, and a newly published one on the next request', async () => {
    const before = await (await site.get('/glossaire/tiers-lieu')).text();
    assert.match(before, /<a href="\/visite-d-un-tiers-lieu">/);
    assert.doesNotMatch(before, /Brouillon sur un tiers-lieu|Annonce d/);
    const section = await site.db.kysely.selectFrom('sections').select('id').executeTakeFirstOrThrow();
    await createArticle(site.db, { sectionId: section.id, title: 'Un second tiers-lieu', text: 'Encore un tiers-lieu.', status: 'published' });
    const after = await (await site.get('/glossaire/tiers-lieu')).text();
    assert.match(after, /<a href="\/un-second-tiers-lieu">/);
    assert.match(await (await site.get('/glossaire')).text(), /<a href="\/glossaire\/tiers-lieu">Tous les articles \(2\)/);
  });

  test('a new term shows on the next request, and a matching ETag gets 304 until then', async () => {
    const first = await site.get('/glossaire');
    const etag = first.headers.get('etag')!;
    assert.equal((await site.get('/glossaire', { headers: { 'if-none-match': etag } })).status, 304);
    await saveTerm(site.db, { term: 'Mutuelle', definition: 'Une société de personnes à but non lucratif.' });
    const after = await site.get('/glossaire', { headers: { 'if-none-match': etag } });
    assert.equal(after.status, 200);
    assert.match(await after.text(), /Mutuelle/);
  });
});
