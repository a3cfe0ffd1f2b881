// axe-core on the back office's sections, keywords, glossary, authors, documents and settings pages, in
// Chromium, including a refused form (errors shown next to their fields).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSkip, launchBrowser, seriousAxeViolations, type TestBrowser } from '../helpers/browser.ts';
import { startTestSite, type TestSite } from '../helpers/site.ts';

test('back-office pages B have no serious accessibility violation', { skip: browserSkip('the back-office accessibility test') }, async (t) => {
  let site: TestSite | undefined;
  let browser: TestBrowser | undefined;
  t.after(async () => {
    await browser?.close();
    await site?.close();
  });
  site = await startTestSite('sqlite');
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${site.url}/ecrire/login`);
  await page.fill('input[name=email]', 'admin@example.org');
  await page.fill('input[name=password]', 'motdepasse-admin');
  await Promise.all([page.waitForURL(`${site.url}/ecrire/`), page.click('button[type=submit] >> nth=-1')]);

  const problems: string[] = [];
  for (const path of ['/ecrire/rubriques', '/ecrire/rubriques/nouvelle', '/ecrire/mots', '/ecrire/mots/groupes/nouveau', '/ecrire/glossaire', '/ecrire/glossaire/nouveau', '/ecrire/auteurs', '/ecrire/auteurs/nouveau', '/ecrire/documents', '/ecrire/reglages']) {
    const response = await page.goto(site.url + path);
    assert.equal(response?.status(), 200, path);
    for (const v of await seriousAxeViolations(page)) problems.push(`${path}: ${v.id} (${v.impact}) ${v.help} — ${v.target}`);
  }

  // A refused glossary form: the error sits by its field and the typed term is still there.
  await page.goto(`${site.url}/ecrire/glossaire/nouveau`);
  await page.fill('#champ-term', 'Tiers-lieu');
  // The browser's own required check would stop the form first: lift it to see the server's answer.
  await page.evaluate(() => document.querySelector('#champ-definition')?.removeAttribute('required'));
  await page.click('main button[type=submit]');
  await page.waitForSelector('.notice--error');
  assert.equal(await page.inputValue('#champ-term'), 'Tiers-lieu');
  assert.equal(await page.getAttribute('#champ-definition', 'aria-invalid'), 'true');
  for (const v of await seriousAxeViolations(page)) problems.push(`glossary error: ${v.id} ${v.help} — ${v.target}`);
  assert.deepEqual(problems, []);
});
