// Stored renders show what rendering shows (issue 19): every article of the real SPIP site, once imported, is
// rendered the way pages rendered it before renders were stored (parse, resolve, glossary, render), then read
// back from article_renders; both must be equal, field by field, on both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { fixturePath } from './helpers/fixtures.ts';
import { importSpip } from '../src/importers/spip/importer.ts';
import { articleGlossary } from '../src/glossary/index.ts';
import { loadSiteSettings } from '../src/settings/index.ts';
import { renderArticle, type RenderedArticle } from '../src/web/render-article.ts';
import { articleRender } from '../src/web/stored-article-render.ts';

const shown = ({ references: _, ...fields }: RenderedArticle) => fields;

forEachDialect('stored renders of the SPIP import', (dialect) => {
  let site: TestSite;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    await importSpip(site.db, fixturePath('spip-site', 'labo-ess.sqlite'), { dataDir: site.config.dataDir, imgDir: fixturePath('spip-site', 'IMG'), dryRun: false });
  });
  after(() => site.close());

  test('every imported article’s stored render equals its render', async () => {
    const settings = await loadSiteSettings(site.db);
    const options = { occurrences: settings.glossaryOccurrences };
    const articles = await site.db.kysely.selectFrom('articles').selectAll().orderBy('id').execute();
    assert.ok(articles.length >= 20, `${articles.length} articles imported`);
    const now = new Date().toISOString();
    let withGlossary = 0;
    for (const article of articles) {
      const glossary = await articleGlossary(site.db, article, options);
      const rendered = shown(await renderArticle(site.db, article, glossary.annotate, now));
      if (rendered.text.includes('glossary-term')) withGlossary++;
      // The first call renders and stores, the second reads the row.
      await articleRender(site.db, article, options, now);
      const row = await site.db.kysely.selectFrom('article_renders').select('article_id').where('article_id', '=', article.id).executeTakeFirst();
      assert.ok(row, `article ${article.id}: render stored`);
      assert.deepEqual(shown(await articleRender(site.db, article, options, now)), rendered, `article ${article.id}`);
    }
    assert.ok(withGlossary > 0, 'some texts carry glossary terms');
  });
});
