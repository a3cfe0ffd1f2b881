// Finer cache invalidation (issue 19), on both databases: a write drops the cached pages that show what it
// changed, and keeps the others warm. A comment held for moderation, a draft's edit or a login drops nothing;
// a published comment drops its article's page and the lists; an article's new text drops its page, the pages
// listing it and the lists, not the articles of another section; a section renamed drops every page. Each time,
// the page read afterwards shows the change: nothing stale is ever served. The same through another process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { logIn } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { moderateMessages } from '../forum/index.ts';
import { saveTerm, updateTerm } from '../glossary/index.ts';
import { openDatabase, type Db } from '../db/connect.ts';
import type { Article, Section } from '../db/schema.ts';

forEachDialect('page cache invalidation by scope', (dialect) => {
  let site: TestSite;
  let analyses: Section;
  let debats: Section;
  const articles = {} as Record<'first' | 'sibling' | 'elsewhere' | 'draft', Article>;
  let pages: Record<string, string>;

  /** Reads every page, so each is cached. */
  const readAll = async () => {
    for (const path of Object.values(pages)) assert.equal((await site.get(path)).status, 200, path);
    assert.deepEqual(cached(), Object.keys(pages), 'every page is cached');
  };
  /** The pages still cached, by name. */
  const cached = () => Object.entries(pages).flatMap(([name, path]) => (site.cache.get(path) ? [name] : []));
  const text = async (path: string) => (await site.get(path)).text();

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    analyses = await createSection(site.db, { title: 'Analyses' });
    debats = await createSection(site.db, { title: 'Débats' });
    const create = (section: Section, title: string, status: 'published' | 'draft' = 'published') =>
      createArticle(site.db, { sectionId: section.id, title, text: `Texte de « ${title} ».`, status, forumMode: 'pri' });
    articles.first = await create(analyses, 'Les coopératives d’habitants');
    articles.sibling = await create(analyses, 'Habiter autrement');
    articles.elsewhere = await create(debats, 'Le budget participatif');
    articles.draft = await create(analyses, 'Brouillon en cours', 'draft');
    pages = {
      first: `/${articles.first.slug}`,
      sibling: `/${articles.sibling.slug}`,
      elsewhere: `/${articles.elsewhere.slug}`,
      home: '/',
      section: `/rubrique/${debats.slug}`,
    };
  });
  after(() => site.close());

  test('a comment held for moderation, a draft’s edit and a login drop no page', async () => {
    await readAll();
    const token = await text(`/forum/jeton?article=${articles.first.id}`);
    const posted = await site.get('/forum/poster', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ article: String(articles.first.id), token, name: 'Paul', email: 'paul@example.org', title: 'Question', text: 'Et les loyers ?', step: 'send' }).toString(),
    });
    assert.ok(posted.status < 400, `the post is accepted (${posted.status})`);
    await site.db.write((trx) => trx.updateTable('articles').set({ text: 'Encore un brouillon.' }).where('id', '=', articles.draft.id).execute());
    await logIn(site, 'admin@example.org', 'motdepasse-admin');
    assert.deepEqual(cached(), Object.keys(pages));
  });

  test('a comment published drops its article’s page and the lists, and shows there', async () => {
    const pending = await site.db.kysely.selectFrom('forum_messages').select('id').where('status', '=', 'pending').executeTakeFirstOrThrow();
    await moderateMessages(site.db, { kind: 'operator' }, 'validate', [pending.id]);
    assert.deepEqual(cached(), ['sibling', 'elsewhere']);
    assert.match(await text(pages.first!), /Et les loyers/);
  });

  test('an article’s new text drops its page, the pages listing it and the lists, not another section’s article', async () => {
    await readAll();
    await site.db.write((trx) => trx.updateTable('articles').set({ text: 'Un modèle qui revient.' }).where('id', '=', articles.first.id).execute());
    assert.deepEqual(cached(), ['elsewhere']);
    assert.match(await text(pages.first!), /Un modèle qui revient/);
  });

  test('an article published drops its section’s articles and the lists; a title shows on the pages that list it', async () => {
    await readAll();
    await site.db.write((trx) => trx.updateTable('articles').set({ status: 'published', published_at: new Date().toISOString() }).where('id', '=', articles.draft.id).execute());
    assert.deepEqual(cached(), ['elsewhere']);
    assert.match(await text(pages.sibling!), /Brouillon en cours/, 'listed among its section’s articles');
    await readAll();
    await site.db.write((trx) => trx.updateTable('articles').set({ title: 'Plus un brouillon' }).where('id', '=', articles.draft.id).execute());
    assert.deepEqual(cached(), ['elsewhere']);
    assert.match(await text(pages.sibling!), /Plus un brouillon/);
  });

  test('a linked article’s new title and a glossary term’s new definition show on every cached page using them', async () => {
    await site.db.write((trx) =>
      trx.updateTable('articles').set({ text: `Voir [->art${articles.sibling.id}] : une coopérative à la loupe.` }).where('id', '=', articles.elsewhere.id).execute(),
    );
    const term = await saveTerm(site.db, { term: 'coopérative', definition: 'Entreprise détenue par ses membres.' });
    await readAll();
    assert.match(await text(pages.elsewhere!), /Habiter autrement/);
    assert.match(await text(pages.elsewhere!), /détenue par ses membres/);
    await site.db.write((trx) => trx.updateTable('articles').set({ title: 'Habiter ensemble' }).where('id', '=', articles.sibling.id).execute());
    assert.match(await text(pages.elsewhere!), /Habiter ensemble/, 'the link names the new title');
    await readAll();
    await updateTerm(site.db, term.term.id, { term: 'coopérative', definition: 'Société de personnes, une voix par membre.' });
    assert.match(await text(pages.elsewhere!), /une voix par membre/);
    assert.doesNotMatch(await text(pages.elsewhere!), /détenue par ses membres/);
  });

  test('a section renamed drops every page', async () => {
    await readAll();
    await site.db.write((trx) => trx.updateTable('sections').set({ title: 'Analyses et notes' }).where('id', '=', analyses.id).execute());
    assert.deepEqual(cached(), []);
    assert.match(await text(pages.elsewhere!), /Analyses et notes/, 'the menu of every page names it');
  });

  test('a write through another process drops the same pages here', async () => {
    await readAll();
    const other: Db = await openDatabase({ dataDir: site.config.dataDir, databaseUrl: site.config.databaseUrl });
    try {
      await other.write((trx) => trx.updateTable('articles').set({ text: 'Écrit ailleurs.' }).where('id', '=', articles.elsewhere.id).execute());
      // PostgreSQL tells the other servers through NOTIFY, which arrives on its own time.
      for (let i = 0; i < 200 && cached().includes('elsewhere'); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      assert.deepEqual(cached(), ['first', 'sibling']);
      assert.match(await text(pages.elsewhere!), /Écrit ailleurs/);
    } finally {
      await other.close();
    }
  });
});
