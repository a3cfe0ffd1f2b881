// Glossary in a real browser: the demo article marks its terms where the seed page does (PTCE in the chapô and
// again in the text; SCOP, ESS, RSE once); hovering or focusing a term shows its definition without moving the
// text, Escape hides it; /glossaire lists the terms with their anchors, their two-line definitions read with a
// space, their presentations' internal links lead somewhere, and the articles; Réglages sets where terms are
// marked; axe-core finds no serious or critical violation on these pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { siteInBrowser, resultsDir, seriousAxeViolations, type Page } from '../helpers/browser.ts';

const env = siteInBrowser('the glossary browser tests');
const skip = env.skip;

const articlePath = '/benoit-hamon-en-visite-a-niort';

function newPage(): Promise<Page> {
  return env.browser.newPage();
}

async function tipOf(page: Page, slug: string) {
  const link = page.locator(`.article__text .glossary-term__link[href="/glossaire#${slug}"]`);
  const id = await link.getAttribute('aria-describedby');
  assert.ok(id, 'the term link is described by its tooltip');
  const tip = page.locator(`[id="${id}"]`);
  assert.equal(await tip.getAttribute('role'), 'tooltip');
  return { link, tip };
}

/** The term slugs marked on the page, in reading order. */
async function markedTerms(page: Page): Promise<string[]> {
  return page.locator('.article .glossary-term__link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!.replace('/glossaire#', '')));
}

test('the article marks PTCE twice (chapô, then text) and SCOP, ESS, RSE once, as the seed page; screenshots at 1280 and 390 px', { skip }, async () => {
  const page = await newPage();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(env.site.url + articlePath);
    assert.deepEqual(await markedTerms(page), ['ptce', 'scop', 'ess', 'ptce', 'rse']);
    assert.equal(await page.locator('.article__lead .glossary-term__link').count(), 1);
    assert.equal(await page.locator('.article__lead .glossary-term__link').innerText(), 'PTCE');
    // The two-line ESS definition reads with a space between its lines.
    const ess = await tipOf(page, 'ess');
    await ess.link.scrollIntoViewIfNeeded();
    await ess.link.hover();
    await ess.tip.waitFor({ state: 'visible' });
    assert.match(await ess.tip.innerText(), /\(ESS\)\s\?\sDéfinition et présentation/);
    const box = (await ess.tip.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= width, `the tooltip fits in ${width} px`);
    await page.screenshot({ path: `/tmp/glossary16-article-${width}.png`, fullPage: true });
    await page.screenshot({ path: `/tmp/glossary16-article-${width}-tooltip.png` });
    await page.screenshot({ path: join(resultsDir(), `glossary16-article-${width}.png`), fullPage: true });
    assert.deepEqual(await seriousAxeViolations(page), [], `article at ${width} px`);
    await page.mouse.move(0, 0);
  }
});

test('each demo term is marked once in the text; hover and focus show the definition, Escape hides it', { skip }, async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(env.site.url + articlePath);

  for (const slug of ['ptce', 'scop', 'ess', 'rse']) {
    assert.equal(await page.locator(`.article__text .glossary-term__link[href="/glossaire#${slug}"]`).count(), 1, `${slug} marked once`);
  }

  const { link, tip } = await tipOf(page, 'scop');
  assert.equal(await tip.isVisible(), false, 'hidden at first');
  const paragraph = link.locator('xpath=ancestor::p[1]');
  const boxBefore = await paragraph.boundingBox();

  await link.hover();
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.innerText(), /Société coopérative et participative/);
  assert.deepEqual(await paragraph.boundingBox(), boxBefore, 'showing the definition does not move the text');
  // WCAG 1.4.13: the pointer can move onto the tooltip without it vanishing.
  await tip.hover();
  assert.equal(await tip.isVisible(), true);
  assert.deepEqual(await seriousAxeViolations(page), [], 'article with a tooltip shown');
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  await page.mouse.move(0, 0);

  // Keyboard only: tab to the first term of the text.
  const rse = await tipOf(page, 'rse');
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.classList.contains('glossary-term__link') ?? false);
  }
  assert.ok(reached, 'a glossary term is reachable with Tab');
  const focusedTip = page.locator('.glossary-term:focus-within [role="tooltip"]');
  await focusedTip.waitFor({ state: 'visible' });
  assert.ok((await focusedTip.innerText()).length > 0);
  await page.keyboard.press('Escape');
  await focusedTip.waitFor({ state: 'hidden' });
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('glossary-term__link')), 'Escape leaves focus in place');

  await rse.link.focus();
  await rse.tip.waitFor({ state: 'visible' });
  assert.match(await rse.tip.innerText(), /Responsabilité sociale des entreprises/);
  await page.screenshot({ path: join(resultsDir(), 'glossary-tooltip.png') });
  assert.deepEqual(await seriousAxeViolations(page), []);
});

