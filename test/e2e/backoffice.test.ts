// The team's journey in a real browser: an editor logs in, writes an article with a footnote and a glossary
// term, sees the live preview, proposes it; an administrator publishes it; a reader sees it on the env.site.
// axe-core finds no serious or critical violation on the main back-office pages on the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { siteInBrowser, seriousAxeViolations, type Page } from '../helpers/browser.ts';
import { createUser } from '../../src/users/operations/create-user.ts';

const env = siteInBrowser('the back-office browser journey', async () => {
  await createUser(env.site.db, { email: 'redac@example.org', name: 'Camille Rédactrice', role: 'editor', password: 'motdepasse-redac' });
});
const skip = env.skip;

async function assertAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations)}`);
}

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${env.site.url}/ecrire/`);
  await page.getByLabel('Adresse email').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${env.site.url}/ecrire/`);
}

test('editor writes and proposes, administrator publishes, reader reads', { skip }, async () => {
  const editorContext = await env.browser.browser.browser()?.newContext();
  const page = editorContext ? await editorContext.newPage() : await env.browser.newPage();
  await page.goto(`${env.site.url}/ecrire/login`);
  await assertAccessible(page, 'login');
  await logIn(page, 'redac@example.org', 'motdepasse-redac');
  await assertAccessible(page, 'home');

  await page.getByRole('link', { name: 'Écrire un nouvel article' }).first().click();
  await page.getByLabel('Titre', { exact: true }).fill('L’ESS à Niort, bilan');
  await page.getByLabel('Rubrique').selectOption({ label: '\u00a0\u00a0L’actu de l’ESS' }).catch(async () => {
    const value = await page.locator('#f-sectionId option').nth(1).getAttribute('value');
    await page.getByLabel('Rubrique').selectOption(value!);
  });
  await page.getByLabel('Texte', { exact: true }).fill('L’ESS rassemble les coopératives[[Selon la loi de 2014.]] et les associations.');
  // Live preview: the note and the glossary term appear without saving.
  await page.locator('#preview .notes').waitFor({ timeout: 10_000 });
  assert.match(await page.locator('#preview').innerText(), /Selon la loi de 2014/);
  assert.ok((await page.locator('#preview .glossary-term').count()) >= 1, 'glossary term marked in the preview');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/\/ecrire\/articles\/\d+\?enregistre=1/);
  const articleUrl = page.url().replace(/\?.*$/, '');
  await assertAccessible(page, 'editor');
  await page.getByRole('button', { name: 'Proposer à la publication' }).click();
  await page.waitForURL(/statut=1/);
  assert.match(await page.locator('.status').first().innerText(), /proposé à la publication/);
  await page.goto(`${articleUrl}/revisions`);
  await assertAccessible(page, 'revisions');
  await page.goto(`${env.site.url}/ecrire/articles`);
  await assertAccessible(page, 'article list');
  await page.close();
  await editorContext?.close();

  const adminContext = await env.browser.browser.browser()?.newContext();
  const adminPage = adminContext ? await adminContext.newPage() : await env.browser.newPage();
  await logIn(adminPage, 'admin@example.org', 'motdepasse-admin');
  await adminPage.getByRole('link', { name: 'L’ESS à Niort, bilan' }).first().click();
  await adminPage.getByRole('button', { name: 'Publier en ligne' }).click();
  await adminPage.waitForURL(/statut=1/);
  assert.match(await adminPage.locator('.status').first().innerText(), /publié en ligne/);
  await adminContext?.close();

  const reader = await env.browser.newPage();
  const slug = (await env.site.db.kysely.selectFrom('articles').select('slug').where('title', '=', 'L’ESS à Niort, bilan').executeTakeFirstOrThrow()).slug;
  const response = await reader.goto(`${env.site.url}/${slug}`);
  assert.equal(response?.status(), 200);
  assert.equal(await reader.locator('h1').innerText(), 'L’ESS à Niort, bilan');
  assert.match(await reader.locator('body').innerText(), /Selon la loi de 2014/);
  assert.ok((await reader.locator('.article__text .glossary-term').count()) >= 1);
  await reader.close();
});
