// The forum's public addresses on both databases: the reply form quotes the message answered, a reply to an
// unknown message or an unpublished article is 404, the preview step shows the rendered text and stores
// nothing, the thank-you page says the message waits. Modes, anti-spam and moderation in depth: test/forum/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { nowIso } from '../db/time.ts';

const tokenIn = (html: string) => /name="token" value="([^"]+)"/.exec(html)![1]!;
const count = async (site: TestSite) => Number((await site.db.kysely.selectFrom('forum_messages').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

forEachDialect('forum routes', (dialect) => {
  let site: TestSite;
  let articleId: number;
  let draftId: number;
  let messageId: number;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Débats' });
    articleId = (await createArticle(site.db, { sectionId: section.id, title: 'Faut-il un revenu de base ?', status: 'published', forumMode: 'pri' })).id;
    draftId = (await createArticle(site.db, { sectionId: section.id, title: 'Pas encore publié', status: 'draft' })).id;
    const row = await site.db.kysely
      .insertInto('forum_messages')
      .values({ kind: 'public', article_id: articleId, thread_id: null, parent_id: null, title: 'Mon avis', status: 'published', text: 'Je suis pour, avec des conditions.', author_name: 'Jeanne', author_email: 'jeanne@example.org', author_url: '', user_id: null, ip: '', created_at: nowIso(), moderated_at: null, moderated_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    messageId = row.id;
  });
  after(() => site.close());

  test('the reply form shows the message answered; an unknown message or article is 404', async () => {
    const reply = await site.get(`/forum/ecrire/${articleId}?repondre=${messageId}`);
    assert.equal(reply.status, 200);
    const html = await reply.text();
    assert.match(html, /Je suis pour, avec des conditions/);
    assert.match(html, new RegExp(`name="parent" value="${messageId}"`));
    assert.equal((await site.get(`/forum/ecrire/${articleId}?repondre=999999`)).status, 404);
    assert.equal((await site.get(`/forum/ecrire/${draftId}`)).status, 404, 'no form for an unpublished article');
    assert.equal((await site.get('/forum/ecrire/abc')).status, 404);
  });

  test('comment feeds exist in Atom as in RSS, for the site and for one article, with their author', async () => {
    for (const path of ['/forum/atom.xml', `/forum/article/${articleId}/atom.xml`]) {
      const response = await site.get(path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /application\/atom\+xml/);
      const xml = await response.text();
      assert.match(xml, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      assert.match(xml, /<entry><title>Mon avis<\/title>/);
      assert.match(xml, /<author><name>Jeanne<\/name><\/author>/);
      assert.match(xml, new RegExp(`<link rel="self" type="application/atom\\+xml" href="[^"]*${path.replaceAll('/', '\\/')}"`));
    }
    const rss = await (await site.get(`/forum/article/${articleId}/rss.xml`)).text();
    assert.match(rss, /<dc:creator>Jeanne<\/dc:creator>/);
    assert.equal((await site.get(`/forum/article/${draftId}/atom.xml`)).status, 404);
  });

  test('the preview step shows the rendered message and stores nothing', async () => {
    const token = tokenIn(await (await site.get(`/forum/ecrire/${articleId}`)).text());
    const before = await count(site);
    const response = await site.get('/forum/poster', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ article: String(articleId), token, name: 'Paul', email: 'paul@example.org', title: 'Réponse', text: 'Je suis {{contre}}.', step: 'preview' }).toString(),
    });
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<strong[^>]*>contre<\/strong>/);
    assert.match(html, /value="Paul"/, 'what was typed is kept');
    assert.equal(await count(site), before);
  });

  test('posting to an unpublished article is refused, nothing stored', async () => {
    const token = tokenIn(await (await site.get(`/forum/ecrire/${articleId}`)).text());
    const before = await count(site);
    const response = await site.get('/forum/poster', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ article: String(draftId), token, name: 'Paul', email: 'paul@example.org', text: 'Message', step: 'send' }).toString(),
    });
    assert.equal(response.status, 404);
    assert.equal(await count(site), before);
  });

  test('the thank-you page of a moderated forum says the message waits for validation', async () => {
    const response = await site.get(`/forum/merci/${articleId}`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /valid/i);
    assert.equal((await site.get(`/forum/merci/${draftId}`)).status, 404);
  });
});
