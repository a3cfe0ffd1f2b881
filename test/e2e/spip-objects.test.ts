// A petition and the brèves in Chromium, at 1280 and 390 px (issue 22): a reader signs through the real form (its
// token fetched by petition.js), is told to check their mailbox, confirms with the button the mailed link opens,
// and finds their name and the count on the article; the « Brèves » section lists its brèves with their links.
// No horizontal overflow, no serious axe violation; screenshots in test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { siteInBrowser, resultsDir, seriousAxeViolations, type Page } from '../helpers/browser.ts';
import { createArticle } from '../../src/articles/index.ts';
import { createSection } from '../../src/sections/index.ts';
import { savePetition } from '../../src/petitions/index.ts';

const env = siteInBrowser('the petition and brèves browser tests', async (site) => {
  const mobilisations = await createSection(site.db, { title: 'Mobilisations' });
  const article = await createArticle(site.db, { sectionId: mobilisations.id, title: 'Pour une Maison de l’ESS à Niort', text: 'Le collectif demande un lieu ouvert.', status: 'published' });
  await savePetition(site.db, article.id, { text: 'Nous demandons à la ville de Niort d’ouvrir une {{Maison de l’ESS}} accessible à toutes et à tous.' });
  const breves = await createSection(site.db, { title: 'Brèves' });
  await createArticle(site.db, { sectionId: breves.id, title: 'Le Mois de l’ESS 2014 a commencé', text: 'Plus de 2 000 événements partout en France.', status: 'published', publishedAt: '2014-11-03T09:00:00.000Z' });
  await createArticle(site.db, { sectionId: breves.id, title: 'Ouverture d’un tiers-lieu à Romans', text: 'Le pôle Archer inaugure son tiers-lieu.', status: 'published', publishedAt: '2015-03-12T09:00:00.000Z' });
});

async function noOverflow(page: Page, width: number): Promise<void> {
  const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(overflow.scroll <= overflow.inner, `no horizontal overflow at ${width} px (${overflow.scroll} > ${overflow.inner})`);
}

test('a reader signs a petition, confirms from the mail’s link, and finds the count and their name', { skip: env.skip, timeout: 180_000 }, async () => {
  const page = await env.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const articleUrl = `${env.site.url}/pour-une-maison-de-l-ess-a-niort`;
  await page.goto(articleUrl);
  const petition = page.locator('#petition');
  assert.match(await petition.innerText(), /Aucune signature pour l’instant/);
  await page.fill('#petition-nom', 'Camille Lectrice');
  await page.fill('#petition-email', 'camille@example.net');
  await page.fill('#petition-site-nom', 'Le blog de Camille');
  await page.fill('#petition-site-url', 'https://camille.example/');
  await page.fill('#petition-message', 'Une maison pour tous !');
  assert.equal(await page.isChecked('#petition-affichee'), true, 'appearing in the list is the default, and a choice');
  await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#petition-formulaire input[name="token"]')?.value.startsWith('p1.'), null, { timeout: 10_000 });
  await petition.screenshot({ path: join(resultsDir(), 'petition-form-1280.png') });
  await Promise.all([page.waitForURL(`${env.site.url}/petition/signer`), petition.getByRole('button', { name: 'Signer' }).click()]);
  assert.match(await page.locator('[role="status"]').innerText(), /Un message vient d’être envoyé à camille@example\.net/);

  // The confirmation mail waits in the queue (this site has no SMTP server): its link is the one the reader opens.
  const job = await env.site.db.kysely.selectFrom('jobs').select('payload').where('type', '=', 'mail').orderBy('id', 'desc').executeTakeFirstOrThrow();
  const text = (JSON.parse(job.payload) as { text: string }).text;
  const link = /(http\S+\/petition\/confirmer\?jeton=[\w-]+)/.exec(text)?.[1];
  assert.ok(link);
  await page.goto(link);
  await Promise.all([page.waitForURL(`${env.site.url}/petition/confirmer`), page.getByRole('button', { name: 'Je confirme ma signature' }).click()]);
  assert.match(await page.locator('[role="status"]').innerText(), /Votre signature est confirmée/);

  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(articleUrl);
    assert.match(await petition.locator('.petition__count').innerText(), /1 signature/);
    assert.match(await petition.locator('.petition__signatures').innerText(), /Camille Lectrice/);
    await noOverflow(page, width);
    await petition.screenshot({ path: join(resultsDir(), `petition-${width}.png`) });
    assert.deepEqual(await seriousAxeViolations(page), [], `article with its petition at ${width} px`);
  }
  await page.close();
});

test('the brèves list, at 1280 and 390 px', { skip: env.skip, timeout: 120_000 }, async () => {
  const page = await env.browser.newPage();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${env.site.url}/rubrique/breves`);
    assert.equal(await page.locator('h1').innerText(), 'Brèves');
    const titles = await page.locator('main h3').allInnerTexts();
    assert.deepEqual(titles.slice(0, 2), ['Ouverture d’un tiers-lieu à Romans', 'Le Mois de l’ESS 2014 a commencé'], 'newest first');
    await noOverflow(page, width);
    await page.screenshot({ path: join(resultsDir(), `breves-${width}.png`), fullPage: true });
    assert.deepEqual(await seriousAxeViolations(page), [], `brèves at ${width} px`);
  }
  await page.close();
});
