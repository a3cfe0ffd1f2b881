// "Ce qui m'attend" per role, on both databases (issue 18): an administrator reviews every proposed article, a
// restricted administrator those of their sections only, an editor none; each sees their own drafts and proposed
// articles, and the recent team messages others wrote on articles they sign. The home page shows the same.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn } from '../../test/helpers/back-office.ts';
import { createArticle, loadAwaitingWork } from './index.ts';
import { createSection } from '../sections/index.ts';
import { createUser, loadActor } from '../users/index.ts';

forEachDialect('awaiting work per role', (dialect) => {
  let site: TestSite;
  const ids: Record<string, number> = {};
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const inside = await createSection(site.db, { title: 'Dedans' });
    const below = await createSection(site.db, { title: 'Dessous', parentId: inside.id });
    const outside = await createSection(site.db, { title: 'Dehors' });
    const make = async (email: string, role: 'editor' | 'administrator', sections: number[] = []) =>
      (await createUser(site.db, { email, name: email.split('@')[0]!, role, password: `motdepasse-${email.split('@')[0]}`, sections })).user.id;
    ids.plume = await make('plume@example.org', 'editor');
    ids.encre = await make('encre@example.org', 'editor');
    ids.restreint = await make('restreint@example.org', 'administrator', [inside.id]);
    ids.admin = (await site.db.kysely.selectFrom('users').select('id').where('email', '=', 'admin@example.org').executeTakeFirstOrThrow()).id;
    const article = async (title: string, sectionId: number, status: 'draft' | 'proposed', author: number) => (await createArticle(site.db, { sectionId, title, status, authorIds: [author] })).id;
    ids.proposedBelow = await article('Proposé dessous', below.id, 'proposed', ids.encre);
    ids.proposedOutside = await article('Proposé dehors', outside.id, 'proposed', ids.encre);
    ids.plumeDraft = await article('Brouillon de Plume', inside.id, 'draft', ids.plume);
    ids.plumeProposed = await article('Proposition de Plume', outside.id, 'proposed', ids.plume);
    ids.encreDraft = await article('Brouillon d’Encre', outside.id, 'draft', ids.encre);
    const message = (articleId: number, userId: number, text: string, daysAgo = 0) =>
      site.db.kysely
        .insertInto('forum_messages')
        .values({ kind: 'team', article_id: articleId, thread_id: null, parent_id: null, title: '', status: 'published', text, author_name: `n° ${userId}`, author_email: '', author_url: '', user_id: userId, ip: '', created_at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(), moderated_at: null, moderated_by: null })
        .execute();
    await message(ids.plumeProposed, ids.encre, 'Relu : deux coquilles au deuxième paragraphe.');
    await message(ids.plumeProposed, ids.plume, 'Merci, je corrige.');
    await message(ids.plumeProposed, ids.encre, 'Un vieux message.', 40);
    await message(ids.encreDraft, ids.admin, 'Où en est ce texte ?');
  });
  after(() => site.close());

  async function workOf(userId: number) {
    const user = await site.db.kysely.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirstOrThrow();
    const work = await loadAwaitingWork(site.db, await loadActor(site.db, user));
    return { toReview: work.toReview.map((a) => a.id).sort(), mine: work.mine.map((a) => a.id).sort(), messages: work.messages.map((m) => m.text) };
  }
  const sorted = (...values: number[]) => values.sort();

  test('an administrator reviews every proposed article', async () => {
    assert.deepEqual(await workOf(ids.admin!), { toReview: sorted(ids.proposedBelow!, ids.proposedOutside!, ids.plumeProposed!), mine: [], messages: [] });
  });

  test('a restricted administrator reviews the proposed articles of their sections and below only', async () => {
    assert.deepEqual((await workOf(ids.restreint!)).toReview, [ids.proposedBelow]);
  });

  test('an editor reviews nothing, and sees their own articles in progress and others’ recent messages on them', async () => {
    assert.deepEqual(await workOf(ids.plume!), { toReview: [], mine: sorted(ids.plumeDraft!, ids.plumeProposed!), messages: ['Relu : deux coquilles au deuxième paragraphe.'] });
    assert.deepEqual(await workOf(ids.encre!), { toReview: [], mine: sorted(ids.proposedBelow!, ids.proposedOutside!, ids.encreDraft!), messages: ['Où en est ce texte ?'] });
  });

  test('the home page shows it: a restricted administrator is not offered what lies outside their sections', async () => {
    const restricted = await adminPage(site, await logIn(site, 'restreint@example.org', 'motdepasse-restreint'), '/ecrire/');
    assert.match(restricted, /Articles proposés à relire et publier \(1\)/);
    assert.match(restricted, /Proposé dessous/);
    assert.doesNotMatch(restricted, /Proposé dehors|Proposition de Plume/);
    const editor = await adminPage(site, await logIn(site, 'plume@example.org', 'motdepasse-plume'), '/ecrire/');
    assert.doesNotMatch(editor, /à relire et publier/);
    assert.doesNotMatch(editor, /Proposé dessous/);
    assert.match(editor, /Mes articles en cours \(2\)/);
    assert.match(editor, /Messages de l’équipe sur mes articles \(1\)/);
    assert.match(editor, new RegExp(`href="/ecrire/articles/${ids.plumeProposed}#discussion"`));
  });
});
