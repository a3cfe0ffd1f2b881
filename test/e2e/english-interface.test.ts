// Issue 22, item 2: with the site's language set to English, the public pages and the back office read in English.
// Chromium reads each page's text (and the text of the attributes people read: title, placeholder, aria-label,
// alt) on a site whose own content is English; any French catalogue message that is not also English text is a
// string the interface left in French. The back office follows the person's choice, else the site's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, launchBrowser, type Page, type TestBrowser } from '../helpers/browser.ts';
import { startTestSite, type TestSite } from '../helpers/site.ts';
import { fr } from '../../src/kernel/i18n/fr.ts';
import { en } from '../../src/kernel/i18n/en.ts';
import { saveSiteSettings } from '../../src/settings/index.ts';
import { createSection } from '../../src/sections/index.ts';
import { createArticle } from '../../src/articles/index.ts';
import { saveTerm } from '../../src/glossary/index.ts';

/** A word boundary that knows accented letters. */
const bounded = (fragment: string) => new RegExp(`(?<![\\p{L}\\p{N}])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');

/**
 * The pieces of French catalogue messages that only French has: each message cut at its placeholders, pieces of
 * at least four characters with a letter, that appear in no English message (a shared word such as "Article" or
 * "Documents" says nothing).
 */
function frenchOnlyPieces(): { key: string; piece: string; pattern: RegExp }[] {
  const english = Object.values(en).join('\n');
  const pieces = new Map<string, string>();
  for (const [key, message] of Object.entries(fr)) {
    for (const raw of message.split(/\{\w+\}/)) {
      const piece = raw.trim().replace(/^[\s,.:;—–()«»"“”]+|[\s,.:;—–()«»"“”]+$/g, '');
      if (piece.length < 4 || !/\p{L}{3}/u.test(piece) || bounded(piece).test(english)) continue;
      if (!pieces.has(piece)) pieces.set(piece, key);
    }
  }
  return [...pieces].map(([piece, key]) => ({ key, piece, pattern: bounded(piece) }));
}

/** What a person reads on the page: its text, its title, and the attributes read aloud or shown on hover. */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[title], [placeholder], [aria-label], img[alt], [data-tooltip]')].flatMap((el) =>
      ['title', 'placeholder', 'aria-label', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });
}

test('with the site in English, public pages and the back office show no French interface text', { skip: browserSkip('the English interface test') }, async (t) => {
  let site: TestSite | undefined;
  let browser: TestBrowser | undefined;
  t.after(async () => {
    await browser?.close();
    await site?.close();
  });
  site = await startTestSite('sqlite', { demo: false });
  const { db } = site;
  await saveSiteSettings(db, { lang: 'en', name: 'Policy Lab', tagline: 'Research on cooperatives', description: 'A think tank on cooperatives.' });
  const section = await createSection(db, { title: 'Economy', description: 'Notes on the economy.' });
  const group = await db.write((trx) => trx.insertInto('keyword_groups').values({ title: 'Topics', description: '', text: '', single: 0, required: 0, applies_to: 'article' }).returning('id').executeTakeFirstOrThrow());
  const keyword = await db.write((trx) => trx.insertInto('keywords').values({ group_id: group.id, slug: 'cooperatives', title: 'Cooperatives', description: 'Businesses owned by their members.', text: '' }).returning('id').executeTakeFirstOrThrow());
  const admin = await db.kysely.selectFrom('users').select(['id', 'slug']).where('email', '=', 'admin@example.org').executeTakeFirstOrThrow();
  const article = await createArticle(db, {
    sectionId: section.id,
    title: 'Why cooperatives matter',
    description: 'Shared ownership keeps jobs local.',
    text: 'Cooperatives share their profits with their members.[[A footnote with a source.]]\n\nThey keep jobs where people live.',
    status: 'published',
    publishedAt: '2026-03-01T10:00:00.000Z',
    authorIds: [admin.id],
    keywordIds: [keyword.id],
  });
  await createArticle(db, { sectionId: section.id, title: 'A draft on housing', text: 'Housing cooperatives.', status: 'draft', authorIds: [admin.id] });
  await saveTerm(db, { term: 'Mutual', definition: 'An organisation owned by its members.' });

  const pieces = frenchOnlyPieces();
  const problems: string[] = [];
  const check = async (page: Page, path: string) => {
    const text = await readableText(page);
    for (const { key, piece, pattern } of pieces) if (pattern.test(text)) problems.push(`${path}: « ${piece} » (${key})`);
  };

  browser = await launchBrowser();
  const page = await browser.newPage();
  const publicPaths = ['/', `/rubrique/${section.slug}`, `/${article.slug}`, `/imprimer/${article.slug}`, '/recherche?q=cooperatives', '/recherche?q=zeppelin', '/plan', '/glossaire', '/mot/cooperatives', `/auteur/${admin.slug}`, '/archives', '/archives/2026', '/no-such-page'];
  for (const path of publicPaths) {
    await page.goto(site.url + path);
    await check(page, path);
  }
  // The article page in English: its dates and its html lang.
  await page.goto(`${site.url}/${article.slug}`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.innerText('main'), /1 March 2026/);
  await page.goto(`${site.url}/archives/2026`);
  assert.match(await page.innerText('main'), /March/);

  await page.goto(`${site.url}/ecrire/login`);
  await check(page, '/ecrire/login');
  await page.fill('input[name=email]', 'admin@example.org');
  await page.fill('input[name=password]', 'motdepasse-admin');
  await Promise.all([page.waitForURL(`${site.url}/ecrire/`), page.click('button[type=submit] >> nth=-1')]);
  const backOffice = [
    '/ecrire/',
    '/ecrire/articles',
    '/ecrire/articles/nouveau',
    `/ecrire/articles/${article.id}`,
    `/ecrire/articles/${article.id}/revisions`,
    '/ecrire/rubriques',
    '/ecrire/rubriques/nouvelle',
    `/ecrire/rubriques/${section.id}`,
    '/ecrire/mots',
    `/ecrire/mots/groupes/${group.id}`,
    '/ecrire/glossaire',
    '/ecrire/glossaire/nouveau',
    '/ecrire/auteurs',
    '/ecrire/auteurs/nouveau',
    `/ecrire/auteurs/${admin.id}`,
    '/ecrire/documents',
    '/ecrire/forum',
    '/ecrire/reglages',
    '/ecrire/reglages/apparence',
    '/ecrire/profil',
  ];
  for (const path of backOffice) {
    const response = await page.goto(site.url + path);
    assert.equal(response?.status(), 200, path);
    await check(page, path);
  }
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // A refused form: its errors too are English.
  await page.goto(`${site.url}/ecrire/glossaire/nouveau`);
  await page.evaluate(() => document.querySelectorAll('[required]').forEach((el) => el.removeAttribute('required')));
  await page.click('main button[type=submit]');
  await page.waitForSelector('.notice--error');
  await check(page, 'refused glossary form');
  assert.deepEqual(problems, []);

  // The person's own choice wins over the site's: French chosen in the profile, the back office is French again.
  await page.goto(`${site.url}/ecrire/profil`);
  await page.selectOption('#champ-lang', 'fr');
  await Promise.all([page.waitForURL(/profil\?fait=profil/), page.click('form[action="/ecrire/profil"] button[type=submit]')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.match(await page.innerText('nav.admin-nav'), /Rubriques/);
  // The public side stays in the site's language.
  await page.goto(`${site.url}/${article.slug}`);
  assert.match(await page.innerText('main'), /1 March 2026/);
});
