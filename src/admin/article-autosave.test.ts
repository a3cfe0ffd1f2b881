// The editor's autosave endpoint on both databases (issue 18, item 4; decision 016): it saves the form like the
// Save button and answers JSON; it never overwrites a save made since the form was loaded (409, with a link to the
// revisions); one stretch of autosaves is one revision, which a save by hand closes; it never changes the address
// nor a published article; it keeps the Save button's permission check and CSRF protection.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createSection } from '../sections/index.ts';
import { createArticle, loadArticle } from '../articles/index.ts';
import { createUser } from '../users/index.ts';

interface AutosaveAnswer {
  status: string;
  message: string;
  updatedAt?: string;
  revision?: number | null;
  link?: { href: string; label: string };
  fields?: Record<string, string>;
}

forEachDialect('back office: autosave', (dialect) => {
  let site: TestSite;
  let editor: Session;
  let other: Session;
  let editorId: number;
  let sectionId: number;

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    sectionId = (await createSection(site.db, { title: 'Notes' })).id;
    editorId = (await createUser(site.db, { email: 'redac@example.org', name: 'Camille', role: 'editor', password: 'motdepasse-redac' })).user.id;
    await createUser(site.db, { email: 'autre@example.org', name: 'Dominique', role: 'editor', password: 'motdepasse-autre' });
    editor = await logIn(site, 'redac@example.org', 'motdepasse-redac');
    other = await logIn(site, 'autre@example.org', 'motdepasse-autre');
  });
  after(() => site.close());

  const draft = (title: string) => createArticle(site.db, { sectionId, title, text: 'Premier jet.', status: 'draft', authorIds: [editorId], createdBy: editorId });
  const revisions = (id: number) =>
    site.db.kysely.selectFrom('revisions').select(['number', 'note', 'fields', 'user_id']).where('object_type', '=', 'article').where('object_id', '=', id).orderBy('number').execute();

  async function autosave(session: Session, id: number, fields: Record<string, string>): Promise<{ status: number; answer: AutosaveAnswer }> {
    const response = await postForm(site, session, `/ecrire/articles/${id}/brouillon`, { sectionId: String(sectionId), ...fields });
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    return { status: response.status, answer: (await response.json()) as AutosaveAnswer };
  }

  test('an autosave saves the form; a stretch of autosaves is one revision, which a save by hand closes', async () => {
    const article = await draft('Note sur le soin');
    const first = await autosave(editor, article.id, { title: 'Note sur le soin', text: 'Deuxième jet.', expectedUpdatedAt: article.updated_at });
    assert.equal(first.status, 200);
    assert.equal(first.answer.status, 'saved');
    assert.match(first.answer.message, /^Enregistré automatiquement à \d{2}:\d{2}\.$/);
    const saved = await loadArticle(site.db, article.id);
    assert.equal(saved?.text, 'Deuxième jet.');
    assert.equal(first.answer.updatedAt, saved?.updated_at, 'the version the next save builds on');
    let history = await revisions(article.id);
    assert.deepEqual(history.map((r) => [r.number, r.note]), [[1, 'Version initiale'], [2, 'Enregistrement automatique']]);

    const second = await autosave(editor, article.id, { title: 'Note sur le soin', text: 'Troisième jet.', expectedUpdatedAt: first.answer.updatedAt! });
    assert.equal(second.status, 200);
    assert.equal(second.answer.revision, 2, 'the same revision, updated in place');
    history = await revisions(article.id);
    assert.equal(history.length, 2);
    assert.equal(JSON.parse(history[1]!.fields).text, 'Troisième jet.');
    assert.equal(history[1]!.user_id, editorId);

    // Save by hand without further change: the autosave's revision becomes this save's.
    const byHand = await postForm(site, editor, `/ecrire/articles/${article.id}`, { title: 'Note sur le soin', sectionId: String(sectionId), text: 'Troisième jet.', expectedUpdatedAt: second.answer.updatedAt! });
    assert.equal(byHand.status, 303);
    history = await revisions(article.id);
    assert.deepEqual(history.map((r) => [r.number, r.note]), [[1, 'Version initiale'], [2, '']]);
    // The next autosave starts a new stretch: the saved version stays in the history.
    const after = (await loadArticle(site.db, article.id))!;
    assert.equal((await autosave(editor, article.id, { title: 'Note sur le soin', text: 'Quatrième jet.', expectedUpdatedAt: after.updated_at })).answer.revision, 3);
    assert.equal(JSON.parse((await revisions(article.id))[1]!.fields).text, 'Troisième jet.');
    // An autosave that changes nothing makes no revision.
    const unchanged = (await loadArticle(site.db, article.id))!;
    assert.equal((await autosave(editor, article.id, { title: 'Note sur le soin', text: 'Quatrième jet.', expectedUpdatedAt: unchanged.updated_at })).answer.revision, null);
    assert.equal((await revisions(article.id)).length, 3);
  });

  test('an autosave over a newer save is refused with a link to the revisions, and overwrites nothing', async () => {
    const article = await draft('Note partagée');
    // Someone else (an administrator, who may edit it) saves in between.
    const admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    assert.equal((await postForm(site, admin, `/ecrire/articles/${article.id}`, { title: 'Note partagée', sectionId: String(sectionId), text: 'Version de l’administrateur.', expectedUpdatedAt: article.updated_at })).status, 303);
    const stale = await autosave(editor, article.id, { title: 'Note partagée', text: 'Version de Camille.', expectedUpdatedAt: article.updated_at });
    assert.equal(stale.status, 409);
    assert.equal(stale.answer.status, 'conflict');
    assert.match(stale.answer.message, /Quelqu’un a enregistré cet article depuis que vous l’avez ouvert/);
    assert.deepEqual(stale.answer.link, { href: `/ecrire/articles/${article.id}/revisions`, label: 'Voir les révisions (nouvel onglet)' });
    assert.equal((await loadArticle(site.db, article.id))?.text, 'Version de l’administrateur.');
    assert.ok(!(await revisions(article.id)).some((r) => JSON.parse(r.fields).text === 'Version de Camille.'));
  });

  test('an autosave never changes the address; a save by hand does', async () => {
    const article = await draft('Adresse stable');
    const saved = await autosave(editor, article.id, { title: 'Adresse stable', slug: 'adresse-en-cours-de-fra', expectedUpdatedAt: article.updated_at });
    assert.equal(saved.status, 200);
    assert.equal((await loadArticle(site.db, article.id))?.slug, 'adresse-stable');
    assert.equal((await site.db.kysely.selectFrom('urls').select('path').where('object_type', '=', 'article').where('object_id', '=', article.id).execute()).length, 1, 'no trail of half-typed paths');
  });

  test('a published article is not autosaved (unfinished text would go online)', async () => {
    const admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    const article = await createArticle(site.db, { sectionId, title: 'En ligne', text: 'Texte publié.', status: 'published' });
    const refused = await autosave(admin, article.id, { title: 'En ligne', text: 'Texte inach', expectedUpdatedAt: article.updated_at });
    assert.equal(refused.status, 409);
    assert.equal(refused.answer.status, 'refused');
    assert.match(refused.answer.message, /Un article en ligne n’est pas enregistré automatiquement/);
    assert.equal((await loadArticle(site.db, article.id))?.text, 'Texte publié.');
    const page = await (await site.get(`/ecrire/articles/${article.id}`, { headers: { cookie: admin.cookie } })).text();
    assert.doesNotMatch(page, /data-autosave-url/, 'the editor does not try');
    assert.match(page, /il n’est pas enregistré automatiquement, pour ne pas publier un texte inachevé/);
  });

  test('an invalid form is answered with its field; the article is left as it was', async () => {
    const article = await draft('Titre à garder');
    const invalid = await autosave(editor, article.id, { title: '   ', text: 'Sans titre', expectedUpdatedAt: article.updated_at });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.answer.status, 'invalid');
    assert.match(invalid.answer.message, /^Pas enregistré automatiquement : titre/);
    assert.ok(invalid.answer.fields?.title);
    assert.equal((await loadArticle(site.db, article.id))?.title, 'Titre à garder');
  });

  test('the Save button’s permission check and CSRF protection hold', async () => {
    const article = await draft('Brouillon de Camille');
    // Dominique may not even see Camille's draft; a proposed one they see but may not edit.
    const hidden = await postForm(site, other, `/ecrire/articles/${article.id}/brouillon`, { title: 'Pris', sectionId: String(sectionId), expectedUpdatedAt: article.updated_at });
    assert.equal(hidden.status, 403);
    const proposed = await createArticle(site.db, { sectionId, title: 'Proposé par Camille', status: 'proposed', authorIds: [editorId] });
    const refused = await autosave(other, proposed.id, { title: 'Pris', expectedUpdatedAt: proposed.updated_at });
    assert.equal(refused.status, 403);
    assert.equal(refused.answer.status, 'refused');
    const noToken = await site.get(`/ecrire/articles/${article.id}/brouillon`, {
      method: 'POST',
      headers: { origin: site.url, cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ title: 'Sans jeton', sectionId: String(sectionId) }),
    });
    assert.equal(noToken.status, 403);
    const crossSite = await site.get(`/ecrire/articles/${article.id}/brouillon`, {
      method: 'POST',
      headers: { origin: 'https://ailleurs.example', cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: editor.csrf, title: 'D’ailleurs', sectionId: String(sectionId) }),
    });
    assert.equal(crossSite.status, 403);
    assert.equal((await loadArticle(site.db, article.id))?.title, 'Brouillon de Camille');
    assert.equal((await loadArticle(site.db, proposed.id))?.title, 'Proposé par Camille');
  });

  test('the editor of an article carries the autosave line and URL; a new article says it starts after a first save', async () => {
    const article = await draft('Avec autosave');
    const page = await (await site.get(`/ecrire/articles/${article.id}`, { headers: { cookie: editor.cookie } })).text();
    assert.match(page, new RegExp(`data-autosave-url="/ecrire/articles/${article.id}/brouillon"`));
    assert.match(page, /<script src="\/ecrire\/assets\/autosave\.js\?v=[0-9a-f]+"/);
    assert.match(page, /id="autosave-status"[^>]*hidden/, 'hidden until the script runs: without it nothing is autosaved');
    const fresh = await (await site.get('/ecrire/articles/nouveau', { headers: { cookie: editor.cookie } })).text();
    assert.doesNotMatch(fresh, /data-autosave-url/);
    assert.match(fresh, /Enregistrez l’article une première fois : il sera ensuite enregistré automatiquement\./);
  });
});
