// Who gets which editor, on both databases (issue 18, item 4): an article the user may not edit opens read-only
// (its text rendered, no form, no Save button, a notice saying who may edit it, only the workflow buttons the user
// may press), and posting anyway stays a 403 that changes nothing; a restricted administrator's new article starts
// in one of their sections, the only ones offered; an article without author saves (it used to be a 500 on
// PostgreSQL).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createSection } from '../sections/index.ts';
import { createArticle, loadArticle } from '../articles/index.ts';
import { createUser } from '../users/index.ts';

const READ_ONLY = 'Vous pouvez lire cet article ; seuls ses auteurs et les administrateurs de la rubrique peuvent le modifier.';

/** The options of the editor's section select: value, label, selected, disabled. */
function sectionOptions(page: string): { value: string; label: string; selected: boolean; disabled: boolean }[] {
  const select = /<select id="f-sectionId"[^>]*>([\s\S]*?)<\/select>/.exec(page)?.[1] ?? '';
  return [...select.matchAll(/<option([^>]*)>([^<]*)<\/option>/g)].map(([, attributes, label]) => ({
    value: /value="(\d+)"/.exec(attributes!)?.[1] ?? '',
    label: label!.replace(/\u00a0/g, '').trim(),
    selected: /\bselected\b/.test(attributes!),
    disabled: /\bdisabled\b/.test(attributes!),
  }));
}

