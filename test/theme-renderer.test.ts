// Tisse's synchronous walk of the templates (src/themes/sync-renderer.ts) writes what LiquidJS's own walk writes:
// two servers on one database, one with each (TISSE_THEME_RENDERER), crawl the public site from its home page and
// must answer every page with the same status and the same bytes: the demo site, and the real SPIP site imported.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { fixturePath } from './helpers/fixtures.ts';
import { importSpip } from '../src/importers/spip/importer.ts';

/** Enough to reach every kind of page of both sites (lists, their later pages, articles, print, glossary, authors). */
const MAX_PAGES = 300;
/** Not pages of the theme: the back office, static files, documents and images, feeds. */
const NOT_THEMED = /^\/(ecrire|assets|IMG|documents|images|local)\b|\.(xml|txt|ico|png|svg|jpe?g|gif|pdf)(\?|$)/;

async function pairOf(dialect: 'sqlite' | 'postgres', demo: boolean): Promise<{ sync: TestSite; liquidjs: TestSite }> {
  const sync = await startTestSite(dialect, { demo, env: { TISSE_PAGE_CACHE: 'off' } });
  if (!demo) await importSpip(sync.db, fixturePath('spip-site', 'labo-ess.sqlite'), { dataDir: sync.config.dataDir, imgDir: fixturePath('spip-site', 'IMG'), dryRun: false });
  const liquidjs = await startTestSite(dialect, {
    demo: false,
    at: { dataDir: sync.config.dataDir, databaseUrl: sync.config.databaseUrl },
    env: { TISSE_PAGE_CACHE: 'off', TISSE_THEME_RENDERER: 'liquidjs' },
  });
  // Canonical addresses and feeds name the site: the same one for both.
  liquidjs.config.siteUrl = sync.config.siteUrl;
  return { sync, liquidjs };
}

/** Every themed page reachable from the home page (up to MAX_PAGES), each answered alike by both servers. */
async function crawlAndCompare(sync: TestSite, liquidjs: TestSite): Promise<{ pages: number; kinds: Set<string> }> {
  const queue = ['/', '/recherche?q=economie', '/page-qui-n-existe-pas', '/glossaire', '/plan', '/archives', '/lettre'];
  const seen = new Set(queue);
  const kinds = new Set<string>();
  let pages = 0;
  while (queue.length > 0 && pages < MAX_PAGES) {
    const path = queue.shift()!;
    const [mine, theirs] = await Promise.all([sync.get(path), liquidjs.get(path)]);
    const [body, expected] = await Promise.all([mine.text(), theirs.text()]);
    assert.equal(mine.status, theirs.status, `${path}: status`);
    if (!(mine.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    assert.equal(withoutFormTokens(body), withoutFormTokens(expected), `${path}: the same HTML`);
    pages++;
    kinds.add(path.split(/[/?]/)[1] || 'home');
    for (const [, href] of body.matchAll(/href="(\/[^"#]*)"/g)) {
      const next = href!.replaceAll('&amp;', '&');
      if (seen.has(next) || NOT_THEMED.test(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return { pages, kinds };
}

/** A form's single-use token is drawn for each request: the one difference two renders may show. */
const withoutFormTokens = (html: string) => html.replace(/(name="token" value=")[^"]*"/g, '$1…"');

forEachDialect('the synchronous theme renderer', (dialect) => {
  for (const [name, demo] of [['the demo site', true], ['the SPIP import', false]] as const) {
    let sites: { sync: TestSite; liquidjs: TestSite };
    before(async () => {
      sites = await pairOf(dialect, demo);
    });
    after(async () => {
      await sites.liquidjs.close();
      await sites.sync.close();
    });

    test(`${name}: every page reached from the home page is written alike by both walks`, async (t) => {
      const { pages, kinds } = await crawlAndCompare(sites.sync, sites.liquidjs);
      t.diagnostic(`${pages} pages compared: ${[...kinds].join(', ')}`);
      assert.ok(pages >= (demo ? 20 : 60), `${pages} pages compared`);
      assert.ok(kinds.size >= 6, `kinds of pages: ${[...kinds].join(', ')}`);
    });
  }
});
