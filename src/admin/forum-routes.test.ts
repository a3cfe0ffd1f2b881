// The moderation queue from the back office on both databases: pending messages are listed, validating one
// publishes it on its article, checked messages are refused together and listed under their new status, an
// unknown action changes nothing, and editors cannot moderate.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { createUser } from '../users/index.ts';
import { nowIso } from '../db/time.ts';

forEachDialect('back office: forum moderation', (dialect) => {
  let site: TestSite;
  let admin: Session;
  const ids: Record<string, number> = {};
  let articleId = 0;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Débats' });
    const article = await createArticle(site.db, { sectionId: section.id, title: 'Le temps de travail', status: 'published', forumMode: 'pri' });
    articleId = article.id;
    for (const [key, text] of [['first', 'Premier avis en attente'], ['second', 'Deuxième avis en attente'], ['third', 'Troisième avis en attente']] as const) {
      const row = await site.db.kysely
        .insertInto('forum_messages')
        .values({ kind: 'public', article_id: article.id, thread_id: null, parent_id: null, title: '', status: 'pending', text, author_name: 'Lou', author_email: 'lou@example.org', author_url: '', user_id: null, ip: '', created_at: nowIso(), moderated_at: null, moderated_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[key] = row.id;
    }
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('the queue lists pending messages; validating one shows it on its article', async () => {
    const queue = await adminPage(site, admin, '/ecrire/forum');
    for (const text of ['Premier avis', 'Deuxième avis', 'Troisième avis']) assert.match(queue, new RegExp(text));
    assert.doesNotMatch(await (await site.get('/le-temps-de-travail')).text(), /Premier avis en attente/);
    const done = await postForm(site, admin, '/ecrire/forum/moderer', { one: `validate:${ids.first}` });
    assert.equal(done.status, 303);
    assert.match(done.headers.get('location')!, /fait=validate&nombre=1/);
    assert.match(await (await site.get('/le-temps-de-travail')).text(), /Premier avis en attente/);
    assert.doesNotMatch(await adminPage(site, admin, '/ecrire/forum'), /Premier avis/);
  });

  test('checked messages are refused together and listed under “refused”; an unknown action changes nothing', async () => {
    assert.equal((await postForm(site, admin, '/ecrire/forum/moderer', { action: 'teleport', ids: [String(ids.second)] })).status, 400);
    assert.equal((await postForm(site, admin, '/ecrire/forum/moderer', { action: 'refuse', ids: [] })).status, 400);
    const done = await postForm(site, admin, '/ecrire/forum/moderer', { action: 'refuse', ids: [String(ids.second), String(ids.third)] });
    assert.equal(done.status, 303);
    const refused = await adminPage(site, admin, '/ecrire/forum?statut=refused');
    assert.match(refused, /Deuxième avis/);
    assert.match(refused, /Troisième avis/);
    assert.doesNotMatch(await (await site.get('/le-temps-de-travail')).text(), /Deuxième avis/);
  });

  test('an editor cannot open the queue nor moderate', async () => {
    await createUser(site.db, { email: 'redac@example.org', name: 'Rédacteur', role: 'editor', password: 'motdepasse-redac' });
    const editor = await logIn(site, 'redac@example.org', 'motdepasse-redac');
    assert.equal((await site.get('/ecrire/forum', { headers: { cookie: editor.cookie } })).status, 403);
    assert.equal((await postForm(site, editor, '/ecrire/forum/moderer', { one: `validate:${ids.second}` })).status, 403);
    const row = await site.db.kysely.selectFrom('forum_messages').select('status').where('id', '=', ids.second!).executeTakeFirstOrThrow();
    assert.equal(row.status, 'refused');
  });

  // Issue 16, item 13: the queue wrote "le 6 décembre 2026 à 22:52 UTC" while the revisions said 23:52, Paris time.
  test('the queue tells a message’s time in Paris time, as the revisions page does', async () => {
    const at = '2026-12-06T22:52:00.000Z';
    await site.db.kysely
      .insertInto('forum_messages')
      .values({ kind: 'public', article_id: articleId, thread_id: null, parent_id: null, title: 'Tard le soir', status: 'pending', text: 'Un avis de fin de soirée', author_name: 'Lou', author_email: 'lou@example.org', author_url: '', user_id: null, ip: '', created_at: at, moderated_at: null, moderated_by: null })
      .execute();
    await site.db.kysely.updateTable('revisions').set({ created_at: at }).where('object_type', '=', 'article').where('object_id', '=', articleId).execute();
    const queue = await adminPage(site, admin, '/ecrire/forum');
    assert.match(queue, /le <time datetime="2026-12-06T22:52:00.000Z">6 décembre 2026 à 23:52<\/time>, par Lou/);
    assert.doesNotMatch(queue, /UTC/);
    assert.match(await adminPage(site, admin, `/ecrire/articles/${articleId}/revisions`), /6 décembre 2026 à 23:52/);
  });

  // Issue 18: the queue is a list that scales — searched, filtered, paged — over only what one may moderate.
  test('the queue searches titles and authors without accents, filters by article and day, refuses unknown values', async () => {
    const other = await createArticle(site.db, { sectionId: (await createSection(site.db, { title: 'Ailleurs' })).id, title: 'Un autre débat', status: 'published', forumMode: 'pri' });
    const insert = (title: string, author: string, article: number, at: string) =>
      site.db.kysely
        .insertInto('forum_messages')
        .values({ kind: 'public', article_id: article, thread_id: null, parent_id: null, title, status: 'pending', text: 'Un avis.', author_name: author, author_email: 'x@example.org', author_url: '', user_id: null, ip: '', created_at: at, moderated_at: null, moderated_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
    const pepin = (await insert('Réponse à Hélène', 'Pépin', other.id, '2025-03-04T10:00:00.000Z')).id;
    await insert('Sans rapport', 'Zoé', articleId, '2025-03-05T10:00:00.000Z');
    const found = await adminPage(site, admin, '/ecrire/forum?q=HELENE');
    assert.match(found, /Réponse à Hélène/);
    assert.doesNotMatch(found, /Sans rapport/);
    assert.match(await adminPage(site, admin, '/ecrire/forum?q=pepin'), new RegExp(`n° ${pepin}`));
    const byArticle = await adminPage(site, admin, `/ecrire/forum?article=${other.id}`);
    assert.match(byArticle, /Réponse à Hélène/);
    assert.doesNotMatch(byArticle, /Sans rapport/);
    const byDay = await adminPage(site, admin, '/ecrire/forum?du=2025-03-05&au=2025-03-05');
    assert.match(byDay, /Sans rapport/);
    assert.doesNotMatch(byDay, /Réponse à Hélène/);
    assert.match(await adminPage(site, admin, '/ecrire/forum?du=2025-03-01&ordre=asc'), /Réponse à Hélène[\s\S]*Sans rapport/, 'oldest first');
    for (const query of ['statut=oublie', 'article=abc', 'du=2025-02-30', 'ordre=hasard', 'tri=ip', 'page=0', 'page=-1', 'page=abc']) {
      const response = await site.get(`/ecrire/forum?${query}`, { headers: { cookie: admin.cookie } });
      assert.equal(response.status, 400, query);
    }
    const far = await site.get('/ecrire/forum?statut=pending&page=999999', { headers: { cookie: admin.cookie } });
    assert.equal(far.status, 302);
    assert.equal(far.headers.get('location'), '/ecrire/forum?statut=pending');

    // A restricted administrator of "Ailleurs" sees that message only, and cannot moderate it with one of the others.
    await createUser(site.db, { email: 'ailleurs@example.org', name: 'Ailleurs', role: 'administrator', password: 'motdepasse-ailleurs', sections: [other.section_id] });
    const restricted = await logIn(site, 'ailleurs@example.org', 'motdepasse-ailleurs');
    const theirs = await adminPage(site, restricted, '/ecrire/forum');
    assert.match(theirs, /Réponse à Hélène/);
    assert.doesNotMatch(theirs, /Sans rapport/);
    assert.match(theirs, /1 résultat\(s\)/);
    const before = await site.db.kysely.selectFrom('forum_messages').select(['id', 'status']).orderBy('id').execute();
    const refused = await postForm(site, restricted, '/ecrire/forum/moderer', { action: 'spam', ids: [String(pepin), String(ids.third)] });
    assert.equal(refused.status, 403);
    assert.deepEqual(await site.db.kysely.selectFrom('forum_messages').select(['id', 'status']).orderBy('id').execute(), before, 'nothing half-applied');
    const done = await postForm(site, restricted, '/ecrire/forum/moderer', { action: 'validate', ids: [String(pepin)], retour: '/ecrire/forum?q=helene' });
    assert.equal(done.headers.get('location'), '/ecrire/forum?q=helene&fait=validate&nombre=1');
    assert.match(await adminPage(site, restricted, done.headers.get('location')!), /1 message publié\./);
  });
});
