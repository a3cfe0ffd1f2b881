// A bilingual site (issue 22, item 1), on both databases: a French article and its English translation offer each
// other (hreflang alternates in the head, a visible switcher); each page reads in its article's language with its
// typography; lists and feeds are per language with `?lang=` (decision 031), offered by a language menu; a write
// to a translation reaches the cached pages of the others.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { createSection } from '../src/sections/index.ts';
import { createArticle, linkTranslation, updateArticle } from '../src/articles/index.ts';
import { loadActor, type Actor } from '../src/users/index.ts';

forEachDialect('a bilingual site', (dialect) => {
  let site: TestSite;
  let admin: Actor;
  let sectionId: number;
  let french: { id: number; slug: string };
  let english: { id: number; slug: string };

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const user = await site.db.kysely.selectFrom('users').selectAll().where('email', '=', 'admin@example.org').executeTakeFirstOrThrow();
    admin = await loadActor(site.db, user);
    sectionId = (await createSection(site.db, { title: 'Études' })).id;
    const publishedAt = '2026-03-01T10:00:00.000Z';
    french = await createArticle(site.db, { sectionId, title: 'L’économie sociale : un modèle', text: 'Une phrase : avec deux-points ; et « guillemets » !', status: 'published', publishedAt, authorIds: [user.id] });
    english = await createArticle(site.db, { sectionId, title: 'The social economy: a model', text: 'A sentence: with a colon; and “quotes”! The cooperative keeps running.', status: 'published', publishedAt, lang: 'en', authorIds: [user.id] });
    await linkTranslation(site.db, admin, english.id, french.id);
  });
  after(() => site.close());

  test('each page offers the other language: hreflang alternates and a visible switcher', async () => {
    const fr = await (await site.get(`/${french.slug}`)).text();
    assert.match(fr, /<html lang="fr">/);
    assert.match(fr, new RegExp(`<link rel="alternate" hreflang="en" href="${site.url}/${english.slug}">`));
    assert.match(fr, new RegExp(`<link rel="alternate" hreflang="fr" href="${site.url}/${french.slug}">`));
    assert.match(fr, new RegExp(`<nav class="article__languages" aria-label="Autres langues">\\s*<p>Lire en : <a href="/${english.slug}" hreflang="en" lang="en"[^>]*>English</a>`));
    const en = await (await site.get(`/${english.slug}`)).text();
    assert.match(en, /<html lang="en">/);
    assert.match(en, new RegExp(`Read in: <a href="/${french.slug}" hreflang="fr" lang="fr"[^>]*>Français</a>`));
    // The English page's interface is English: its date and its breadcrumb.
    assert.match(en, /1 March 2026/);
    assert.match(en, />Home</);
  });

  test('typography follows the text’s language', async () => {
    const fr = await (await site.get(`/${french.slug}`)).text();
    const en = await (await site.get(`/${english.slug}`)).text();
    // French puts a no-break space before : ; ! and inside « »; English does not.
    assert.match(fr, /phrase(&nbsp;|\u00a0|\u202f|&#8239;|&#160;):/);
    assert.match(fr, /«(&nbsp;|\u00a0|\u202f|&#8239;|&#160;)guillemets/);
    assert.match(en, /sentence: with a colon; and “quotes”!/);
    // Its title too, wherever the page shows it: the breadcrumb and the <title>.
    assert.match(en, /aria-current="page">The social economy: a model</);
    assert.match(en, /<title>The social economy: a model — /);
  });

  test('lists and feeds per language, offered by a language menu; a bad code is a clear 400', async () => {
    const home = await (await site.get('/')).text();
    assert.match(home, /<nav class="site-languages"[^>]*>[\s\S]*href="\/\?lang=en"[^>]*>English<[\s\S]*href="\/\?lang=fr"[^>]*>Français</);
    const homeEn = await (await site.get('/?lang=en')).text();
    assert.match(homeEn, /The social economy/);
    assert.doesNotMatch(homeEn, /L’économie sociale/);
    assert.match(homeEn, /<html lang="en">/);
    const section = await (await site.get('/rubrique/etudes?lang=fr')).text();
    assert.match(section, /L’économie sociale/);
    assert.doesNotMatch(section, /The social economy/);
    const feed = await (await site.get('/rss.xml?lang=en')).text();
    assert.match(feed, /<language>en<\/language>/);
    assert.match(feed, /The social economy/);
    assert.doesNotMatch(feed, /L’économie sociale|L&#8217;économie/);
    const sectionFeed = await (await site.get('/rubrique/etudes/atom.xml?lang=fr')).text();
    assert.match(sectionFeed, /économie sociale/);
    assert.doesNotMatch(sectionFeed, /The social economy/);
    const bad = await site.get('/?lang=fran%C3%A7ais');
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /code de langue BCP 47/);
  });

  test('search knows the language: English words by their English stems, French ones by their French stems', async () => {
    // "runs" and "running" share an English stem (run), not a French one: found only if the article is English-stemmed.
    const english = await (await site.get('/recherche?q=runs')).text();
    assert.match(english, /The social economy/);
    const french = await (await site.get('/recherche?q=guillemet')).text();
    assert.match(french, /L’économie sociale/);
    assert.doesNotMatch(french, /The social economy/);
  });

  test('a translation’s new title reaches the cached page of the other language', async () => {
    const before = await (await site.get(`/${french.slug}`)).text();
    assert.match(before, /title="The social economy: a model"/);
    await updateArticle(site.db, admin, english.id, { title: 'The social economy, a model', sectionId, text: 'A sentence.' });
    const after = await (await site.get(`/${french.slug}`)).text();
    assert.match(after, /title="The social economy, a model"/);
  });
});
