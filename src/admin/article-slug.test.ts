// The editor's "Adresse (URL)" field on both databases (issue 18, item 4): a new address is written in `urls` and
// the old one answers 301 to it; a bad one (uppercase, spaces, a path of the site, another article's) gets a French
// message on the field and nothing of the form is saved; a new article may be given its address.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createSection } from '../sections/index.ts';
import { createArticle, loadArticle } from '../articles/index.ts';

forEachDialect('back office: an article’s address', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let sectionId: number;

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    sectionId = (await createSection(site.db, { title: 'Analyses' })).id;
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  const paths = (id: number) => site.db.kysely.selectFrom('urls').select(['path', 'is_current']).where('object_type', '=', 'article').where('object_id', '=', id).orderBy('id').execute();

  test('a new address is current and the old one answers 301 to it', async () => {
    const article = await createArticle(site.db, { sectionId, title: 'Le logement social en 2024', text: 'Un état des lieux.', status: 'published' });
    assert.match(await adminPage(site, admin, `/ecrire/articles/${article.id}`), /<input type="text" id="f-slug" name="slug" value="le-logement-social-en-2024"/);
    const saved = await postForm(site, admin, `/ecrire/articles/${article.id}`, { title: 'Le logement social en 2024', sectionId: String(sectionId), text: 'Un état des lieux.', slug: 'logement-social-etat-des-lieux', expectedUpdatedAt: article.updated_at });
    assert.equal(saved.status, 303);
    assert.equal((await loadArticle(site.db, article.id))?.slug, 'logement-social-etat-des-lieux');
    assert.deepEqual(await paths(article.id), [
      { path: '/le-logement-social-en-2024', is_current: 0 },
      { path: '/logement-social-etat-des-lieux', is_current: 1 },
    ]);
    const old = await site.get('/le-logement-social-en-2024');
    assert.equal(old.status, 301);
    assert.equal(old.headers.get('location'), '/logement-social-etat-des-lieux');
    assert.equal((await site.get('/logement-social-etat-des-lieux')).status, 200);

    // Back to the first address: it is current again, and the second one redirects.
    const current = (await loadArticle(site.db, article.id))!;
    assert.equal((await postForm(site, admin, `/ecrire/articles/${article.id}`, { title: current.title, sectionId: String(sectionId), text: current.text, slug: 'le-logement-social-en-2024', expectedUpdatedAt: current.updated_at })).status, 303);
    assert.equal((await site.get('/le-logement-social-en-2024')).status, 200);
    assert.equal((await site.get('/logement-social-etat-des-lieux')).headers.get('location'), '/le-logement-social-en-2024');
  });

  test('a bad address is refused on its field, in French, and nothing of the form is saved', async () => {
    const taken = await createArticle(site.db, { sectionId, title: 'Adresse prise', status: 'draft' });
    const article = await createArticle(site.db, { sectionId, title: 'Titre d’origine', text: 'Texte d’origine.', status: 'draft' });
    const cases: [string, RegExp][] = [
      ['Avec-Majuscules', /lettres minuscules sans accent, chiffres et tirets/],
      ['avec des espaces', /lettres minuscules sans accent, chiffres et tirets/],
      ['ecrire', /adresse réservée par le site/],
      ['rss.xml', /adresse réservée par le site/],
      [taken.slug, /adresse déjà utilisée par un autre contenu/],
    ];
    for (const [slug, message] of cases) {
      const refused = await postForm(site, admin, `/ecrire/articles/${article.id}`, { title: 'Titre changé', sectionId: String(sectionId), text: 'Texte changé.', slug, expectedUpdatedAt: article.updated_at });
      assert.equal(refused.status, 400, slug);
      const page = await refused.text();
      const fieldError = /<p class="error" id="e-slug">([^<]*)<\/p>/.exec(page)?.[1];
      assert.match(fieldError ?? '', message, `${slug}: the message sits on the field`);
      assert.match(page, /aria-invalid="true"/);
      assert.match(page, /Texte changé\./, 'what was typed is kept');
    }
    const after = await loadArticle(site.db, article.id);
    assert.deepEqual([after?.title, after?.text, after?.slug, after?.updated_at], ['Titre d’origine', 'Texte d’origine.', article.slug, article.updated_at], 'nothing saved');
    assert.deepEqual(await paths(article.id), [{ path: `/${article.slug}`, is_current: 1 }]);
  });

  test('a new article takes the address typed, or one made from its title; a bad one creates nothing', async () => {
    const typed = await postForm(site, admin, '/ecrire/articles/nouveau', { title: 'Une note très longue sur la dette', sectionId: String(sectionId), slug: 'note-dette' });
    assert.equal(typed.status, 303);
    const id = Number(/articles\/(\d+)/.exec(typed.headers.get('location')!)![1]);
    assert.equal((await loadArticle(site.db, id))?.slug, 'note-dette');
    const fromTitle = await postForm(site, admin, '/ecrire/articles/nouveau', { title: 'Sans adresse tapée', sectionId: String(sectionId), slug: '' });
    const other = Number(/articles\/(\d+)/.exec(fromTitle.headers.get('location')!)![1]);
    assert.equal((await loadArticle(site.db, other))?.slug, 'sans-adresse-tapee');
    const count = async () => Number((await site.db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const refused = await postForm(site, admin, '/ecrire/articles/nouveau', { title: 'Encore une note', sectionId: String(sectionId), slug: 'note-dette' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /<p class="error" id="e-slug">adresse déjà utilisée par un autre contenu<\/p>/);
    assert.equal(await count(), before);
  });
});
