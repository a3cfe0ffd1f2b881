// The related-articles picker's search on both databases (issue 18): it reaches an article older than the most
// recent ones the editor's list offers, only what the user may see, never the article being edited — which the
// save refuses as well.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createSection } from '../sections/index.ts';
import { createArticle, loadArticleLinks } from '../articles/index.ts';
import { createUser } from '../users/index.ts';

interface PickerAnswer {
  results: { id: number; title: string }[];
  total: number;
  page: number;
  pages: number;
}

forEachDialect('back office: the related-articles picker', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let alice: Session;
  let sectionId: number;
  let old: number;
  let editing: number;
  let secret: number;

  const pick = async (session: Session, query: string): Promise<PickerAnswer> => {
    const response = await site.get(`/ecrire/articles/choix?${query}`, { headers: { cookie: session.cookie, accept: 'application/json' } });
    assert.equal(response.status, 200, query);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    return (await response.json()) as PickerAnswer;
  };

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    sectionId = (await createSection(site.db, { title: 'Archives' })).id;
    const aliceId = (await createUser(site.db, { email: 'alice@example.org', name: 'Alice', role: 'editor', password: 'motdepasse-alice' })).user.id;
    const brunoId = (await createUser(site.db, { email: 'bruno@example.org', name: 'Bruno', role: 'editor', password: 'motdepasse-bruno' })).user.id;
    old = (await createArticle(site.db, { sectionId, title: 'Un vieil article sur la Décroissance', status: 'published', publishedAt: '2001-01-01T00:00:00.000Z' })).id;
    await site.db.kysely.updateTable('articles').set({ updated_at: '2001-01-01T00:00:00.000Z' }).where('id', '=', old).execute();
    secret = (await createArticle(site.db, { sectionId, title: 'Décroissance : brouillon de Bruno', status: 'draft', authorIds: [brunoId] })).id;
    // 520 more recent articles, in one statement: the old one is far beyond what the editor's list offers.
    const now = new Date().toISOString();
    const rows = Array.from({ length: 520 }, (_, n) => ({
      section_id: sectionId, slug: `recent-${n}`, surtitle: '', title: `Article récent ${n}`, subtitle: '', description: '', lead: '', text: '', postscript: '',
      status: 'published' as const, published_at: now, written_at: null, forum_mode: null, lang: 'fr', glossary_enabled: 1, link_title: '', link_url: '', redirect_url: '', created_at: now, updated_at: now,
    }));
    await site.db.write((trx) => trx.insertInto('articles').values(rows).execute());
    editing = (await createArticle(site.db, { sectionId, title: 'Décroissance et emploi', status: 'draft', authorIds: [aliceId] })).id;
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    alice = await logIn(site, 'alice@example.org', 'motdepasse-alice');
  });
  after(() => site.close());

  test('the search finds an article older than the most recent ones the editor lists, accents aside', async () => {
    const editor = await adminPage(site, alice, `/ecrire/articles/${editing}`);
    assert.doesNotMatch(editor, /Un vieil article sur la Décroissance/, 'not among the most recent');
    assert.match(editor, /data-picker-url="\/ecrire\/articles\/choix"/);
    const found = await pick(alice, `q=decroissance&exclure=${editing}`);
    assert.deepEqual(found.results.map((r) => r.id), [old], 'neither the article itself nor a draft Alice may not see');
    const all = await pick(admin, 'q=DECROISSANCE');
    assert.deepEqual(all.results.map((r) => r.id).sort((a, b) => a - b), [old, secret, editing].sort((a, b) => a - b));
  });

  test('results come 20 at a time', async () => {
    const first = await pick(admin, 'q=recent');
    assert.equal(first.total, 520);
    assert.equal(first.results.length, 20);
    assert.equal(first.pages, 26);
    const last = await pick(admin, 'q=recent&page=26');
    assert.equal(last.results.length, 20);
    assert.equal((await pick(admin, 'q=recent&page=27')).results.length, 0);
    assert.equal((await site.get('/ecrire/articles/choix?q=x&page=0', { headers: { cookie: admin.cookie } })).status, 400);
    assert.equal((await site.get('/ecrire/articles/choix?exclure=abc', { headers: { cookie: admin.cookie } })).status, 400);
    assert.equal((await site.get('/ecrire/articles/choix?q=x')).status, 303, 'logged out: to the login page');
  });

  test('an article found by the search can be chosen; the article itself cannot, the save refuses it', async () => {
    const fields = { title: 'Décroissance et emploi', sectionId: String(sectionId) };
    assert.equal((await postForm(site, alice, `/ecrire/articles/${editing}`, { ...fields, relatedIds: [String(old)] })).status, 303);
    assert.deepEqual((await loadArticleLinks(site.db, editing)).relatedIds, [old]);
    assert.match(await adminPage(site, alice, `/ecrire/articles/${editing}`), /Un vieil article sur la Décroissance/, 'a chosen article stays offered');
    const self = await postForm(site, alice, `/ecrire/articles/${editing}`, { ...fields, relatedIds: [String(editing)] });
    assert.equal(self.status, 400);
    assert.deepEqual((await loadArticleLinks(site.db, editing)).relatedIds, [old]);
  });
});
