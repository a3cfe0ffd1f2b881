// The team's bar in a real browser (issue 19): a logged-in administrator opening a public article, served from the
// page cache like any reader, sees a bar with "Modifier cet article" that opens its editor; a reader sees none and
// sends no request for it. At 1280 and 390 px, nothing overflows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { resultsDir, seriousAxeViolations, siteInBrowser } from '../helpers/browser.ts';

const ARTICLE = '/benoit-hamon-en-visite-a-niort';
const env = siteInBrowser('the team’s bar');
const skip = env.skip;

test('a reader gets no bar and asks for none', { skip, timeout: 60_000 }, async () => {
  await env.browser.browser.clearCookies();
  const page = await env.browser.newPage();
  const asked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/ecrire/')) asked.push(request.url());
  });
  await page.goto(env.site.url + ARTICLE);
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('.team-bar').count(), 0);
  assert.deepEqual(asked, []);
  await page.close();
});

test('a logged-in administrator sees the bar on the cached page and goes to the editor from it', { skip, timeout: 90_000 }, async () => {
  await env.browser.browser.clearCookies();
  // The page in the cache first, rendered for a reader.
  assert.equal((await env.site.get(ARTICLE)).status, 200);
  const page = await env.browser.newPage();
  await page.goto(`${env.site.url}/ecrire/login`);
  await page.getByLabel('Adresse email').fill('admin@example.org');
  await page.getByLabel('Mot de passe', { exact: true }).fill('motdepasse-admin');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${env.site.url}/ecrire/`);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(env.site.url + ARTICLE);
    const bar = page.getByRole('navigation', { name: 'Équipe du site' });
    await bar.getByRole('link', { name: 'Modifier cet article' }).waitFor();
    assert.equal(await bar.getByRole('link', { name: 'Espace privé' }).getAttribute('href'), '/ecrire/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${width} px: ${overflow} px too wide`);
    await page.screenshot({ path: join(resultsDir(), `team-bar-${width}.png`) });
  }
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.getByRole('link', { name: 'Modifier cet article' }).click();
  await page.waitForURL(/\/ecrire\/articles\/\d+$/);
  assert.match(await page.title(), /Benoît Hamon en visite à Niort/);
  await page.close();
});
