// An imported SPIP text linking to a brève ([->breve3]) links to the article that brève became (decision 026),
// with its title, on both databases; when that article's title changes, the page linking to it shows the new one
// (its stored render and its cached page follow), and a brève the import did not know stays a broken link.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { breveLegacyPath } from '../urls/index.ts';
import type { Article } from '../db/schema.ts';

forEachDialect('links to SPIP brèves', (dialect) => {
  let site: TestSite;
  let breve: Article;
  let linking: Article;

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Brèves' });
    breve = await createArticle(site.db, { sectionId: section.id, title: 'Le salon de l’ESS ouvre ses portes', status: 'published' });
    // As the SPIP import records it: brève 3's old path names the article it became.
    await site.db.write((trx) =>
      trx.insertInto('urls').values({ path: breveLegacyPath(3), object_type: 'article', object_id: breve.id, is_current: 0, created_at: new Date().toISOString() }).execute(),
    );
    // In another section: the brève's article is then listed nowhere on this page but in its text.
    const agenda = await createSection(site.db, { title: 'Agenda' });
    linking = await createArticle(site.db, { sectionId: agenda.id, title: 'Notre agenda', text: 'Voir [->breve3], et [->breve99].', status: 'published' });
  });
  after(() => site.close());

  test('[->breve3] links to the article the brève became, with its title; an unknown brève is no link', async () => {
    const html = await (await site.get(`/${linking.slug}`)).text();
    assert.match(html, new RegExp(`Voir <a href="/${breve.slug}"[^>]*>Le salon de l’ESS ouvre ses portes</a>`));
    assert.doesNotMatch(html, /href="[^"]*breve99/);
  });

  test('its new title shows on the page linking to it', async () => {
    await site.db.write((trx) => trx.updateTable('articles').set({ title: 'Le salon de l’ESS a fermé' }).where('id', '=', breve.id).execute());
    assert.match(await (await site.get(`/${linking.slug}`)).text(), new RegExp(`Voir <a href="/${breve.slug}"[^>]*>Le salon de l’ESS a fermé</a>`));
  });
});
