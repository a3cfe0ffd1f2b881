// The public pages over HTTP on both databases, on a site built for the test: home and section pages list
// public articles only, a renamed section's old address redirects, the print page follows renames, hidden
// articles answer 404/410 everywhere, documents are served from the data directory and nothing above it.
// The seed page's content in depth: test/site.test.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection, updateSection } from '../sections/index.ts';
import { setCurrentPath } from '../urls/index.ts';

forEachDialect('public routes', (dialect) => {
  let site: TestSite;
  const ids: Record<string, number> = {};
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Carnets de terrain', description: 'Nos {{visites}}' });
    const sub = await createSection(site.db, { title: 'Visites d’entreprises', parentId: section.id });
    ids.section = section.id;
    const add = async (key: string, title: string, extra: Partial<Parameters<typeof createArticle>[1]> = {}) => {
      ids[key] = (await createArticle(site.db, { sectionId: section.id, title, text: `Texte de ${title}.`, status: 'published', ...extra })).id;
    };
    await add('published', 'Une coopérative de Niort');
    await add('sub', 'Dans la sous-rubrique', { sectionId: sub.id });
    await add('draft', 'Un brouillon secret', { status: 'draft' });
    await add('scheduled', 'Une annonce à venir', { publishedAt: new Date(Date.now() + 86_400_000).toISOString() });
    await add('trashed', 'Un article jeté', { status: 'trash', publishedAt: new Date(Date.now() - 86_400_000).toISOString() });
    const typed = await createSection(site.db, { title: "L'ESS au quotidien" });
    ids.typed = typed.id;
    await add('apostrophe', "Qu'est-ce que l'ESS : un modèle ?", { sectionId: typed.id });
    await add('pointsTo', 'Un article qui renvoie', { sectionId: typed.id, relatedIds: [ids.apostrophe!] });
    ids.empty = (await createSection(site.db, { title: 'Publications archivées' })).id;
    ids.draftsOnly = (await createSection(site.db, { title: 'Brouillons seulement' })).id;
    await add('draftInSection', 'Brouillon rangé', { sectionId: ids.draftsOnly, status: 'draft' });
  });
  after(() => site.close());

  // One mechanism gives every title its French typography (the themes' typo filter, src/themes/filters.ts): the heading had it, the
  // <title>, breadcrumb, menu, lists and related articles showed L'ESS with a straight apostrophe.
  test('a title reads the same everywhere it is shown: typographic apostrophe, non-breaking spaces', async () => {
    const title = 'Qu’est-ce que l’ESS\u00a0: un modèle\u00a0?';
    const titleHtml = 'Qu’est-ce que l’ESS&nbsp;: un modèle&nbsp;?';
    const article = await (await site.get('/qu-est-ce-que-l-ess-un-modele')).text();
    assert.match(article, new RegExp(`<title>${title.replace('?', '\\?')} — `), '<title>');
    assert.ok(article.includes(`<h1 class="article__title">${titleHtml}</h1>`) || article.includes(titleHtml), 'heading');
    assert.match(article, /<nav class="breadcrumb"[\s\S]*L’ESS au quotidien[\s\S]*<\/nav>/, 'breadcrumb');
    assert.match(article, /<meta property="og:title" content="Qu’est-ce que l’ESS/, 'og:title');
    const home = await (await site.get('/')).text();
    assert.ok(home.includes(titleHtml), 'home list');
    assert.match(home, /<nav class="site-nav"[\s\S]*L’ESS au quotidien[\s\S]*<\/nav>/, 'menu');
    const section = await (await site.get('/rubrique/l-ess-au-quotidien')).text();
    assert.ok(section.includes(titleHtml), 'section list');
    const pointing = await (await site.get('/un-article-qui-renvoie')).text();
    assert.match(pointing, /<aside class="related"[\s\S]*Qu’est-ce que l’ESS&nbsp;: un modèle&nbsp;\?[\s\S]*<\/aside>/, 'related articles');
    assert.ok(!`${article}${home}${section}${pointing}`.includes("l'ESS"), 'no straight apostrophe left');
  });

  // SPIP publishes a rubrique only when something in it is published: an empty or drafts-only section was served
  // (200) and listed in sitemap.xml.
  test('a section with nothing published is not public: no page, no menu entry, no feed, not in the sitemap', async () => {
    for (const slug of ['publications-archivees', 'brouillons-seulement']) {
      assert.equal((await site.get(`/rubrique/${slug}`)).status, 404, slug);
      assert.equal((await site.get(`/rubrique/${slug}/rss.xml`)).status, 404, `${slug} feed`);
    }
    const sitemap = await (await site.get('/sitemap.xml')).text();
    assert.match(sitemap, /rubrique\/carnets-de-terrain/);
    assert.doesNotMatch(sitemap, /publications-archivees|brouillons-seulement/);
    const home = await (await site.get('/')).text();
    assert.doesNotMatch(home, /Publications archivées|Brouillons seulement/);
    assert.doesNotMatch(await (await site.get('/plan')).text(), /Publications archivées|Brouillons seulement/);
    // Publishing an article in it makes the section public at once.
    await createArticle(site.db, { sectionId: ids.empty!, title: 'Un rapport de 2012', text: 'Archivé.', status: 'published' });
    assert.equal((await site.get('/rubrique/publications-archivees')).status, 200);
    assert.match(await (await site.get('/sitemap.xml')).text(), /publications-archivees/);
  });

  test('the 404 page has a breadcrumb and suggests the pages whose title is close to the address asked for', async () => {
    const missing = await site.get('/une-cooperative-a-niort');
    assert.equal(missing.status, 404);
    const html = await missing.text();
    assert.match(html, /<nav class="breadcrumb"[\s\S]*Page introuvable[\s\S]*<\/nav>/);
    assert.match(html, /<ul class="error-page__suggestions">[\s\S]*href="\/une-cooperative-de-niort"[\s\S]*<\/ul>/);
    assert.doesNotMatch(html, /Un brouillon secret/, 'nothing hidden is suggested');
    const nothing = await (await site.get('/zzqx-wvyk')).text();
    assert.doesNotMatch(nothing, /error-page__suggestions/);
    assert.match(nothing, /<nav class="breadcrumb"/);
  });

  test('the search page has a breadcrumb, and each of its two search landmarks a name of its own', async () => {
    const html = await (await site.get('/recherche?q=coop%C3%A9rative')).text();
    assert.match(html, /<nav class="breadcrumb"[\s\S]*Recherche[\s\S]*<\/nav>/);
    const names = [...html.matchAll(/<form class="search-form" role="search" aria-label="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(names.length, 2);
    assert.notEqual(names[0], names[1]);
  });

  test('with no follow link configured (an imported site), « Nous suivre » still offers the site’s feeds', async () => {
    const html = await (await site.get('/')).text();
    const block = /<section class="follow-us"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    assert.match(block, /href="\/rss\.xml"/);
    assert.match(block, /href="\/atom\.xml"/);
  });

  test('the home page and the section page list public articles only', async () => {
    const home = await (await site.get('/')).text();
    assert.match(home, /Une coopérative de Niort/);
    assert.match(home, /Carnets de terrain/, 'top-level sections are listed');
    const page = await site.get('/rubrique/carnets-de-terrain');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Une coopérative de Niort/);
    assert.match(html, /<strong[^>]*>visites<\/strong>/, 'the description is rendered from SPIP markup');
    assert.match(html, /href="\/rubrique\/carnets-de-terrain\/rss\.xml"/);
    for (const hidden of ['Un brouillon secret', 'Une annonce à venir', 'Un article jeté']) {
      assert.ok(!home.includes(hidden) && !html.includes(hidden), hidden);
    }
  });

  // SectionPage takes its sub-sections in a prop named `children`; hono/jsx replaces a lone child array element
  // by the element itself, so with exactly one sub-section `children.length` is undefined and the list is skipped.
  test('a section page lists its sub-section even when it has only one', async () => {
    const html = await (await site.get('/rubrique/carnets-de-terrain')).text();
    assert.match(html, /href="\/rubrique\/visites-d-entreprises"/);
  });

  test('hidden articles: 404 for drafts and scheduled ones, 410 for the trash, on the page and the print page', async () => {
    assert.equal((await site.get('/une-cooperative-de-niort')).status, 200);
    for (const [slug, status] of [['un-brouillon-secret', 404], ['une-annonce-a-venir', 404], ['un-article-jete', 410]] as const) {
      const page = await site.get(`/${slug}`);
      assert.equal(page.status, status, slug);
      assert.ok(!(await page.text()).includes('Texte de'), `${slug} shows none of its text`);
      assert.equal((await site.get(`/imprimer/${slug}`)).status, status, `print ${slug}`);
    }
  });

  test('after a rename, the old section and article addresses answer 301, the print page too', async () => {
    await updateSection(site.db, ids.section!, { title: 'Carnets' });
    const old = await site.get('/rubrique/carnets-de-terrain');
    assert.equal(old.status, 301);
    assert.equal(old.headers.get('location'), '/rubrique/carnets');
    assert.equal((await site.get('/rubrique/carnets-de-terrain?page=2')).headers.get('location'), '/rubrique/carnets?page=2', 'the page is kept');
    await site.db.write((trx) => setCurrentPath(trx, 'article', ids.published!, '/cooperative-niortaise'));
    await site.db.write((trx) => trx.updateTable('articles').set({ slug: 'cooperative-niortaise' }).where('id', '=', ids.published!).execute());
    const article = await site.get('/une-cooperative-de-niort');
    assert.equal(article.status, 301);
    assert.equal(article.headers.get('location'), '/cooperative-niortaise');
    const print = await site.get('/imprimer/une-cooperative-de-niort');
    assert.equal(print.status, 301);
    assert.equal(print.headers.get('location'), '/imprimer/cooperative-niortaise');
    assert.equal((await site.get('/cooperative-niortaise')).status, 200);
  });

  test('documents are served from the data directory with safe headers, and nothing outside it', async () => {
    const dir = join(site.config.dataDir, 'documents', 'pdf');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'rapport.pdf'), '%PDF-1.4 test');
    writeFileSync(join(dir, 'page.html'), '<script>alert(1)</script>');
    const pdf = await site.get('/documents/pdf/rapport.pdf');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(pdf.headers.get('content-disposition'), null, 'a PDF is shown inline');
    assert.equal(await pdf.text(), '%PDF-1.4 test');
    const html = await site.get('/documents/pdf/page.html');
    assert.equal(html.headers.get('content-type'), 'application/octet-stream', 'an HTML file is never served as a page');
    assert.equal(html.headers.get('content-disposition'), 'attachment');
    assert.equal(html.headers.get('x-content-type-options'), 'nosniff');
    for (const escape of ['/documents/..%2Ftisse.sqlite', '/documents/%2e%2e/%2e%2e/etc/passwd', '/documents/pdf', '/documents/absent.pdf']) {
      assert.equal((await site.get(escape)).status, 404, escape);
    }
  });
});
