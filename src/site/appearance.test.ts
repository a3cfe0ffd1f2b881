// What Réglages → Apparence sets reaches the public pages, on both databases: the home page's featured article and
// blocks, the main menu (a section, an article, an outside link; an entry whose target is no longer public drops
// out), the theme's colours in /apparence.css whose address changes with them, and the logo as the preview picture
// of pages that have none.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { saveSiteSettings } from '../settings/index.ts';
import { uploadDocument } from '../documents/index.ts';

/** Unpublishes or republishes an article as any write would (the memoised reads and page cache follow). */
const setStatus = (site: TestSite, id: number, status: 'draft' | 'published') => site.db.write((trx) => trx.updateTable('articles').set({ status }).where('id', '=', id).execute());

/** Article titles in the order a block of the home page shows them. */
function titlesIn(html: string, blockId: string): string[] {
  const block = new RegExp(`<section[^>]*aria-labelledby="${blockId}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
  return [...block.matchAll(/class="(?:card|featured)__title"><a href="[^"]+">([^<]+)</g)].map((m) => m[1]!);
}

forEachDialect('appearance on the public site', (dialect) => {
  let site: TestSite;
  const ids: Record<string, number> = {};
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const studies = await createSection(site.db, { title: 'Études' });
    const news = await createSection(site.db, { title: 'Actualités' });
    const local = await createSection(site.db, { title: 'En région', parentId: news.id });
    ids.studies = studies.id;
    ids.news = news.id;
    let day = 1;
    const add = async (key: string, title: string, sectionId: number) => {
      const article = await createArticle(site.db, { sectionId, title, status: 'published', publishedAt: `2026-03-0${day++}T09:00:00Z` });
      ids[key] = article.id;
    };
    await add('report', 'Rapport annuel', studies.id);
    await add('note', 'Note sur les coopératives', studies.id);
    await add('meeting', 'Rencontre à Niort', local.id);
    await add('agenda', 'Agenda de printemps', news.id);
  });
  after(() => site.close());

  test('by default the newest article is featured, then the latest, then a block per top-level section with its sub-sections’ articles', async () => {
    const html = await (await site.get('/')).text();
    assert.deepEqual(titlesIn(html, 'a-la-une'), ['Agenda de printemps']);
    assert.deepEqual(titlesIn(html, 'derniers-articles'), ['Rencontre à Niort', 'Note sur les coopératives', 'Rapport annuel']);
    assert.deepEqual(titlesIn(html, 'bloc-etudes'), ['Note sur les coopératives', 'Rapport annuel']);
    assert.deepEqual(titlesIn(html, 'bloc-actualites'), ['Rencontre à Niort'], 'the sub-section’s article, the featured one left out');
  });

  test('a chosen featured article, fewer latest articles, chosen sections: the page follows at once', async () => {
    await saveSiteSettings(site.db, { homeBlocks: { featured: ids.report!, latestCount: 1, sectionIds: [ids.news!], perSection: 1 } });
    const html = await (await site.get('/')).text();
    assert.deepEqual(titlesIn(html, 'a-la-une'), ['Rapport annuel']);
    assert.deepEqual(titlesIn(html, 'derniers-articles'), ['Agenda de printemps']);
    assert.deepEqual(titlesIn(html, 'bloc-actualites'), ['Agenda de printemps']);
    assert.doesNotMatch(html, /bloc-etudes/);
    // Unpublished, the chosen article gives its place to the newest one.
    await setStatus(site, ids.report!, 'draft');
    assert.deepEqual(titlesIn(await (await site.get('/')).text(), 'a-la-une'), ['Agenda de printemps']);
    await setStatus(site, ids.report!, 'published');
    await saveSiteSettings(site.db, { homeBlocks: { featured: 'none', latestCount: 0, sectionIds: [], perSection: 0 } });
    const bare = await (await site.get('/')).text();
    assert.doesNotMatch(bare, /a-la-une|derniers-articles|bloc-/);
  });

  test('the main menu lists its entries in order; one whose article is no longer public drops out', async () => {
    await saveSiteSettings(site.db, {
      mainMenu: [
        { kind: 'article', articleId: ids.note! },
        { kind: 'section', sectionId: ids.studies! },
        { kind: 'link', label: 'Adhérer', url: 'https://adherer.example.org/' },
      ],
    });
    const menu = () => site.get('/').then((r) => r.text()).then((html) => [...(/<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(/<a href="([^"]+)"[^>]*>([^<]+)</g)].map((m) => `${m[2]} ${m[1]}`));
    assert.deepEqual(await menu(), ['Note sur les coopératives /note-sur-les-cooperatives', 'Études /rubrique/etudes', 'Adhérer https://adherer.example.org/']);
    await setStatus(site, ids.note!, 'draft');
    assert.deepEqual(await menu(), ['Études /rubrique/etudes', 'Adhérer https://adherer.example.org/']);
    await setStatus(site, ids.note!, 'published');
    await saveSiteSettings(site.db, { mainMenu: [] });
    assert.deepEqual(await menu(), ['Études /rubrique/etudes', 'Actualités /rubrique/actualites'], 'no menu set: the top-level sections');
  });

  test('the theme’s colours reach /apparence.css, whose address changes with them; a stored value that is not a colour never does', async () => {
    const styleUrl = async () => /<link rel="stylesheet" href="(\/apparence\.css\?v=[0-9a-f]+)">/.exec(await (await site.get('/')).text())?.[1];
    const before = await styleUrl();
    assert.ok(before);
    assert.match(await (await site.get(before)).text(), /--accent: #0f5e56;/);
    await saveSiteSettings(site.db, { themeSettings: { accent_color: '#7a1f3d', heading_font: 'humanist' } });
    const after = await styleUrl();
    assert.notEqual(after, before);
    const response = await site.get(after!);
    assert.equal(response.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.match(response.headers.get('cache-control') ?? '', /immutable/);
    const css = await response.text();
    assert.match(css, /--accent: #7a1f3d;/);
    assert.match(css, /--font-heading: Seravek/);
    // Written behind the back office's back (an old row, a bad import): the theme's default is served instead.
    await saveSiteSettings(site.db, { themeSettings: { accent_color: 'red;}</style><script>alert(1)</script>' } });
    const guarded = await (await site.get((await styleUrl())!)).text();
    assert.match(guarded, /--accent: #0f5e56;/);
    assert.doesNotMatch(guarded, /script|red/);
  });

  test('the logo is the preview picture of pages without an image of their own', async () => {
    const png = await sharp({ create: { width: 400, height: 120, channels: 3, background: '#0f5e56' } }).png().toBuffer();
    const logo = await uploadDocument(site.db, { originalName: 'logo.png', bytes: png, title: 'Logo' }, { dataDir: site.config.dataDir });
    await saveSiteSettings(site.db, { logo: { documentId: logo.id, file: logo.file, width: logo.width, height: logo.height } });
    for (const path of ['/', '/rubrique/etudes', '/rapport-annuel']) {
      const html = await (await site.get(path)).text();
      assert.match(html, new RegExp(`<meta property="og:image" content="http://127\\.0\\.0\\.1:\\d+/documents/${logo.file}">`), path);
    }
    const home = await (await site.get('/')).text();
    assert.match(home, new RegExp(`<img class="brand__logo" src="[^"]*${logo.file.replace(/\.png$/, '')}[^"]*" width="400" height="120" alt="">`));
  });
});
