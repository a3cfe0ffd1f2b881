// "Voir en ligne" on both databases (issue 18): an article, a section, a keyword and an author show the link to
// their public page only while that page answers, and the link answers 200; a draft, a scheduled article, a
// section with nothing public and an account signing nothing public show none.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { createUser } from '../users/index.ts';
import { saveKeyword, saveKeywordGroup } from '../keywords/index.ts';

forEachDialect('back office: Voir en ligne', (dialect) => {
  let site: TestSite;
  let admin: Session;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  /** The href of the page's "Voir en ligne" link, if it has one. */
  async function seeOnline(path: string): Promise<string | undefined> {
    const html = await adminPage(site, admin, path);
    return /<a href="([^"]+)">Voir en ligne<\/a>/.exec(html)?.[1];
  }

  async function answers(href: string): Promise<number> {
    const response = await site.get(href);
    await response.arrayBuffer();
    return response.status;
  }

  test('articles: only while public; sections: only with public content', async () => {
    const empty = await createSection(site.db, { title: 'Rubrique vide' });
    const full = await createSection(site.db, { title: 'Rubrique pleine' });
    const author = (await createUser(site.db, { email: 'signe@example.org', name: 'Sacha Signe', role: 'editor', password: 'motdepasse-signe' })).user;
    const silent = (await createUser(site.db, { email: 'muet@example.org', name: 'Muet', role: 'editor', password: 'motdepasse-muet' })).user;
    const draft = await createArticle(site.db, { sectionId: empty.id, title: 'Un brouillon', authorIds: [silent.id] });
    const scheduled = await createArticle(site.db, { sectionId: empty.id, title: 'Pour demain', status: 'published', publishedAt: new Date(Date.now() + 86_400_000).toISOString(), authorIds: [silent.id] });
    const online = await createArticle(site.db, { sectionId: full.id, title: 'En ligne', status: 'published', publishedAt: new Date(Date.now() - 60_000).toISOString(), authorIds: [author.id] });

    assert.equal(await seeOnline(`/ecrire/articles/${draft.id}`), undefined);
    assert.equal(await seeOnline(`/ecrire/articles/${scheduled.id}`), undefined);
    const articleLink = await seeOnline(`/ecrire/articles/${online.id}`);
    assert.equal(articleLink, '/en-ligne');
    assert.equal(await answers(articleLink!), 200);

    assert.equal(await seeOnline(`/ecrire/rubriques/${empty.id}`), undefined);
    const sectionLink = await seeOnline(`/ecrire/rubriques/${full.id}`);
    assert.ok(sectionLink);
    assert.equal(await answers(sectionLink), 200);
    assert.equal(await answers(`/rubrique/${empty.slug}`), 404, 'the link left out would have led to a 404');

    assert.equal(await seeOnline(`/ecrire/auteurs/${silent.id}`), undefined);
    const authorLink = await seeOnline(`/ecrire/auteurs/${author.id}`);
    assert.equal(authorLink, '/auteur/sacha-signe');
    assert.equal(await answers(authorLink), 200);
  });

  test('keywords: their page always answers', async () => {
    const group = await saveKeywordGroup(site.db, { title: 'Thèmes', appliesTo: ['article'] });
    const keyword = await saveKeyword(site.db, { groupId: group.id, title: 'Travail' });
    const link = await seeOnline(`/ecrire/mots/${keyword.id}`);
    assert.equal(link, '/mot/travail');
    assert.equal(await answers(link), 200);
  });

  test('my profile links to my author page once I sign a public article', async () => {
    const me = await logIn(site, 'signe@example.org', 'motdepasse-signe');
    assert.match(await adminPage(site, me, '/ecrire/profil'), /<a href="\/auteur\/sacha-signe">Voir ma page d’auteur<\/a>/);
    const silent = await logIn(site, 'muet@example.org', 'motdepasse-muet');
    assert.doesNotMatch(await adminPage(site, silent, '/ecrire/profil'), /Voir ma page d’auteur/);
  });
});
