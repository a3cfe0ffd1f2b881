// The back office's layout in Chromium at 1280 and 390 px wide (issue 16, items 9 and 14): the status filter
// and the forum tabs are rows of links without bullets, the SMTP port field is as wide as a field, a large
// image in the preview stays inside its box, the editor fits a phone's width, and the live preview of an
// untitled article has no empty heading. Screenshots go to /tmp/bo16-*.png for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { siteInBrowser, type Page } from '../helpers/browser.ts';
import { uploadDocument } from '../../src/documents/index.ts';
import { createArticle } from '../../src/articles/index.ts';
import { nowIso } from '../../src/db/time.ts';

let articleId = 0;

const env = siteInBrowser('the back-office layout test', async (site) => {
  const sectionId = (await site.db.kysely.selectFrom('sections').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const article = await createArticle(site.db, { sectionId, title: 'Un article illustré', status: 'published', text: 'Avant l’image.\n\n<doc0|center>\n\nAprès l’image.' });
  articleId = article.id;
  const png = await sharp({ create: { width: 1600, height: 500, channels: 3, background: { r: 30, g: 90, b: 140 } } }).png().toBuffer();
  const doc = await uploadDocument(site.db, { originalName: 'bandeau.png', bytes: png, title: 'Un bandeau très large', articleId }, { dataDir: site.config.dataDir });
  // What else a text may hold that is wider than a phone: a long address, a table, a code block.
  const text = [
    'Avant l’image.',
    `<doc${doc.id}|center>`,
    'Après l’image, une adresse : https://www.exemple.org/un/chemin/particulierement/long/vers/un/rapport-annuel-2013-sur-les-cooperatives.pdf',
    '| {{Coopératives}} | {{Mutuelles}} | {{Associations}} | {{Fondations}} |\n| Intercoopération | Mutualisation | Administrateurs | Philanthropie |',
    '<cadre>\nune_ligne_de_code_sans_espace_tres_longue_qui_ne_se_coupe_pas_toute_seule_dans_un_cadre = 1\n</cadre>',
  ].join('\n\n');
  await site.db.kysely.updateTable('articles').set({ text }).where('id', '=', articleId).execute();
  await site.db.kysely
    .insertInto('forum_messages')
    .values({ kind: 'public', article_id: articleId, thread_id: null, parent_id: null, title: 'Une question', status: 'pending', text: 'Bonjour, une question sur ce texte.', author_name: 'Lectrice', author_email: 'lectrice@example.org', author_url: '', user_id: null, ip: '192.0.2.1', created_at: nowIso(), moderated_at: null, moderated_by: null })
    .execute();
});
const skip = env.skip;

/** A page at `width` px, logged in as the administrator (the browser's pages share one cookie jar). */
async function adminPageAt(width: number): Promise<Page> {
  const page = await env.browser.newPage();
  await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
  await page.goto(`${env.site.url}/ecrire/`);
  if (page.url().includes('/ecrire/login')) {
    await page.fill('input[name=email]', 'admin@example.org');
    await page.fill('input[name=password]', 'motdepasse-admin');
    await Promise.all([page.waitForURL(`${env.site.url}/ecrire/`), page.click('main button[type=submit]')]);
  }
  return page;
}

/** The list's items have no marker, and each link ends before the next one starts (a row, nothing overlapping). */
async function assertRowOfLinks(page: Page, list: string, what: string): Promise<void> {
  const facts = await page.$$eval(`${list} > li`, (items) =>
    items.map((li) => {
      const a = li.querySelector('a')!.getBoundingClientRect();
      const style = getComputedStyle(li);
      return { marker: style.display === 'list-item' && style.listStyleType !== 'none', left: a.left, right: a.right, top: a.top, bottom: a.bottom };
    }),
  );
  assert.ok(facts.length > 2, `${what}: items found`);
  assert.deepEqual(facts.filter((f) => f.marker), [], `${what}: no bullet`);
  for (let i = 1; i < facts.length; i++) {
    const [a, b] = [facts[i - 1]!, facts[i]!];
    const sameLine = Math.abs(a.top - b.top) < 2;
    if (sameLine) assert.ok(b.left >= a.right + 4, `${what}: item ${i} starts at ${b.left}, the previous ends at ${a.right}`);
    else assert.ok(b.top >= a.bottom - 1, `${what}: item ${i} wraps below the previous`);
  }
  assert.ok(Math.abs(facts[0]!.top - facts[1]!.top) < 2, `${what}: laid out as a row at 1280 px`);
}

// Since issue 18 the status filter is a select of the list's filters form (test/e2e/backoffice-lists.test.ts).
test('at 1280 px the article list’s filters sit side by side, none over another', { skip }, async () => {
  const page = await adminPageAt(1280);
  await page.goto(`${env.site.url}/ecrire/articles`);
  await page.screenshot({ path: '/tmp/bo16-articles-1280.png' });
  const boxes = await page.$$eval('.list-filters > .field:not(.list-filters__search)', (fields) => fields.map((f) => f.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom })));
  assert.ok(boxes.length >= 4, 'filters found');
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) assert.ok(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, 'no filter over another');
  assert.ok(boxes.some((b) => b.top === boxes[0]!.top && b !== boxes[0]), 'several filters on one row');
  await page.close();
});

