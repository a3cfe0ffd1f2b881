// The newsletter in Chromium: a reader signs up from the « Nous suivre » block of a page, confirms on /lettre,
// opens the link of the confirmation mail and presses its button (read from a real SMTP receiver on loopback); an administrator composes
// an issue in the back office, previews it, sends it, and the reader's copy arrives with its unsubscribe link,
// which the reader follows. Pages are checked with axe and shot at 1280 and 390 px (test-results/).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { browserSkip, launchBrowser, resultsDir, seriousAxeViolations, type Page, type TestBrowser } from '../helpers/browser.ts';
import { startTestSite, type TestSite } from '../helpers/site.ts';
import { startMailbox, type Mailbox } from '../helpers/mailbox.ts';
import { saveList } from '../../src/newsletter/index.ts';
import { issueStatus, runJobsUntil } from '../newsletter/helpers.ts';

const skip = browserSkip('the newsletter browser tests');
let site: TestSite;
let mailbox: Mailbox;
let browser: TestBrowser;

before(async () => {
  if (skip) return;
  mailbox = await startMailbox();
  site = await startTestSite('sqlite', { env: { TISSE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` } });
  await saveList(site.db, { name: 'La lettre mensuelle', description: 'Nos publications du mois, le premier lundi.' });
  await saveList(site.db, { name: 'Actualités de l’ESS', description: 'Les brèves de la rubrique, chaque semaine.' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await mailbox?.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(resultsDir(), `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a reader signs up from the footer, confirms the form, then the link of the mail', { skip, timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(site.url + '/');
  const footer = page.locator('form.follow-us__newsletter');
  await footer.locator('input[type="email"]').fill('camille@example.net');
  await Promise.all([page.waitForURL(`${site.url}/lettre`), footer.locator('button').click()]);
  assert.equal(await page.inputValue('#lettre-email-page'), 'camille@example.net', 'the address typed is kept');
  assert.match(await page.locator('.newsletter-form__notice').innerText(), /confirmez votre inscription/);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await shoot(page, 'lettre-formulaire');

  // Refused first: no list ticked. The message is French and the address stays.
  await page.click('.newsletter-form button[type="submit"]');
  assert.match(await page.locator('.newsletter-form__errors').innerText(), /Le formulaire contient des erreurs/);
  assert.match(await page.locator('#lettre-erreur-lists').innerText(), /Choisissez au moins une lettre/);
  assert.equal(await page.inputValue('#lettre-email-page'), 'camille@example.net');
  await shoot(page, 'lettre-erreur');

  await page.check('label:has-text("La lettre mensuelle")');
  await page.fill('#lettre-nom', 'Camille');
  await page.click('.newsletter-form button[type="submit"]');
  assert.match(await page.locator('h1').innerText(), /Vérifiez votre boîte aux lettres/);

  await runJobsUntil(site, async () => mailbox.received.some((m) => m.to.includes('camille@example.net')), 'confirmation mail');
  const mail = mailbox.received.find((m) => m.to.includes('camille@example.net'))!;
  const link = /(http:\/\/\S+\/lettre\/confirmer\/\S+)/.exec(mail.text)![1]!;
  await page.goto(link);
  assert.match(await page.locator('[role="status"]').innerText(), /Recevoir nos lettres à l’adresse camille@example.net/);
  await shoot(page, 'lettre-confirmer');
  await page.click('button:has-text("Je confirme mon inscription")');
  assert.match(await page.locator('h1').innerText(), /Inscription confirmée/);
  await shoot(page, 'lettre-confirmee');
  await page.goto(link);
  assert.match(await page.locator('[role="status"]').innerText(), /a déjà servi/);
});

test('an administrator composes an issue, previews and sends it; the reader unsubscribes from its link', { skip, timeout: 180_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(`${site.url}/ecrire/login`);
  await page.fill('#email', 'admin@example.org');
  await page.fill('#password', 'motdepasse-admin');
  await Promise.all([page.waitForURL(`${site.url}/ecrire/`), page.click('button[type="submit"]')]);
  await page.click('nav.admin-nav a[href="/ecrire/lettre"]');
  assert.match(await page.locator('h1').innerText(), /Lettre d’information/);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await shoot(page, 'ecrire-lettre');

  const articles = await site.db.kysely.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('published_at', 'desc').limit(2).execute();
  await page.click('a:has-text("Nouvelle lettre")');
  await page.selectOption('#champ-listId', { label: 'La lettre mensuelle' });
  await page.fill('#champ-subject', 'La lettre de décembre');
  await page.fill('#champ-body', 'Bonjour,\n\nCe mois-ci, {{deux publications}} à ne pas manquer.');
  await page.fill('#champ-articleIds', articles.map((a) => a.id).join(', '));
  await Promise.all([page.waitForURL(/\/ecrire\/lettre\/numeros\/\d+\?fait=created$/), page.click('button:has-text("Enregistrer le brouillon")')]);
  const issueId = Number(/numeros\/(\d+)/.exec(page.url())![1]);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await shoot(page, 'ecrire-lettre-numero');

  const [preview] = await Promise.all([page.context().waitForEvent('page'), page.click('a:has-text("Aperçu dans le navigateur")')]);
  await preview.waitForLoadState();
  assert.match(await preview.locator('body').innerText(), /deux publications/);
  await shoot(preview, 'lettre-apercu');
  await preview.close();

  await Promise.all([page.waitForURL(/fait=scheduled/), page.click('form[action$="/envoyer"] button')]);
  await runJobsUntil(site, async () => (await issueStatus(site.db, issueId)) === 'sent', 'send');
  await page.reload();
  assert.match(await page.locator('table.report').innerText(), /Envoyées\s+1/);
  await shoot(page, 'ecrire-lettre-bilan');

  const letter = mailbox.received.find((m) => m.subject === 'La lettre de décembre' && m.to.includes('camille@example.net'))!;
  assert.ok(letter, 'the confirmed reader got the letter');
  const unsubscribe = /href="(http:\/\/[^"]+\/lettre\/desinscription\/[^"]+)"/.exec(letter.html)![1]!;
  const reader = await browser.newPage();
  await reader.setContent(letter.html);
  await shoot(reader, 'lettre-recue');
  await reader.goto(unsubscribe);
  assert.match(await reader.locator('[role="status"]').innerText(), /Ne plus recevoir « La lettre mensuelle » à l’adresse camille@example.net/);
  await reader.click('button:has-text("Me désinscrire")');
  assert.match(await reader.locator('h1').innerText(), /Désinscription enregistrée/);
  await shoot(reader, 'lettre-desinscription');
});
