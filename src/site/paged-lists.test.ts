// Numbered pages of every public list over HTTP, on both databases: a section (with its only sub-section), a
// keyword, an author, search results, the archive (all, a year, a month in Paris time) and a glossary term. Each
// list: page 2's content, rel prev/next and the canonical address of each page, 301 from ?page=1, the theme's
// French 404 for nonsense and for a page past the end. Also: migration 029 moves an article slugged `archives`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { saveKeyword, saveKeywordGroup } from '../keywords/index.ts';
import { createUser } from '../users/index.ts';
import { saveTerm } from '../glossary/index.ts';
import { up as moveArchivesSlug } from '../db/migrations/029-archives-slug.ts';

const ARTICLES = 45;
const hour = 3_600_000;
/** Article i is published i hours after noon UTC on 1 March 2024: the newest is 44, all in March (Paris). */
const publishedAt = (i: number) => new Date(Date.UTC(2024, 2, 1, 12) + i * hour).toISOString();
const title = (i: number) => `Étude numéro ${i}`;

const cardTitles = (html: string) => [...html.matchAll(/class="card__title"><a href="\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
const headLink = (html: string, rel: string) => html.match(new RegExp(`<link rel="${rel}" href="([^"]+)">`))?.[1] ?? null;

forEachDialect('numbered pages of the public lists', (dialect) => {
  let site: TestSite;
  let authorSlug = '';
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const studies = await createSection(site.db, { title: 'Études' });
    const notes = await createSection(site.db, { title: 'Notes', parentId: studies.id });
    const other = await createSection(site.db, { title: 'Divers' });
    const group = await saveKeywordGroup(site.db, { title: 'Thèmes' });
    const keyword = await saveKeyword(site.db, { groupId: group.id, title: 'Emploi' });
    const { user } = await createUser(site.db, { email: 'camille@example.org', name: 'Camille Martin', role: 'editor', password: 'motdepasse-camille' });
    authorSlug = (await site.db.kysely.selectFrom('users').select('slug').where('id', '=', user.id).executeTakeFirstOrThrow()).slug;
    await saveTerm(site.db, { term: 'Coopérative', definition: 'Une entreprise détenue par ses membres.' });
    for (let i = 0; i < ARTICLES; i++) {
      const tagged = i % 9 !== 0; // 40 of 45
      await createArticle(site.db, {
        sectionId: i % 2 ? notes.id : studies.id,
        title: title(i),
        text: tagged ? `Une coopérative, étude ${i}.` : `Une association, étude ${i}.`,
        status: 'published',
        publishedAt: publishedAt(i),
        ...(i < 25 ? { keywordIds: [keyword.id], authorIds: [user.id] } : {}),
      });
    }
    // 00:30 on 1 January 2024 in Paris: the archive files it under January 2024, not December 2023.
    await createArticle(site.db, { sectionId: other.id, title: 'Premier de l’an', status: 'published', publishedAt: '2023-12-31T23:30:00.000Z' });
    await createArticle(site.db, { sectionId: other.id, title: 'Été 2023', status: 'published', publishedAt: '2023-06-15T10:00:00.000Z' });
    // Never listed anywhere.
    await createArticle(site.db, { sectionId: studies.id, title: 'Brouillon caché', text: 'Une coopérative.', status: 'draft', keywordIds: [keyword.id] });
    await createArticle(site.db, { sectionId: studies.id, title: 'Annonce future', text: 'Une coopérative.', status: 'published', publishedAt: new Date(Date.now() + 86_400_000).toISOString(), keywordIds: [keyword.id] });
  });
  after(() => site.close());

  /** Titles of the newest-first list of articles `is`, page `page`. */
  const expected = (indexes: number[], page: number) => indexes.sort((a, b) => b - a).slice((page - 1) * 20, page * 20).map(title);
  const range = (n: number, keep: (i: number) => boolean = () => true) => Array.from({ length: n }, (_, i) => i).filter(keep);

  /** The pages of a list at `path` with `pages` pages: content of page 2, head links, canonical, 301, 404s. */
  async function checkList(path: string, pages: number, page2: string[] | null) {
    const sep = path.includes('?') ? '&' : '?';
    const first = await site.get(path);
    assert.equal(first.status, 200, path);
    const firstHtml = await first.text();
    assert.equal(headLink(firstHtml, 'prev'), null, `${path}: no rel=prev on page 1`);
    assert.equal(headLink(firstHtml, 'next'), `${path}${sep}page=2`.replaceAll('&', '&amp;'), `${path}: rel=next`);
    assert.match(firstHtml, /<nav class="pagination" aria-label="Pages de la liste">/);
    assert.match(firstHtml, /aria-current="page"><span class="visually-hidden">Page <\/span>1</);

    const second = await site.get(`${path}${sep}page=2`);
    assert.equal(second.status, 200);
    const html = await second.text();
    if (page2) assert.deepEqual(cardTitles(html), page2, `${path}: page 2`);
    assert.equal(headLink(html, 'prev'), path.replaceAll('&', '&amp;'), `${path} page 2: rel=prev is the list's own address`);
    assert.equal(headLink(html, 'next'), pages > 2 ? `${path}${sep}page=3`.replaceAll('&', '&amp;') : null);
    assert.match(html, /<title>[^<]* — page 2 — /, 'the title says the page');

    const redirect = await site.get(`${path}${sep}page=1`);
    assert.equal(redirect.status, 301, `${path}?page=1`);
    assert.equal(redirect.headers.get('location'), path);

    for (const nonsense of ['0', '-1', 'abc', '1.5', '02', '', String(pages + 1), '99999999999']) {
      const response = await site.get(`${path}${sep}page=${encodeURIComponent(nonsense)}`);
      assert.equal(response.status, 404, `${path}?page=${nonsense}`);
      assert.match(await response.text(), /Page introuvable/, 'the theme’s French 404');
    }
    return html;
  }

  test('a section: its subtree’s articles in pages of 20, canonical and rel prev/next per page, its only sub-section listed', async () => {
    const html = await checkList('/rubrique/etudes', 3, expected(range(ARTICLES), 2));
    assert.match(html, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:\d+\/rubrique\/etudes\?page=2">/);
    assert.match(html, /<link rel="next" href="\/rubrique\/etudes\?page=3">/);
    const first = await (await site.get('/rubrique/etudes')).text();
    assert.match(first, /<link rel="canonical" href="http:\/\/127\.0\.0\.1:\d+\/rubrique\/etudes">/);
    assert.match(first, /<section class="aside__block" aria-labelledby="sous-rubriques">[\s\S]*href="\/rubrique\/notes"/, 'the single sub-section is listed');
    const third = await (await site.get('/rubrique/etudes?page=3')).text();
    assert.deepEqual(cardTitles(third), expected(range(ARTICLES), 3));
    assert.doesNotMatch(first + html + third, /Brouillon caché|Annonce future/);
    const notes = await (await site.get('/rubrique/notes?page=2')).text();
    assert.deepEqual(cardTitles(notes), expected(range(ARTICLES, (i) => i % 2 === 1), 2));
  });

  test('a keyword and an author: their articles in pages', async () => {
    await checkList('/mot/emploi', 2, expected(range(25), 2));
    await checkList(`/auteur/${authorSlug}`, 2, expected(range(25), 2));
  });

  test('search results in numbered pages of 20', async () => {
    const path = `/recherche?q=${encodeURIComponent('coopérative')}`;
    // 41 results: the 40 articles and the glossary's own entry.
    const html = await checkList(path, 3, null);
    assert.equal((html.match(/class="search-result /g) ?? []).length, 20);
    assert.equal((await site.get('/recherche?q=&page=2')).status, 404, 'no second page of nothing');
  });

  test('the archive: every article newest first, the years, a year’s months, a month’s articles (Paris time)', async () => {
    const all = [...range(ARTICLES).sort((a, b) => b - a).map(title), 'Premier de l’an', 'Été 2023'];
    const html = await checkList('/archives', 3, all.slice(20, 40));
    assert.deepEqual(cardTitles(await (await site.get('/archives?page=3')).text()), all.slice(40));
    assert.match(html, /<a href="\/archives\/2024">2024<\/a> <span class="archive-count">\(46\)<\/span>/);
    assert.match(html, /<a href="\/archives\/2023">2023<\/a> <span class="archive-count">\(1\)<\/span>/);
    const year = await (await site.get('/archives/2024')).text();
    assert.match(year, /<h1>Archives 2024<\/h1>/);
    assert.match(year, /<a href="\/archives\/2024\/03">Mars<\/a> <span class="archive-count">45 article\(s\)<\/span>[\s\S]*<a href="\/archives\/2024\/01">Janvier<\/a>/);
    assert.doesNotMatch(await (await site.get('/archives/2023')).text(), /Décembre/, 'the 23:30 UTC article is January in Paris');
    assert.equal((await site.get('/archives/2024?page=2')).status, 404, 'a year is one page');
    assert.equal((await site.get('/archives/2024?page=1')).status, 301);
    await checkList('/archives/2024/03', 3, expected(range(ARTICLES), 2));
    assert.match(await (await site.get('/archives/2024/03')).text(), /<h1>Mars 2024<\/h1>[\s\S]*<h2 id="archives-articles" class="block-title">Publiés en mars 2024<\/h2>/);
    assert.deepEqual(cardTitles(await (await site.get('/archives/2024/01')).text()), ['Premier de l’an']);
    for (const path of ['/archives/2023/12', '/archives/2024/13', '/archives/2024/00', '/archives/2024/3', '/archives/24', '/archives/abcd', '/archives/1999', '/archives/2024/03/01', '/archives/-2024']) {
      const response = await site.get(path);
      assert.equal(response.status, 404, path);
      assert.match(await response.text(), /Page introuvable/);
    }
  });

  test('the home page and the footer link to the archive', async () => {
    const home = await (await site.get('/')).text();
    assert.match(home, /<a class="block-head__more" href="\/archives">Toutes les publications/);
    assert.match(home, /<footer[\s\S]*<a href="\/archives">Archives<\/a>/);
  });

  test('the glossary shows five articles per term and a link to the term’s page, which lists them all in pages', async () => {
    const index = await (await site.get('/glossaire')).text();
    const entry = index.slice(index.indexOf('id="cooperative"'));
    assert.equal((entry.match(/<li><a href="\/etude-numero-/g) ?? []).length, 5);
    assert.match(entry, /<a href="\/glossaire\/cooperative">Tous les articles \(40\)/);
    const tagged = range(ARTICLES, (i) => i % 9 !== 0);
    const page2 = await checkList('/glossaire/cooperative', 2, null);
    const listed = [...page2.matchAll(/<li><a href="\/etude-numero-\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(listed, expected(tagged, 2));
    assert.match(page2, /Une entreprise détenue par ses membres/);
    assert.equal((await site.get('/glossaire/inconnu')).status, 404);
  });

  test('migration 029: an article slugged `archives` moves to archives-2, its old path answering 301 where it still resolves', async () => {
    const now = new Date().toISOString();
    const section = await site.db.kysely.selectFrom('sections').select('id').where('slug', '=', 'divers').executeTakeFirstOrThrow();
    const row = await site.db.kysely
      .insertInto('articles')
      .values({ section_id: section.id, slug: 'archives', title: 'Nos archives', status: 'published', published_at: '2020-01-10T10:00:00.000Z', created_at: now, updated_at: now } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await site.db.kysely.insertInto('urls').values({ path: '/archives', object_type: 'article', object_id: row.id, is_current: 1, created_at: now }).execute();
    await moveArchivesSlug(site.db.kysely as never);
    await site.db.write(async () => {}); // as after a migration at start: no page cached before it is served again
    const moved = await site.db.kysely.selectFrom('articles').select('slug').where('id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(moved.slug, 'archives-2');
    assert.equal((await site.get('/archives-2')).status, 200);
    const print = await site.get('/imprimer/archives');
    assert.equal(print.status, 301);
    assert.equal(print.headers.get('location'), '/imprimer/archives-2');
    assert.match(await (await site.get('/archives')).text(), /<h1>Archives<\/h1>/, '/archives is the archive');
    // A new article may not take the reserved slug.
    const created = await createArticle(site.db, { sectionId: section.id, title: 'Archives', status: 'published' });
    const slug = (await site.db.kysely.selectFrom('articles').select('slug').where('id', '=', created.id).executeTakeFirstOrThrow()).slug;
    assert.notEqual(slug, 'archives');
  });
});
