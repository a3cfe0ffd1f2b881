// The back-office article list in Chromium (issue 18): filter and search the list, check several rows (one by
// one, then with "check all"), publish them in bulk, read the confirmation and the new statuses, with the
// filters kept; the list is usable at 390 px (no sideways scrolling of the page: the table scrolls in its own
// box), and axe finds nothing serious. The picker's search adds an old article to the related ones. Screenshots
// go to the results folder (backoffice-lists-*.png).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { resultsDir, seriousAxeViolations, siteInBrowser, type Page } from '../helpers/browser.ts';
import { createArticle } from '../../src/articles/index.ts';
import { createSection } from '../../src/sections/index.ts';

let oldId = 0;
let editedId = 0;

const env = siteInBrowser('the back-office lists test', async (site) => {
  const section = await createSection(site.db, { title: 'Notes de conjoncture' });
  for (let n = 1; n <= 8; n++) await createArticle(site.db, { sectionId: section.id, title: `Conjoncture économique n° ${n}`, status: 'draft' });
  oldId = (await createArticle(site.db, { sectionId: section.id, title: 'Une très vieille étude sur l’Économie sociale', status: 'published', publishedAt: '2003-05-01T00:00:00.000Z' })).id;
  await site.db.kysely.updateTable('articles').set({ updated_at: '2003-05-01T00:00:00.000Z' }).where('id', '=', oldId).execute();
  editedId = (await createArticle(site.db, { sectionId: section.id, title: 'Un article à relier', status: 'draft' })).id;
});
const skip = env.skip;

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

async function assertNoPageOverflow(page: Page, what: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `${what}: the page scrolls sideways (${scroll} > ${client})`);
}

for (const width of [1280, 390]) {
  test(`at ${width} px: filter the list, check rows, publish them in bulk, see the confirmation and the new statuses`, { skip }, async () => {
    const page = await adminPageAt(width);
    await page.goto(`${env.site.url}/ecrire/articles`);
    await page.getByLabel('Rechercher dans les titres (ou un n°)').fill('conjoncture economique');
    await page.getByLabel('Statut', { exact: true }).selectOption('draft');
    await Promise.all([page.waitForURL(/q=conjoncture/), page.getByRole('button', { name: 'Filtrer' }).click()]);
    const rows = page.locator('table.list-table tbody tr');
    assert.equal(await rows.count(), width === 1280 ? 8 : 5, 'the drafts the search finds');
    await page.screenshot({ path: join(resultsDir(), `backoffice-lists-filtered-${width}.png`), fullPage: true });
    await assertNoPageOverflow(page, 'filtered list');
    assert.deepEqual(await seriousAxeViolations(page), [], 'axe on the list');

    if (width === 1280) {
      // Three rows, one by one.
      for (const n of [1, 2, 3]) await page.getByRole('checkbox', { name: `Cocher « Conjoncture économique n° ${n} »` }).check();
    } else {
      // What is left, all at once.
      await page.getByRole('checkbox', { name: 'Tout cocher sur cette page' }).check();
    }
    await page.getByLabel('Action', { exact: true }).selectOption('publish');
    assert.equal(await page.getByLabel('Rubrique de destination').isVisible(), false, 'the section choice is for moves only');
    await Promise.all([page.waitForURL(/fait=publish/), page.getByRole('button', { name: 'Appliquer' }).click()]);
    assert.match(page.url(), /q=conjoncture\+economique&statut=draft/, 'the filters are kept');
    assert.match(await page.locator('.notice').innerText(), width === 1280 ? /^3 articles publiés\.$/ : /^5 articles publiés\.$/);
    await page.screenshot({ path: join(resultsDir(), `backoffice-lists-done-${width}.png`), fullPage: true });
    await assertNoPageOverflow(page, 'list after the action');

    // The published ones left the drafts; the list of published articles shows them so.
    await page.goto(`${env.site.url}/ecrire/articles?q=conjoncture&statut=published&tri=titre&ordre=asc`);
    const statuses = await page.locator('table.list-table tbody tr .status').allInnerTexts();
    assert.equal(statuses.length, width === 1280 ? 3 : 8);
    assert.ok(statuses.every((s) => /publié en ligne/.test(s)), statuses.join(', '));
    await page.close();
  });
}

test('the related-articles picker finds an old article by a search without accents and adds it', { skip }, async () => {
  const page = await adminPageAt(1280);
  await page.goto(`${env.site.url}/ecrire/articles/${editedId}`);
  const search = page.getByLabel('Chercher un article à lier (titre ou n°)');
  await search.fill('economie sociale');
  const result = page.locator('.picker-results li', { hasText: 'Une très vieille étude' });
  await result.waitFor();
  assert.equal(await page.locator('.picker-results li', { hasText: 'Un article à relier' }).count(), 0, 'not itself');
  await result.getByRole('button').click();
  const chosen = await page.locator('#f-relatedIds option:checked').allInnerTexts();
  assert.deepEqual(chosen, ['Une très vieille étude sur l’Économie sociale']);
  await page.screenshot({ path: join(resultsDir(), 'backoffice-lists-picker-1280.png') });
  await Promise.all([page.waitForURL(/enregistre=1/), page.getByRole('button', { name: 'Enregistrer', exact: true }).click()]);
  const related = await env.site.db.kysely.selectFrom('related_articles').select('related_id').where('article_id', '=', editedId).execute();
  assert.deepEqual(related.map((r) => r.related_id), [oldId]);
  await page.close();
});