test('on a touch screen, a first tap shows the definition and a second follows the link', { skip }, async () => {
  const page = await newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  await page.goto(env.site.url + articlePath);
  const { link, tip } = await tipOf(page, 'scop');
  await link.scrollIntoViewIfNeeded();
  const tap = async () => {
    const box = (await link.boundingBox())!;
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  await tap();
  await tip.waitFor({ state: 'visible' });
  const box = (await tip.boundingBox())!;
  assert.ok(box.x >= 0 && box.x + box.width <= 390, 'the tooltip fits in the phone screen');
  assert.equal(await link.evaluate((el) => el.parentElement!.classList.contains('is-open')), true, 'the tap opened the term');
  assert.ok(page.url().endsWith(articlePath), 'the first tap stays on the article');
  await tap();
  await page.waitForURL(/\/glossaire#scop$/);
});

test('without a pointer or script, the definition is still in the accessible description', { skip }, async () => {
  const page = await newPage();
  await page.goto(env.site.url + articlePath);
  const { link, tip } = await tipOf(page, 'ptce');
  const description = await link.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
  assert.match(description, /Pôles territoriaux de coopération économique/);
  assert.equal(await tip.isVisible(), false);
});

test('/glossaire lists every term with its anchor, definition and the articles using it', { skip }, async () => {
  const page = await newPage();
  await page.goto(`${env.site.url}/glossaire`);
  assert.equal(await page.locator('h1').innerText(), 'Glossaire');
  for (const slug of ['ess', 'ptce', 'rse', 'scop']) assert.equal(await page.locator(`[id="${slug}"]`).count(), 1, `anchor #${slug}`);
  const ess = page.locator('.glossary-entry', { has: page.locator('[id="ess"]') });
  assert.match(await ess.innerText(), /Qu’est-ce que l’Économie sociale et solidaire/);
  // Its definition is written on two lines: they read with a space between them.
  assert.match(await ess.locator('.glossary-entry__definition').innerText(), /\(ESS\)\s\?\sDéfinition et présentation/);
  // Its presentation's [->artN] is a working link to the article, titled by it.
  const internal = ess.locator('.glossary-entry__presentation a');
  assert.equal(await internal.innerText(), 'L’alchimie de l’écosystème financier solidaire');
  assert.equal(await ess.locator('.spip_lien_invalide').count(), 0);
  assert.equal(await ess.getByRole('link', { name: 'Benoît Hamon en visite à Niort' }).count(), 1);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await page.screenshot({ path: join(resultsDir(), 'glossary-page.png'), fullPage: true });
  await ess.screenshot({ path: '/tmp/glossary16-glossaire-ess.png' });
  await internal.click();
  await page.waitForURL(/\/l-alchimie-de-l-ecosysteme-financier-solidaire$/);
  assert.equal(await page.locator('h1').innerText(), 'L’alchimie de l’écosystème financier solidaire');
  await page.goto(`${env.site.url}/glossaire`);

  // A term link in an article leads to its entry.
  await page.goto(env.site.url + articlePath);
  await page.locator('.article__text .glossary-term__link[href="/glossaire#scop"]').click();
  await page.waitForURL(/\/glossaire#scop$/);
  assert.equal(await page.locator('[id="scop"]').innerText(), 'SCOP');
});

test('the print version lists the definitions once after the article', { skip }, async () => {
  const page = await newPage();
  await page.goto(`${env.site.url}/imprimer${articlePath}`);
  const list = page.locator('.glossary-print');
  assert.equal(await list.count(), 1);
  const text = await list.innerText();
  for (const definition of ['Pôles territoriaux de coopération économique', 'Société coopérative et participative', 'Responsabilité sociale des entreprises']) {
    assert.equal(text.split(definition).length - 1, 1, `${definition} printed once`);
  }
  assert.equal(await page.locator('[role="tooltip"]').count(), 0, 'no tooltips on paper');
});

test('Réglages: the occurrence rule is a labelled choice; once per paragraph marks more terms', { skip }, async () => {
  const context = await env.browser.browser.browser()!.newContext();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${env.site.url}/ecrire/`);
  await page.getByLabel('Adresse email').fill('admin@example.org');
  await page.getByLabel('Mot de passe', { exact: true }).fill('motdepasse-admin');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${env.site.url}/ecrire/`);
  await page.goto(`${env.site.url}/ecrire/reglages`);
  const select = page.getByLabel('Termes du glossaire signalés dans un article');
  assert.equal(await select.inputValue(), 'field');
  assert.match((await select.getAttribute('aria-describedby')) ?? '', /aide/);
  assert.deepEqual(await seriousAxeViolations(page), []);
  await select.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/glossary16-reglages.png' });
  await select.selectOption('paragraph');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/\/ecrire\/reglages\?fait=saved$/);
  assert.equal(await page.getByLabel('Termes du glossaire signalés dans un article').inputValue(), 'paragraph');

  const reader = await newPage();
  await reader.goto(env.site.url + articlePath);
  assert.deepEqual(await markedTerms(reader), ['ptce', 'scop', 'ess', 'ptce', 'ptce', 'ess', 'rse', 'ess', 'scop', 'ptce', 'ess']);

  await page.getByLabel('Termes du glossaire signalés dans un article').selectOption('field');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.waitForURL(/fait=saved$/);
  await context.close();
});