test('at 1280 px the forum tabs are tabs, not a bullet list', { skip }, async () => {
  const page = await adminPageAt(1280);
  await page.goto(`${env.site.url}/ecrire/forum`);
  await page.screenshot({ path: '/tmp/bo16-forum-1280.png' });
  await assertRowOfLinks(page, 'main nav ul', 'forum tabs');
  await page.close();
});

test('at 1280 px the SMTP port field is as wide as a short field should be', { skip }, async () => {
  const page = await adminPageAt(1280);
  await page.goto(`${env.site.url}/ecrire/reglages`);
  await page.locator('#champ-smtpPort').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/bo16-settings-1280.png' });
  const port = (await page.locator('#champ-smtpPort').boundingBox())!;
  const host = (await page.locator('#champ-smtpHost').boundingBox())!;
  assert.ok(port.width >= 160, `the port field is ${port.width} px wide`);
  assert.ok(port.width <= host.width, 'not wider than the host field');
  assert.equal(port.height, host.height, 'as tall as the other fields');
  await page.close();
});

test('at 1280 px a large image stays inside the preview box', { skip }, async () => {
  const page = await adminPageAt(1280);
  await page.goto(`${env.site.url}/ecrire/articles/${articleId}`);
  await page.locator('#preview img').waitFor();
  await page.locator('#preview').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/bo16-editor-1280.png' });
  const sizes = await page.$eval('#preview', (box) => {
    const img = box.querySelector('img')!.getBoundingClientRect();
    const inner = box.getBoundingClientRect();
    return { img: { left: img.left, right: img.right }, box: { left: inner.left, right: inner.right }, scroll: box.scrollWidth, client: box.clientWidth };
  });
  assert.ok(sizes.img.right <= sizes.box.right && sizes.img.left >= sizes.box.left, `image ${JSON.stringify(sizes.img)} inside the preview ${JSON.stringify(sizes.box)}`);
  assert.ok(sizes.scroll <= sizes.client, `nothing overflows the preview (${sizes.scroll} > ${sizes.client})`);
  await page.close();
});

test('at 390 px the editor, the list and the moderation queue fit the screen', { skip }, async () => {
  const page = await adminPageAt(390);
  const problems: string[] = [];
  for (const [path, name] of [[`/ecrire/articles/${articleId}`, 'editor'], ['/ecrire/articles/nouveau', 'new'], ['/ecrire/articles', 'articles'], ['/ecrire/forum', 'forum'], ['/ecrire/reglages', 'settings']] as const) {
    await page.goto(env.site.url + path);
    if (name === 'editor') {
      await page.locator('#preview img').waitFor();
      await page.locator('#preview').scrollIntoViewIfNeeded();
    }
    await page.screenshot({ path: `/tmp/bo16-${name}-390.png`, fullPage: name !== 'editor' });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) problems.push(`${path} is ${width} px wide at 390 px`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

// Item 9: the live preview of an article without a title showed an empty <h3> (axe: empty-heading).
test('the live preview of an untitled article has no empty heading', { skip }, async () => {
  const page = await adminPageAt(1280);
  await page.goto(`${env.site.url}/ecrire/articles/nouveau`);
  await page.getByLabel('Texte', { exact: true }).fill('Un texte sans titre.');
  await page.locator('#preview .texte p').waitFor({ timeout: 10_000 });
  const empty = await page.$$eval('#preview h1, #preview h2, #preview h3, #preview h4', (headings) => headings.filter((h) => !h.textContent?.trim()).map((h) => h.outerHTML));
  assert.deepEqual(empty, []);
  assert.equal(await page.locator('#preview h3').innerText(), '(sans titre)', 'the heading says the title is missing');
  await page.locator('#preview').screenshot({ path: '/tmp/bo16-untitled-1280.png' });
  await page.evaluate(await import('node:fs').then((fs) => fs.readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8')));
  const violations = await page.evaluate(async () => {
    // @ts-expect-error injected above
    const r = await window.axe.run(document.querySelector('#preview'), { runOnly: ['empty-heading'] });
    return r.violations.map((v: { id: string }) => v.id);
  });
  assert.deepEqual(violations, []);
  await page.close();
});
