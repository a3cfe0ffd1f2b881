// A reader in a real browser: opens the demo article, follows the breadcrumb, opens the print version;
// axe-core finds no serious or critical accessibility violation on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { siteInBrowser, resultsDir, seriousAxeViolations } from '../helpers/browser.ts';

const env = siteInBrowser('the reader’s browser journey');
const skip = env.skip;

test('a reader reads the article, follows the breadcrumb and prints', { skip }, async () => {
  const page = await env.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${env.site.url}/benoit-hamon-en-visite-a-niort`);
  assert.equal(await page.locator('h1').innerText(), 'Benoît Hamon en visite à Niort');
  const meta = await page.locator('.article__meta').innerText();
  assert.match(meta, /Publié le 12 avril 2013/);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.screenshot({ path: join(resultsDir(), 'article.png'), fullPage: true });

  await page.locator('.breadcrumb').getByRole('link', { name: 'L’actu de l’ESS' }).click();
  await page.waitForURL(/\/rubrique\/l-actu-de-l-ess$/);
  assert.equal(await page.locator('h1').innerText(), 'L’actu de l’ESS');
  assert.deepEqual(await seriousAxeViolations(page), []);

  await page.getByRole('link', { name: 'Benoît Hamon en visite à Niort' }).first().click();
  await page.waitForURL(/\/benoit-hamon-en-visite-a-niort$/);
  await page.getByRole('link', { name: 'Impression' }).click();
  await page.waitForURL(/\/imprimer\/benoit-hamon-en-visite-a-niort$/);
  assert.equal(await page.locator('nav').count(), 0, 'no navigation in the print version');
  assert.match(await page.locator('body').innerText(), /Benoît Hamon a bien noté cette particularité du territoire/);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(resultsDir(), 'print.png'), fullPage: true });
});

test('the page reads well on a phone', { skip }, async () => {
  const page = await env.browser.newPage();
  await page.setViewportSize({ width: 320, height: 740 });
  await page.goto(`${env.site.url}/benoit-hamon-en-visite-a-niort`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
  await page.screenshot({ path: join(resultsDir(), 'article-mobile.png'), fullPage: false });
});
