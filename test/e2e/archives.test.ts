// The archive in a real browser: from the home page's "Toutes les publications" link to /archives, then to page 2
// through the numbered pagination, at 1280 and 390 px: no horizontal scrolling, the current page marked, axe-core
// finding no serious or critical violation; screenshots in test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { siteInBrowser, resultsDir, seriousAxeViolations } from '../helpers/browser.ts';
import { createArticle } from '../../src/articles/index.ts';

const env = siteInBrowser('the archive browser tests', async (site) => {
  const section = await site.db.kysely.selectFrom('sections').select('id').orderBy('id').executeTakeFirstOrThrow();
  for (let i = 0; i < 45; i++) {
    await createArticle(site.db, {
      sectionId: section.id,
      title: `Note de conjoncture numéro ${i} sur l’économie sociale et solidaire en région`,
      description: 'Un long descriptif pour voir comment la liste se comporte sur un écran étroit de téléphone.',
      status: 'published',
      publishedAt: new Date(Date.UTC(2023, 0, 1) + i * 86_400_000 * 3).toISOString(),
    });
  }
});

test('home → archive → page 2 by the pagination, at 1280 and 390 px, without horizontal overflow', { skip: env.skip }, async () => {
  const page = await env.browser.newPage();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(env.site.url + '/');
    await page.getByRole('link', { name: 'Toutes les publications' }).click();
    await page.waitForURL(/\/archives$/);
    assert.equal(await page.locator('h1').innerText(), 'Archives');
    const nav = page.getByRole('navigation', { name: 'Pages de la liste' });
    assert.match(await nav.locator('[aria-current="page"]').innerText(), /1$/);
    await nav.getByRole('link', { name: 'Page 2', exact: true }).click();
    await page.waitForURL(/\/archives\?page=2$/);
    assert.match(await nav.locator('[aria-current="page"]').innerText(), /2$/);
    assert.equal(await page.locator('head link[rel="prev"]').getAttribute('href'), '/archives');
    assert.equal(await page.locator('head link[rel="next"]').getAttribute('href'), '/archives?page=3');
    assert.equal(await page.locator('.card').count(), 20);
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    assert.ok(overflow.scroll <= overflow.inner, `no horizontal overflow at ${width} px (${overflow.scroll} > ${overflow.inner})`);
    await nav.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(resultsDir(), `archives-page-2-${width}.png`), fullPage: true });
    assert.deepEqual(await seriousAxeViolations(page), [], `archive page 2 at ${width} px`);
  }
  await page.close();
});