forEachDialect('back office: who may edit an article', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let editor: Session;
  let restricted: Session;
  let editorId: number;
  let otherId: number;
  const sections = { mine: 0, below: 0, elsewhere: 0 };

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    sections.elsewhere = (await createSection(site.db, { title: 'Ailleurs' })).id;
    sections.mine = (await createSection(site.db, { title: 'Dedans' })).id;
    sections.below = (await createSection(site.db, { title: 'Sous-rubrique', parentId: sections.mine })).id;
    editorId = (await createUser(site.db, { email: 'redac@example.org', name: 'Camille Rédactrice', role: 'editor', password: 'motdepasse-redac' })).user.id;
    otherId = (await createUser(site.db, { email: 'autre@example.org', name: 'Dominique Autre', role: 'editor', password: 'motdepasse-autre' })).user.id;
    await createUser(site.db, { email: 'restreint@example.org', name: 'Rémi Restreint', role: 'administrator', password: 'motdepasse-restreint', sections: [sections.mine] });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    editor = await logIn(site, 'redac@example.org', 'motdepasse-redac');
    restricted = await logIn(site, 'restreint@example.org', 'motdepasse-restreint');
  });
  after(() => site.close());

  test('someone else’s proposed article opens read-only for an editor; posting anyway is a 403 that changes nothing', async () => {
    const article = await createArticle(site.db, { sectionId: sections.elsewhere, title: 'Le rapport de Dominique', text: 'Un texte {{important}}.', status: 'proposed', authorIds: [otherId] });
    const page = await adminPage(site, editor, `/ecrire/articles/${article.id}`);
    assert.ok(page.includes(READ_ONLY), 'the notice says why and who may edit');
    assert.doesNotMatch(page, /id="article-form"/, 'no editing form');
    assert.doesNotMatch(page, />Enregistrer</, 'no Save button');
    assert.doesNotMatch(page, /name="title"/);
    assert.match(page, /<strong[^>]*>important<\/strong>/, 'the text is shown rendered');
    assert.match(page, /Dominique Autre/, 'its authors are named');
    assert.doesNotMatch(page, /name="action"/, 'no workflow button the editor may not press');
    assert.match(page, /action="\/ecrire\/articles\/\d+\/discussion"/, 'the team discussion stays open to them');
    assert.doesNotMatch(page, /autosave\.js/, 'no autosave script on a read-only page');

    const before = await loadArticle(site.db, article.id);
    const posted = await postForm(site, editor, `/ecrire/articles/${article.id}`, { title: 'Changé', sectionId: String(sections.elsewhere), text: 'Remplacé', expectedUpdatedAt: before!.updated_at });
    assert.equal(posted.status, 403);
    const autosaved = await postForm(site, editor, `/ecrire/articles/${article.id}/brouillon`, { title: 'Changé', sectionId: String(sections.elsewhere), text: 'Remplacé', expectedUpdatedAt: before!.updated_at });
    assert.equal(autosaved.status, 403);
    assert.deepEqual(await loadArticle(site.db, article.id), before, 'nothing changed');
  });

  test('an author’s published article is read-only for them, and says that only administrators may now edit it', async () => {
    const article = await createArticle(site.db, { sectionId: sections.elsewhere, title: 'Publié de Camille', status: 'published', authorIds: [editorId] });
    const page = await adminPage(site, editor, `/ecrire/articles/${article.id}`);
    assert.match(page, /Vous pouvez lire cet article ; comme il est publié en ligne, seuls les administrateurs de la rubrique peuvent le modifier\./);
    assert.doesNotMatch(page, /id="article-form"/);
    assert.doesNotMatch(page, /name="action"/, 'an author may not unpublish nor trash a published article');
    assert.equal((await postForm(site, editor, `/ecrire/articles/${article.id}`, { title: 'Changé', sectionId: String(sections.elsewhere) })).status, 403);
  });

  test('the workflow buttons are those the user may press: an author withdraws, an administrator publishes', async () => {
    const article = await createArticle(site.db, { sectionId: sections.mine, title: 'Proposé par Camille', status: 'proposed', authorIds: [editorId] });
    const own = await adminPage(site, editor, `/ecrire/articles/${article.id}`);
    assert.match(own, /id="article-form"/, 'an author edits a proposed article');
    assert.match(own, /value="withdraw"/);
    assert.doesNotMatch(own, /value="publish"|value="refuse"|value="schedule"/);
    const restrictedPage = await adminPage(site, restricted, `/ecrire/articles/${article.id}`);
    assert.match(restrictedPage, /id="article-form"/, 'the section’s administrator edits it');
    assert.match(restrictedPage, /value="publish"/);
    const elsewhere = await createArticle(site.db, { sectionId: sections.elsewhere, title: 'Proposé ailleurs', status: 'proposed', authorIds: [otherId] });
    const outside = await adminPage(site, restricted, `/ecrire/articles/${elsewhere.id}`);
    assert.ok(outside.includes(READ_ONLY), 'outside their sections, a restricted administrator reads');
    assert.doesNotMatch(outside, /name="action"/);
    assert.equal((await postForm(site, restricted, `/ecrire/articles/${elsewhere.id}/statut`, { action: 'publish' })).status, 403);
  });

  test('a restricted administrator’s new article starts in one of their sections, the only ones offered', async () => {
    const options = sectionOptions(await adminPage(site, restricted, '/ecrire/articles/nouveau'));
    assert.deepEqual(options.filter((o) => !o.disabled).map((o) => o.label), ['Dedans', 'Sous-rubrique']);
    assert.ok(!options.some((o) => o.label === 'Ailleurs'), 'a section they cannot use is not offered');
    assert.deepEqual(options.filter((o) => o.selected).map((o) => o.value), [String(sections.mine)]);
    const asked = sectionOptions(await adminPage(site, restricted, `/ecrire/articles/nouveau?rubrique=${sections.below}`));
    assert.deepEqual(asked.filter((o) => o.selected).map((o) => o.value), [String(sections.below)]);
    const refusedAsk = sectionOptions(await adminPage(site, restricted, `/ecrire/articles/nouveau?rubrique=${sections.elsewhere}`));
    assert.deepEqual(refusedAsk.filter((o) => o.selected).map((o) => o.value), [String(sections.mine)], 'never a section they cannot use');

    const count = async () => (await site.db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = Number(await count());
    const refused = await postForm(site, restricted, '/ecrire/articles/nouveau', { title: 'Hors de mes rubriques', sectionId: String(sections.elsewhere) });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /Vous ne pouvez pas écrire d’article dans cette rubrique/);
    assert.equal(Number(await count()), before, 'nothing created');
    assert.equal((await postForm(site, restricted, '/ecrire/articles/nouveau', { title: 'Dans ma rubrique', sectionId: String(sections.below) })).status, 303);

    // Editors and full administrators are offered every section.
    for (const session of [editor, admin]) {
      const all = sectionOptions(await adminPage(site, session, '/ecrire/articles/nouveau'));
      assert.deepEqual(all.filter((o) => !o.disabled).map((o) => o.label).sort(), ['Ailleurs', 'Dedans', 'Sous-rubrique']);
    }
  });

  test('a restricted administrator’s article outside their sections keeps its section in the list, and cannot be moved out of theirs', async () => {
    const restrictedId = (await site.db.kysely.selectFrom('users').select('id').where('email', '=', 'restreint@example.org').executeTakeFirstOrThrow()).id;
    const theirs = await createArticle(site.db, { sectionId: sections.elsewhere, title: 'Ancien brouillon ailleurs', status: 'draft', authorIds: [restrictedId] });
    const options = sectionOptions(await adminPage(site, restricted, `/ecrire/articles/${theirs.id}`));
    assert.deepEqual(options.filter((o) => o.selected).map((o) => o.label), ['Ailleurs'], 'saving does not move it by itself');
    const inside = await createArticle(site.db, { sectionId: sections.mine, title: 'Dans Dedans', status: 'draft', authorIds: [restrictedId] });
    const moved = await postForm(site, restricted, `/ecrire/articles/${inside.id}`, { title: 'Dans Dedans', sectionId: String(sections.elsewhere) });
    assert.equal(moved.status, 403);
    assert.equal((await loadArticle(site.db, inside.id))?.section_id, sections.mine);
  });

  // Issue 18: saving an article without author built `where id in ()` from an empty list, a 500 on PostgreSQL.
  test('an article without author (an imported one) saves, by an administrator and by the section’s restricted administrator', async () => {
    const article = await createArticle(site.db, { sectionId: sections.mine, title: 'Importé sans auteur', status: 'published' });
    assert.equal((await postForm(site, admin, `/ecrire/articles/${article.id}`, { title: 'Importé sans auteur', sectionId: String(sections.mine), text: 'Corrigé.' })).status, 303);
    assert.equal((await loadArticle(site.db, article.id))?.text, 'Corrigé.');
    assert.equal((await site.db.kysely.selectFrom('article_authors').selectAll().where('article_id', '=', article.id).execute()).length, 0, 'still without author');
    const page = await adminPage(site, restricted, `/ecrire/articles/${article.id}`);
    assert.match(page, /id="article-form"/);
    assert.equal((await postForm(site, restricted, `/ecrire/articles/${article.id}`, { title: 'Importé sans auteur', sectionId: String(sections.mine), text: 'Corrigé deux fois.' })).status, 303);
    assert.equal((await loadArticle(site.db, article.id))?.text, 'Corrigé deux fois.');
    // Someone who is not an administrator sees it read-only (nobody is its author).
    assert.ok((await adminPage(site, editor, `/ecrire/articles/${article.id}`)).includes('comme il est publié en ligne'));
  });
});
