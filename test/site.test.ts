// The seed page, served for real: everything a reader of test/fixtures/seed/labo-ess-niort-article.txt finds,
// on SQLite and on PostgreSQL.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { setCurrentPath, pathFor } from '../src/urls/urls.ts';
import { createArticle } from '../src/articles/operations/create-article.ts';

const ARTICLE = '/benoit-hamon-en-visite-a-niort';

/** Text content of an HTML page, entities decoded and whitespace collapsed, to compare with what a reader sees. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&#8217;|&rsquo;/g, '’')
    .replace(/&#171;/g, '«')
    .replace(/&#187;/g, '»')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&mdash;/g, '—')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

forEachDialect('public site', (dialect) => {
  let site: TestSite;
  before(async () => {
    site = await startTestSite(dialect);
  });
  after(async () => {
    await site.close();
  });

  test('the article page shows everything the seed page shows', async () => {
    const response = await site.get(ARTICLE);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const html = await response.text();
    const text = visibleText(html);
    for (const expected of [
      'Le Labo de l’ESS est un think tank qui construit, par un travail collaboratif',
      'Accueil L’ESS au quotidien L’actu de l’ESS Benoît Hamon en visite à Niort',
      'Impression',
      'Forum',
      'Publié le 12 avril 2013',
      'Le Ministre délégué en charge de l’Economie Sociale et Solidaire s’est rendu à Niort',
      'Postez un commentaire',
      'modération a priori',
      'Ce forum est modéré a priori : votre contribution n’apparaîtra qu’après avoir été validée par un administrateur du site.',
      'Qui êtes-vous ?',
      'Votre message',
      'Ce formulaire accepte les raccourcis SPIP [->url] {{gras}} {italique} <quote> <code> et le code HTML <q> <del> <ins>. Pour créer des paragraphes, laissez simplement des lignes vides.',
      'L’alchimie de l’écosystème financier solidaire',
      'Transformer l’emploi, redonner du sens au travail',
      'Nous suivre',
    ]) {
      assert.ok(text.includes(expected), `the page should show: ${expected}`);
    }
    // French typography from the markup engine: a non-breaking space before the colon.
    assert.match(html, /cette Maison(&nbsp;|\u00a0|&#160;):/);
  });

  test('every level of the breadcrumb is a link', async () => {
    const html = await (await site.get(ARTICLE)).text();
    const nav = html.slice(html.indexOf('class="breadcrumb"'), html.indexOf('</nav>', html.indexOf('class="breadcrumb"')));
    const links = [...nav.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(links.map((l) => l[0]), ['/', '/rubrique/l-ess-au-quotidien', '/rubrique/l-actu-de-l-ess', ARTICLE]);
    for (const [href] of links) assert.equal((await site.get(href!)).status, 200, `${href} answers`);
  });

  test('the print version shows the article without navigation', async () => {
    const response = await site.get('/imprimer/benoit-hamon-en-visite-a-niort');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /Benoît Hamon en visite à Niort/);
    assert.doesNotMatch(html, /class="site-nav"/);
    assert.doesNotMatch(html, /Postez un commentaire/);
    assert.match(html, /media="print"|print\.css/);
  });

  test('the home page lists the latest articles, the section page its articles', async () => {
    const home = await (await site.get('/')).text();
    assert.match(home, /Benoît Hamon en visite à Niort/);
    const section = await site.get('/rubrique/l-actu-de-l-ess');
    assert.equal(section.status, 200);
    assert.match(await section.text(), /Benoît Hamon en visite à Niort/);
  });

  // Issue 18: a section with exactly one sub-section (and no article of its own) showed neither.
  test('a section with a single sub-section lists it, and the sub-section’s articles', async () => {
    const response = await site.get('/rubrique/l-ess-au-quotidien');
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /<section class="aside__block" aria-labelledby="sous-rubriques">[\s\S]*<a href="\/rubrique\/l-actu-de-l-ess">L’actu de l’ESS<\/a>/);
    assert.match(html, /<a href="\/benoit-hamon-en-visite-a-niort">Benoît Hamon en visite à Niort<\/a>/);
  });

  test('an unknown path gets the 404 page with a search box', async () => {
    const response = await site.get('/cette-page-n-existe-pas');
    assert.equal(response.status, 404);
    const html = await response.text();
    assert.match(html, /Page introuvable/);
    assert.match(html, /<form[^>]+action="\/recherche"/);
  });

  test('malformed percent-encoding is a 400, not a crash', async () => {
    const response = await site.get('/%E0%A4%A');
    assert.equal(response.status, 400);
    assert.match(await response.text(), /encodage invalide/);
  });

  test('pages carry an ETag and answer 304 when it matches', async () => {
    const first = await site.get(ARTICLE);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    await first.text();
    const second = await site.get(ARTICLE, { headers: { 'if-none-match': etag } });
    assert.equal(second.status, 304);
  });

  test('a page served from the cache carries the same headers as its first render', async () => {
    await site.db.write((trx) => trx.updateTable('settings').set({ updated_at: new Date().toISOString() }).where('key', '=', 'name').execute());
    const first = await site.get('/rubrique/l-actu-de-l-ess');
    const firstBody = await first.text();
    const second = await site.get('/rubrique/l-actu-de-l-ess');
    assert.equal(await second.text(), firstBody);
    for (const name of ['content-type', 'etag', 'content-security-policy', 'x-content-type-options', 'referrer-policy']) {
      assert.ok(first.headers.get(name), `${name} on the first render`);
      assert.equal(second.headers.get(name), first.headers.get(name), `${name} from the cache`);
    }
    const head = await site.get('/rubrique/l-actu-de-l-ess', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('an old slug answers 301 to the current one', async () => {
    const article = await site.db.kysely.selectFrom('articles').select('id').where('slug', '=', 'benoit-hamon-en-visite-a-niort').executeTakeFirstOrThrow();
    await site.db.write(async (trx) => {
      await trx.updateTable('articles').set({ slug: 'benoit-hamon-a-niort' }).where('id', '=', article.id).execute();
      await setCurrentPath(trx, 'article', article.id, pathFor('article', 'benoit-hamon-a-niort'));
    });
    const old = await site.get(ARTICLE);
    assert.equal(old.status, 301);
    assert.equal(new URL(old.headers.get('location')!, site.url).pathname, '/benoit-hamon-a-niort');
    assert.equal((await site.get('/benoit-hamon-a-niort')).status, 200);
    const oldPrint = await site.get('/imprimer/benoit-hamon-en-visite-a-niort');
    assert.equal(oldPrint.status, 301);
    assert.equal(new URL(oldPrint.headers.get('location')!, site.url).pathname, '/imprimer/benoit-hamon-a-niort');
    // and back, for the other tests
    await site.db.write(async (trx) => {
      await trx.updateTable('articles').set({ slug: 'benoit-hamon-en-visite-a-niort' }).where('id', '=', article.id).execute();
      await setCurrentPath(trx, 'article', article.id, ARTICLE);
    });
    assert.equal((await site.get(ARTICLE)).status, 200);
  });

  test('a scheduled article stays hidden until its date, and the cached home page does not leak it', async () => {
    const section = await site.db.kysely.selectFrom('sections').select('id').executeTakeFirstOrThrow();
    await (await site.get('/')).text(); // fill the cache
    const soon = new Date(Date.now() + 1500).toISOString();
    await createArticle(site.db, { sectionId: section.id, title: 'Article programmé', text: 'Bientôt.', status: 'published', publishedAt: soon });
    assert.equal((await site.get('/article-programme')).status, 404);
    assert.doesNotMatch(await (await site.get('/')).text(), /Article programmé/);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    assert.equal((await site.get('/article-programme')).status, 200);
    assert.match(await (await site.get('/')).text(), /Article programmé/);
  });

  test('a write shows on the next request even though the page was cached', async () => {
    await (await site.get(ARTICLE)).text();
    await site.db.write((trx) => trx.updateTable('articles').set({ subtitle: 'Un sous-titre ajouté' }).where('slug', '=', 'benoit-hamon-en-visite-a-niort').execute());
    assert.match(await (await site.get(ARTICLE)).text(), /Un sous-titre ajouté/);
  });

  test('unpublished and trashed articles are not served', async () => {
    const section = await site.db.kysely.selectFrom('sections').select('id').executeTakeFirstOrThrow();
    await createArticle(site.db, { sectionId: section.id, title: 'Brouillon secret', text: 'Pas encore.', status: 'draft' });
    await createArticle(site.db, { sectionId: section.id, title: 'Article jeté', text: 'Supprimé.', status: 'trash', publishedAt: '2013-01-01T00:00:00.000Z' });
    assert.equal((await site.get('/brouillon-secret')).status, 404);
    assert.equal((await site.get('/article-jete')).status, 410);
    assert.equal((await site.get('/imprimer/brouillon-secret')).status, 404);
  });

  test('assets are served with a long cache lifetime', async () => {
    const html = await (await site.get('/')).text();
    const css = html.match(/href="(\/assets\/site\.css\?v=[^"]+)"/)?.[1];
    assert.ok(css);
    const response = await site.get(css);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control') ?? '', /immutable/);
  });
});
