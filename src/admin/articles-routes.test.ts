// Writing an article in the back office on both databases: the new-article form creates a draft the public
// cannot see, a refused form keeps what was typed, publishing from the status form makes it public, and the
// list filters by status.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createSection } from '../sections/index.ts';
import { createArticle, loadArticleLinks } from '../articles/index.ts';
import { createUser } from '../users/index.ts';

forEachDialect('back office: articles', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let sectionId: number;
  let articlePath: string;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    sectionId = (await createSection(site.db, { title: 'Tribunes' })).id;
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('the new-article form creates a draft with its text, not visible to the public', async () => {
    const created = await postForm(site, admin, '/ecrire/articles/nouveau', { title: 'Pour une économie du soin', sectionId: String(sectionId), text: 'Le soin est un {{travail}}.' });
    assert.equal(created.status, 303);
    articlePath = created.headers.get('location')!.split('?')[0]!;
    assert.match(articlePath, /^\/ecrire\/articles\/\d+$/);
    const editor = await adminPage(site, admin, articlePath);
    assert.match(editor, /Pour une économie du soin/);
    assert.match(editor, /Le soin est un \{\{travail\}\}\./);
    assert.equal((await site.get('/pour-une-economie-du-soin')).status, 404);
  });

  // createArticle's schema refusal used to be a bare ZodError: the route rethrew it, a 500 that lost the text.
  test('a form without a title is refused and keeps what was typed', async () => {
    const refused = await postForm(site, admin, '/ecrire/articles/nouveau', { title: '  ', sectionId: String(sectionId), text: 'Texte à ne pas perdre' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Texte à ne pas perdre/);
  });

  test('publishing from the status form makes the article public; the list filters by status', async () => {
    const published = await postForm(site, admin, `${articlePath}/statut`, { action: 'publish' });
    assert.equal(published.status, 303);
    const page = await site.get('/pour-une-economie-du-soin');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<strong[^>]*>travail<\/strong>/);
    assert.match(await adminPage(site, admin, '/ecrire/articles?statut=published'), /Pour une économie du soin/);
    assert.doesNotMatch(await adminPage(site, admin, '/ecrire/articles?statut=draft'), /Pour une économie du soin/);
  });

  test('an unknown action or article is refused', async () => {
    assert.equal((await postForm(site, admin, `${articlePath}/statut`, { action: 'teleport' })).status, 400);
    assert.equal((await site.get('/ecrire/articles/999999', { headers: { cookie: admin.cookie } })).status, 404);
  });

  // Issue 15, item 8: the new-article page listed every article's title in the related-articles picker,
  // other editors' drafts included, which the editor may not open.
  test('the related-articles picker offers an editor only the articles they may see', async () => {
    const writer = async (email: string) => (await createUser(site.db, { email, name: email, role: 'editor', password: 'motdepasse-redac' })).user.id;
    const alice = await writer('alice@example.org');
    const bruno = await writer('bruno@example.org');
    const secret = await createArticle(site.db, { sectionId, title: 'Brouillon secret de Bruno', status: 'draft', authorIds: [bruno] });
    const proposed = await createArticle(site.db, { sectionId, title: 'Proposé par Bruno', status: 'proposed', authorIds: [bruno] });
    const own = await createArticle(site.db, { sectionId, title: 'Brouillon d’Alice', status: 'draft', authorIds: [alice] });
    const session = await logIn(site, 'alice@example.org', 'motdepasse-redac');

    const page = await adminPage(site, session, '/ecrire/articles/nouveau');
    assert.doesNotMatch(page, /Brouillon secret de Bruno/);
    assert.match(page, /Proposé par Bruno/);
    assert.match(page, /Brouillon d’Alice/);
    assert.match(page, /Pour une économie du soin/, 'published articles are offered');
    assert.match(await adminPage(site, admin, '/ecrire/articles/nouveau'), /Brouillon secret de Bruno/, 'an administrator sees every article');

    const fields = { title: 'Brouillon d’Alice', sectionId: String(sectionId), authorIds: String(alice) };
    const refused = await postForm(site, session, `/ecrire/articles/${own.id}`, { ...fields, relatedIds: [String(secret.id), String(proposed.id)] });
    assert.equal(refused.status, 400, 'an article one may not see cannot be chosen by number either');
    assert.deepEqual((await loadArticleLinks(site.db, own.id)).relatedIds, []);

    // An administrator relates Alice's draft to Bruno's: Alice sees the link by number only, and saving keeps it.
    assert.equal((await postForm(site, admin, `/ecrire/articles/${own.id}`, { ...fields, relatedIds: [String(secret.id)] })).status, 303);
    const editor = await adminPage(site, session, `/ecrire/articles/${own.id}`);
    assert.doesNotMatch(editor, /Brouillon secret de Bruno/);
    assert.match(editor, new RegExp(`<option value="${secret.id}" selected="">Article n° ${secret.id} \\(que vous ne pouvez pas voir\\)</option>`));
    assert.equal((await postForm(site, session, `/ecrire/articles/${own.id}`, { ...fields, relatedIds: [String(secret.id), String(proposed.id)] })).status, 303);
    assert.deepEqual((await loadArticleLinks(site.db, own.id)).relatedIds, [secret.id, proposed.id]);
  });

  // Issue 16, item 11: scheduling said "Statut changé : publié en ligne" although the article was not online yet.
  test('scheduling says when the article will be published, not that it is online', async () => {
    const article = await createArticle(site.db, { sectionId, title: 'Tribune à paraître', status: 'proposed' });
    const scheduled = await postForm(site, admin, `/ecrire/articles/${article.id}/statut`, { action: 'schedule', publishAt: '2099-05-12T10:00' });
    assert.equal(scheduled.status, 303);
    const editor = await adminPage(site, admin, scheduled.headers.get('location')!);
    assert.match(editor, /Statut changé : publication prévue le 12 mai 2099 à 10:00\./);
    assert.doesNotMatch(editor, /Statut changé : publié en ligne/);
    assert.match(editor, /class="status status--scheduled">publication prévue le 12 mai 2099 à 10:00</);
    assert.equal((await site.get('/tribune-a-paraitre')).status, 404, 'not online');
    // Publishing now is what says "publié en ligne".
    const published = await postForm(site, admin, `/ecrire/articles/${article.id}/statut`, { action: 'schedule', publishAt: '2020-01-01T10:00' });
    assert.equal(published.status, 400, 'a date in the past does not schedule');
    await postForm(site, admin, `/ecrire/articles/${article.id}/statut`, { action: 'unpublish' });
    const now = await postForm(site, admin, `/ecrire/articles/${article.id}/statut`, { action: 'publish', publishAt: '2020-01-01T10:00' });
    assert.match(await adminPage(site, admin, now.headers.get('location')!), /Statut changé : publié en ligne\./);
  });

  // Issue 16, item 12: the picker offered the article itself, and a save naming it was quietly cut short.
  test('an article is not offered as related to itself, and a save naming it is refused', async () => {
    const article = await createArticle(site.db, { sectionId, title: 'Article qui se cite', status: 'draft' });
    const other = await createArticle(site.db, { sectionId, title: 'Article voisin', status: 'published' });
    const picker = (html: string) => /<select id="f-relatedIds"[\s\S]*?<\/select>/.exec(html)![0];
    const offered = picker(await adminPage(site, admin, `/ecrire/articles/${article.id}`));
    assert.doesNotMatch(offered, new RegExp(`<option value="${article.id}"`));
    assert.match(offered, new RegExp(`<option value="${other.id}"`));

    const fields = { title: 'Article qui se cite', sectionId: String(sectionId) };
    const refused = await postForm(site, admin, `/ecrire/articles/${article.id}`, { ...fields, relatedIds: [String(other.id), String(article.id)] });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Un article ne peut pas être lié à lui-même\./);
    assert.deepEqual((await loadArticleLinks(site.db, article.id)).relatedIds, []);

    // A link to itself already in the database (written before this check) is not offered either, so a save drops it.
    await site.db.kysely.insertInto('related_articles').values({ article_id: article.id, related_id: article.id, position: 0 }).execute();
    assert.doesNotMatch(picker(await adminPage(site, admin, `/ecrire/articles/${article.id}`)), new RegExp(`<option value="${article.id}"`));
    assert.equal((await postForm(site, admin, `/ecrire/articles/${article.id}`, { ...fields, relatedIds: [String(other.id)] })).status, 303);
    assert.deepEqual((await loadArticleLinks(site.db, article.id)).relatedIds, [other.id]);
  });
});
