// The article editor without dead ends, in a real browser (issue 18, item 4): autosave keeps what was typed
// (type, wait, reload: the text is there; type and leave: it is saved on the way out), stops with a notice linking
// to the revisions when someone else saved meanwhile, without losing the typed text; and an editor opening someone
// else's article reads it, without a form whose Save would fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seriousAxeViolations, siteInBrowser, type Page } from '../helpers/browser.ts';
import { logIn as logInOverHttp, postForm } from '../helpers/back-office.ts';
import { createUser } from '../../src/users/operations/create-user.ts';
import { createArticle } from '../../src/articles/operations/create-article.ts';
import { loadArticle } from '../../src/articles/index.ts';

const ids = { camille: 0, dominique: 0, section: 0 };

const env = siteInBrowser('the editor’s autosave and read-only view', async (site) => {
  ids.camille = (await createUser(site.db, { email: 'camille@example.org', name: 'Camille Rédactrice', role: 'editor', password: 'motdepasse-camille' })).user.id;
  ids.dominique = (await createUser(site.db, { email: 'dominique@example.org', name: 'Dominique Rédacteur', role: 'editor', password: 'motdepasse-dominique' })).user.id;
  ids.section = (await site.db.kysely.selectFrom('sections').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
});
const skip = env.skip;

/** Logs in as `email` in a fresh cookie jar (the browser's tests share one). */
async function logIn(email: string, password: string): Promise<Page> {
  await env.browser.browser.clearCookies();
  const page = await env.browser.newPage();
  await page.goto(`${env.site.url}/ecrire/login`);
  await page.getByLabel('Adresse email').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${env.site.url}/ecrire/`);
  return page;
}

function draftOfCamille(title: string) {
  return createArticle(env.site.db, { sectionId: ids.section, title, text: 'Premier jet.', status: 'draft', authorIds: [ids.camille], createdBy: ids.camille });
}

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('autosave: type, wait, reload, and the text is there', { skip, timeout: 90_000 }, async () => {
  const article = await draftOfCamille('Note sur les tiers-lieux');
  const page = await logIn('camille@example.org', 'motdepasse-camille');
  await page.goto(`${env.site.url}/ecrire/articles/${article.id}`);
  const status = page.locator('#autosave-status');
  assert.match(await status.innerText(), /Enregistrement automatique 20 secondes après chaque modification/);
  await page.getByLabel('Texte', { exact: true }).fill('Les tiers-lieux {{rassemblent}} des activités.');
  await status.filter({ hasText: /Enregistré automatiquement à \d{2}:\d{2}/ }).waitFor({ timeout: 30_000 });
  await page.reload();
  assert.equal(await page.getByLabel('Texte', { exact: true }).inputValue(), 'Les tiers-lieux {{rassemblent}} des activités.');
  assert.equal((await loadArticle(env.site.db, article.id))?.text, 'Les tiers-lieux {{rassemblent}} des activités.');
  // The save by hand after an autosave builds on it: no conflict with oneself.
  await page.getByLabel('Texte', { exact: true }).fill('Les tiers-lieux rassemblent des activités, et des gens.');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/\?enregistre=1/);
  assert.equal((await loadArticle(env.site.db, article.id))?.text, 'Les tiers-lieux rassemblent des activités, et des gens.');
  await page.close();
});

test('autosave: what was typed is saved when the page is left', { skip, timeout: 60_000 }, async () => {
  const article = await draftOfCamille('Note vite quittée');
  const page = await logIn('camille@example.org', 'motdepasse-camille');
  await page.goto(`${env.site.url}/ecrire/articles/${article.id}`);
  await page.getByLabel('Chapeau').fill('Écrit juste avant de partir.');
  await page.goto(`${env.site.url}/ecrire/articles`);
  const saved = await waitFor('the lead saved on leaving', async () => (await loadArticle(env.site.db, article.id))?.lead, (lead) => lead === 'Écrit juste avant de partir.');
  assert.equal(saved, 'Écrit juste avant de partir.');
  await page.close();
});

test('autosave: a save by someone else in between stops it with a notice, and the typed text stays', { skip, timeout: 90_000 }, async () => {
  const article = await draftOfCamille('Note disputée');
  const page = await logIn('camille@example.org', 'motdepasse-camille');
  await page.goto(`${env.site.url}/ecrire/articles/${article.id}`);
  // Another session (an administrator) saves the article after Camille opened it.
  const admin = await logInOverHttp(env.site, 'admin@example.org', 'motdepasse-admin');
  const current = (await loadArticle(env.site.db, article.id))!;
  assert.equal((await postForm(env.site, admin, `/ecrire/articles/${article.id}`, { title: current.title, sectionId: String(ids.section), text: 'Version de l’administrateur.', expectedUpdatedAt: current.updated_at })).status, 303);

  await page.getByLabel('Texte', { exact: true }).fill('Version de Camille, à ne pas perdre.');
  const notice = page.getByRole('alert').filter({ hasText: 'Quelqu’un a enregistré cet article depuis que vous l’avez ouvert' });
  await notice.waitFor({ timeout: 30_000 });
  const link = notice.getByRole('link', { name: 'Voir les révisions (nouvel onglet)' });
  assert.equal(await link.getAttribute('href'), `/ecrire/articles/${article.id}/revisions`);
  assert.equal(await page.getByLabel('Texte', { exact: true }).inputValue(), 'Version de Camille, à ne pas perdre.', 'the typed text stays in the form');
  assert.equal((await loadArticle(env.site.db, article.id))?.text, 'Version de l’administrateur.', 'nothing overwritten');
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.close();
});

test('read-only: an editor opening someone else’s proposed article reads it, with no form to fill', { skip, timeout: 60_000 }, async () => {
  const article = await createArticle(env.site.db, { sectionId: ids.section, title: 'Proposé par Dominique', text: 'Un texte {{relu}} par l’équipe.', status: 'proposed', authorIds: [ids.dominique] });
  const page = await logIn('camille@example.org', 'motdepasse-camille');
  await page.goto(`${env.site.url}/ecrire/articles/${article.id}`);
  assert.equal(await page.locator('h1').innerText(), 'Proposé par Dominique');
  assert.match(await page.locator('main').innerText(), /Vous pouvez lire cet article ; seuls ses auteurs et les administrateurs de la rubrique peuvent le modifier\./);
  assert.equal(await page.getByRole('textbox', { name: 'Titre', exact: true }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Enregistrer' }).count(), 0, 'no Save button that would fail');
  assert.equal(await page.getByRole('button', { name: 'Publier en ligne' }).count(), 0);
  assert.equal(await page.locator('main strong', { hasText: 'relu' }).count(), 1, 'the text is shown rendered');
  assert.equal(await page.locator('#autosave-status').count(), 0);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.close();
});
