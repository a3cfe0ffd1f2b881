// The glossary as readers and administrators meet it, on SQLite and on PostgreSQL (issue 16, item 4): internal
// links in a term's presentation lead to their targets, a short definition written on two lines keeps the
// space between them, the occurrence setting is in Réglages and changes what articles mark, and the demo
// article marks its terms where the seed page (test/fixtures/seed/labo-ess-niort-article.txt) does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from './helpers/back-office.ts';
import { typo } from '../src/markup/index.ts';
import { createArticle } from '../src/articles/operations/create-article.ts';

const ARTICLE = '/benoit-hamon-en-visite-a-niort';

/** The glossary marks of an article page, in reading order (lead, then text), as term slugs. */
function marks(html: string): string[] {
  return [...html.matchAll(/class="glossary-term"><a href="\/glossaire#([^"]+)"/g)].map((m) => m[1]!);
}

/** One entry of /glossaire, from its heading to the next entry. */
function entry(html: string, slug: string): string {
  const start = html.indexOf(`<h3 id="${slug}"`);
  assert.ok(start >= 0, `entry ${slug}`);
  const end = html.indexOf('<section class="glossary-entry"', start);
  return html.slice(start, end < 0 ? undefined : end);
}

test('typo() keeps a newline as white space: a two-line text does not run its lines together', () => {
  assert.equal(typo('Qu’est-ce que l’ESS ?\nDéfinition'), 'Qu’est-ce que l’ESS&nbsp;?\nDéfinition');
  assert.equal(typo('une ligne\nune autre'), 'une ligne\nune autre');
});

forEachDialect('glossary (issue 16)', (dialect) => {
  let site: TestSite;
  let admin: Session;
  before(async () => {
    site = await startTestSite(dialect);
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('the demo article marks PTCE twice, SCOP, ESS and RSE once, where the seed page does', async () => {
    // The seed page marks, in reading order: PTCE in its first paragraph (the article's chapô), then in the
    // text SCOP, ESS, PTCE again (« niortais (PTCE) ») and RSE; « PTCE niortais », the later SCOP and ESS are
    // not marked. SPIP's glossary marks the first occurrence in each field it filters (#CHAPO, #TEXTE).
    const html = await (await site.get(ARTICLE)).text();
    assert.deepEqual(marks(html), ['ptce', 'scop', 'ess', 'ptce', 'rse']);
    const lead = html.slice(html.indexOf('class="article__lead'), html.indexOf('class="article__text'));
    assert.deepEqual(marks(lead), ['ptce'], 'the first paragraph is the chapô, with its own PTCE');
  });

  test('a short definition on two lines reads with a space between them, on /glossaire and in print', async () => {
    const glossary = await (await site.get('/glossaire')).text();
    assert.match(entry(glossary, 'ess'), /\(ESS\)&nbsp;\?\s+Définition et présentation/);
    const print = await (await site.get(`/imprimer${ARTICLE}`)).text();
    assert.match(print, /\(ESS\)&nbsp;\?\s+Définition et présentation/);
    // The tooltip in the article too.
    const article = await (await site.get(ARTICLE)).text();
    assert.match(article, /\(ESS\)&nbsp;\?\s+Définition et présentation/);
  });

  test('an internal link in a presentation leads to its target; one to an unpublished article stays broken', async () => {
    const niort = await site.db.kysely.selectFrom('articles').select(['id', 'section_id']).where('slug', '=', ARTICLE.slice(1)).executeTakeFirstOrThrow();
    const draft = await createArticle(site.db, { sectionId: niort.section_id!, title: 'Brouillon sur les AMAP', text: 'Pas encore publié.', status: 'draft' });
    const draftId = draft.id;
    const created = await postForm(site, admin, '/ecrire/glossaire/nouveau', {
      term: 'AMAP',
      definition: 'Association pour le maintien d’une agriculture paysanne.',
      presentation: `Voir [->art${niort.id}], [la visite->art${niort.id}] et [le brouillon->art${draftId}].`,
    });
    assert.equal(created.status, 303);
    const html = entry(await (await site.get('/glossaire')).text(), 'amap');
    assert.match(html, new RegExp(`<a href="${ARTICLE}"[^>]*>Benoît Hamon en visite à Niort</a>`));
    assert.match(html, new RegExp(`<a href="${ARTICLE}"[^>]*>la visite</a>`));
    assert.doesNotMatch(html, new RegExp(`href="[^"]*art${niort.id}`));
    assert.doesNotMatch(html, /Brouillon sur les AMAP|href="[^"]*art\d/);
    assert.match(html, /spip_lien_invalide[^>]*>le brouillon/);
  });

  test('Réglages offers the occurrence setting; each choice changes what the article marks', async () => {
    const form = await adminPage(site, admin, '/ecrire/reglages');
    assert.match(form, /<select id="champ-glossaryOccurrences" name="glossaryOccurrences"/);
    for (const value of ['first', 'field', 'paragraph', 'all']) assert.match(form, new RegExp(`<option value="${value}"`));
    assert.match(form, /<option value="field" selected="">/, 'the demo site’s setting is shown');
    const base = { name: 'Le Labo de l’ESS', lang: 'fr', forumMode: 'pri', followLinks: '', smtpSecurity: 'starttls' };
    const expected: Record<string, string[]> = {
      first: ['ptce', 'scop', 'ess', 'rse'],
      field: ['ptce', 'scop', 'ess', 'ptce', 'rse'],
      // p1 PTCE · p2 SCOP · p3 ESS PTCE · p4 « PTCE niortais » ESS RSE · p6 ESS SCOP PTCE · p7 ESS
      paragraph: ['ptce', 'scop', 'ess', 'ptce', 'ptce', 'ess', 'rse', 'ess', 'scop', 'ptce', 'ess'],
    };
    for (const [value, slugs] of Object.entries(expected)) {
      assert.equal((await postForm(site, admin, '/ecrire/reglages', { ...base, glossaryOccurrences: value })).status, 303, value);
      assert.match(await adminPage(site, admin, '/ecrire/reglages'), new RegExp(`<option value="${value}" selected="">`));
      assert.deepEqual(marks(await (await site.get(ARTICLE)).text()), slugs, value);
    }
    assert.equal((await postForm(site, admin, '/ecrire/reglages', { ...base, glossaryOccurrences: 'all' })).status, 303);
    assert.ok(marks(await (await site.get(ARTICLE)).text()).length > 11, 'all: every occurrence');
    // A form without the field (an older page) keeps the setting; a value outside the list is refused.
    assert.equal((await postForm(site, admin, '/ecrire/reglages', base)).status, 303);
    assert.match(await adminPage(site, admin, '/ecrire/reglages'), /<option value="all" selected="">/);
    const refused = await postForm(site, admin, '/ecrire/reglages', { ...base, glossaryOccurrences: 'twice' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /<option value="all" selected="">|aria-invalid="true"/);
    assert.equal((await postForm(site, admin, '/ecrire/reglages', { ...base, glossaryOccurrences: 'field' })).status, 303);
  });
});
