// Stored renders (issue 19), on both databases: an article's page shows its stored render, and whatever changes
// what the render shows makes it anew — its own text, a linked article's title or visibility, a document's alt,
// a glossary term added, edited or removed, the time a linked article is scheduled for, the glossary setting.
// A change elsewhere keeps the other renders: only what depends on it is rendered again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { deleteTerm, saveTerm } from '../glossary/index.ts';
import { saveSiteSettings } from '../settings/index.ts';
import { uploadDocument } from '../documents/index.ts';
import type { Article } from '../db/schema.ts';
import { articleRender, renderKey } from './stored-article-render.ts';

forEachDialect('stored article renders', (dialect) => {
  let site: TestSite;
  const articles = {} as Record<'target' | 'linking' | 'other', Article>;

  const page = async (article: Article) => {
    const response = await site.get(`/${article.slug}`);
    assert.equal(response.status, 200);
    return response.text();
  };
  const stored = async () =>
    new Set((await site.db.kysely.selectFrom('article_renders').select('article_id').execute()).map((r) => r.article_id));
  const write = (work: Parameters<TestSite['db']['write']>[0]) => site.db.write(work);

  before(async () => {
    site = await startTestSite(dialect, { demo: false, env: { TISSE_PAGE_CACHE: 'off' } });
    const section = await createSection(site.db, { title: 'Analyses' });
    const create = (title: string, text: string) => createArticle(site.db, { sectionId: section.id, title, text, status: 'published' });
    articles.target = await create('Les coopératives d’habitants', 'Un modèle ancien.');
    articles.linking = await create('Habiter autrement', `Lire [->art${articles.target.id}] : l’économie sociale y répond.`);
    articles.other = await create('Le budget participatif', 'Une ville, un vote.');
    // Every page read once: each has its render stored.
    for (const article of Object.values(articles)) await page(article);
  });
  after(() => site.close());

  test('a page read again shows its stored render, the same HTML', async () => {
    assert.deepEqual(await stored(), new Set(Object.values(articles).map((a) => a.id)));
    const first = await page(articles.linking);
    assert.equal(await page(articles.linking), first);
    const targets = await site.db.kysely.selectFrom('article_render_targets').selectAll().where('article_id', '=', articles.linking.id).execute();
    assert.deepEqual(targets.map((t) => `${t.target_type}:${t.target_id}`), [`article:${articles.target.id}`]);
  });

  test('an article’s new text shows at once on its page', async () => {
    await write((trx) => trx.updateTable('articles').set({ text: 'Une ville, deux votes.' }).where('id', '=', articles.other.id).execute());
    assert.match(await page(articles.other), /deux votes/);
  });

  test('a linked article’s new title shows on the page linking to it, and only that page is rendered again', async () => {
    await page(articles.other);
    await write((trx) => trx.updateTable('articles').set({ title: 'Les coopératives d’habitants en 2026' }).where('id', '=', articles.target.id).execute());
    const left = await stored();
    assert.ok(!left.has(articles.linking.id), 'the linking article’s render is dropped');
    assert.ok(left.has(articles.other.id), 'an unrelated render is kept');
    assert.match(await page(articles.linking), /coopératives d’habitants en 2026/);
  });

  test('a linked article taken offline leaves no link to it', async () => {
    await write((trx) => trx.updateTable('articles').set({ status: 'draft' }).where('id', '=', articles.target.id).execute());
    assert.doesNotMatch(await page(articles.linking), new RegExp(`href="/${articles.target.slug}"`));
    await write((trx) => trx.updateTable('articles').set({ status: 'published' }).where('id', '=', articles.target.id).execute());
    assert.match(await page(articles.linking), new RegExp(`href="/${articles.target.slug}"`));
  });

  test('a glossary term added is marked where the text uses it, and renders that cannot contain it are kept', async () => {
    for (const article of Object.values(articles)) await page(article);
    await saveTerm(site.db, { term: 'Tontine', definition: 'Épargne collective et tournante.' });
    assert.deepEqual(await stored(), new Set(Object.values(articles).map((a) => a.id)), 'no text mentions a tontine: every render kept');
    const term = await saveTerm(site.db, { term: 'Économie sociale', definition: 'Les coopératives, mutuelles et associations.' });
    assert.ok(!(await stored()).has(articles.linking.id), 'the render of the text that uses it is dropped');
    const marked = await page(articles.linking);
    assert.match(marked, /class="glossary-term"/);
    assert.match(marked, /coopératives, mutuelles et associations/);
    await deleteTerm(site.db, term.term.id);
    assert.doesNotMatch(await page(articles.linking), /class="glossary-term"/);
  });

  test('the glossary setting changes where terms are marked: renders follow it', async () => {
    await saveTerm(site.db, { term: 'vote', definition: 'Expression d’un choix.' });
    await write((trx) => trx.updateTable('articles').set({ text: 'Un vote, puis un vote encore.' }).where('id', '=', articles.other.id).execute());
    const count = (html: string) => (html.match(/class="glossary-term"/g) ?? []).length;
    assert.equal(count(await page(articles.other)), 1);
    await saveSiteSettings(site.db, { glossaryOccurrences: 'all' });
    assert.equal(count(await page(articles.other)), 2);
    const row = await site.db.kysely.selectFrom('article_renders').select('render_key').where('article_id', '=', articles.other.id).executeTakeFirstOrThrow();
    assert.equal(row.render_key, renderKey({ occurrences: 'all' }));
    await saveSiteSettings(site.db, { glossaryOccurrences: 'first' });
  });

  test('a link to an article scheduled for later is live from its time on', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const section = await createSection(site.db, { title: 'À paraître' });
    const scheduled = await createArticle(site.db, { sectionId: section.id, title: 'Le bilan annuel', status: 'published', publishedAt: later });
    const announcing = await createArticle(site.db, { sectionId: section.id, title: 'Bientôt', text: `Voir [->art${scheduled.id}].`, status: 'published' });
    const now = new Date().toISOString();
    const before = await articleRender(site.db, announcing, { occurrences: 'first' }, now);
    assert.doesNotMatch(before.text, new RegExp(`href="/${scheduled.slug}"`));
    const row = await site.db.kysely.selectFrom('article_renders').select('valid_until').where('article_id', '=', announcing.id).executeTakeFirstOrThrow();
    assert.equal(row.valid_until, scheduled.published_at);
    const afterwards = await articleRender(site.db, announcing, { occurrences: 'first' }, new Date(Date.now() + 7_200_000).toISOString());
    assert.match(afterwards.text, new RegExp(`href="/${scheduled.slug}"`));
  });

  test('a document’s new alternative text shows where the text places it', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a6f8f' } }).png().toBuffer();
    const doc = await uploadDocument(site.db, { originalName: 'facade.png', bytes: png, articleId: articles.other.id, alt: 'La façade' }, { dataDir: site.config.dataDir });
    await write((trx) => trx.updateTable('articles').set({ text: `Voici <img${doc.id}>.` }).where('id', '=', articles.other.id).execute());
    assert.match(await page(articles.other), /alt="La façade"/);
    await write((trx) => trx.updateTable('documents').set({ alt: 'La façade de la Maison de l’ESS' }).where('id', '=', doc.id).execute());
    assert.match(await page(articles.other), /alt="La façade de la Maison de l’ESS"/);
  });

  test('a render made by another engine version is made anew', async () => {
    await write((trx) => trx.updateTable('article_renders').set({ render_key: 'an-older-engine', text: '<p>périmé</p>' }).where('article_id', '=', articles.other.id).execute());
    const html = await page(articles.other);
    assert.doesNotMatch(html, /périmé/);
    const row = await site.db.kysely.selectFrom('article_renders').select('render_key').where('article_id', '=', articles.other.id).executeTakeFirstOrThrow();
    assert.equal(row.render_key, renderKey({ occurrences: 'first' }));
  });
});
