// A team member's profile in Chromium (issue 18): from the menu, they open their profile, change their password
// with the current one, log out, and log in again with the new password (the old one no longer opens the
// account). The profile page at 1280 and 390 px: no sideways scrolling, no serious axe finding. Screenshots go
// to test-results/profile-*.png for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { resultsDir, seriousAxeViolations, siteInBrowser, type Page } from '../helpers/browser.ts';
import { createUser } from '../../src/users/index.ts';

const env = siteInBrowser('the profile test', async (site) => {
  await createUser(site.db, { email: 'plume@example.org', name: 'Camille Plume', role: 'editor', password: 'motdepasse-plume' });
});
const skip = env.skip;

async function logInAs(page: Page, password: string): Promise<void> {
  await page.goto(`${env.site.url}/ecrire/login`);
  await page.fill('input[name=email]', 'plume@example.org');
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForLoadState('load'), page.click('main button[type=submit]')]);
}

async function assertFits(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what}: ${overflow} px wider than the window`);
  assert.deepEqual(await seriousAxeViolations(page), [], `${what}: axe`);
}

test('a team member changes their password from their profile, logs out, and logs in with the new one', { skip }, async () => {
  const page = await env.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await logInAs(page, 'motdepasse-plume');
  assert.equal(new URL(page.url()).pathname, '/ecrire/');

  // The name in the header leads to the profile.
  await Promise.all([page.waitForURL(`${env.site.url}/ecrire/profil`), page.click('.admin-user a[href="/ecrire/profil"]')]);
  assert.equal(await page.textContent('main h1'), 'Mon profil');
  await page.screenshot({ path: join(resultsDir(), 'profile-1280.png'), fullPage: true });
  await assertFits(page, 'profile at 1280 px');

  await page.fill('#champ-currentPassword', 'motdepasse-plume');
  await page.fill('#champ-password', 'un-tout-nouveau-secret');
  await page.fill('#champ-confirm', 'un-tout-nouveau-secret');
  await Promise.all([page.waitForURL(/\/ecrire\/profil\?fait=mot-de-passe$/), page.click('form[action="/ecrire/profil/mot-de-passe"] button[type=submit]')]);
  assert.match((await page.textContent('main .notice'))!, /Votre mot de passe est changé/);

  await Promise.all([page.waitForURL(/\/ecrire\/login$/), page.click('.admin-user button[type=submit]')]);
  await logInAs(page, 'motdepasse-plume');
  assert.equal(new URL(page.url()).pathname, '/ecrire/login', 'the old password no longer opens the account');
  assert.match((await page.textContent('main'))!, /incorrect|Adresse email ou mot de passe/i);
  await logInAs(page, 'un-tout-nouveau-secret');
  assert.equal(new URL(page.url()).pathname, '/ecrire/');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${env.site.url}/ecrire/profil`);
  await page.screenshot({ path: join(resultsDir(), 'profile-390.png'), fullPage: true });
  await assertFits(page, 'profile at 390 px');
  await page.close();
});
