// The SPIP importer maps languages and translations (issue 22): spip_articles.lang, langue_choisie and id_trad,
// spip_rubriques.lang and langue_choisie, on both databases. The real backup is monolingual, so a copy of it is
// made bilingual the way SPIP writes it (the original's id_trad is its own id).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { fixturePath } from './helpers/fixtures.ts';
import { importSpip } from '../src/importers/spip/importer.ts';

forEachDialect('SPIP import of languages and translations', (dialect) => {
  let site: TestSite;
  let scratch: string;
  let report: Awaited<ReturnType<typeof importSpip>>['report'];
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    scratch = mkdtempSync(join(tmpdir(), 'tisse-spip-trad-'));
    const file = join(scratch, 'bilingue.sqlite');
    copyFileSync(fixturePath('spip-site', 'labo-ess.sqlite'), file);
    const raw = new BetterSqlite3(file);
    raw.exec(`
      update spip_articles set id_trad = 1 where id_article = 1;
      update spip_articles set id_trad = 1, lang = 'en', langue_choisie = 'oui' where id_article = 2;
      update spip_articles set id_trad = 2, lang = 'pt_br', langue_choisie = 'oui' where id_article = 3;
      update spip_articles set id_trad = 999 where id_article = 4;
      update spip_rubriques set lang = 'en', langue_choisie = 'oui' where id_rubrique = 2;
    `);
    raw.close();
    ({ report } = await importSpip(site.db, file, { dataDir: site.config.dataDir, imgDir: fixturePath('spip-site', 'IMG') }));
  });
  after(async () => {
    await site.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('id_trad becomes the translation group, lang and langue_choisie the language and whether it was chosen', async () => {
    const rows = await site.db.kysely.selectFrom('articles').select(['id', 'lang', 'lang_chosen', 'translation_of']).where('id', 'in', [1, 2, 3, 4, 5]).orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => [r.id, r.lang, r.lang_chosen, r.translation_of]),
      [
        [1, 'fr', 0, null],
        [2, 'en', 1, 1],
        // A chain (id_trad naming a translation) joins the original; SPIP's pt_br is the tag pt-BR.
        [3, 'pt-BR', 1, 1],
        // An original that is not in the backup: the article stays alone, and the report says so.
        [4, 'fr', 0, null],
        [5, 'fr', 0, null],
      ],
    );
    assert.ok(report.skipped.some((s) => s.table === 'spip_articles' && s.id === '4' && /id_trad 999/.test(s.reason)));
    const section = await site.db.kysely.selectFrom('sections').select(['lang', 'lang_chosen']).where('id', '=', 2).executeTakeFirstOrThrow();
    assert.deepEqual([section.lang, section.lang_chosen], ['en', 1]);
  });

  test('the imported translations offer each other on their pages', async () => {
    const slug = (await site.db.kysely.selectFrom('articles').select('slug').where('id', '=', 2).executeTakeFirstOrThrow()).slug;
    // Articles 1 and 2 are published in the backup.
    const page = await (await site.get(`/${slug}`)).text();
    assert.match(page, /<link rel="alternate" hreflang="fr"/);
    assert.match(page, /<html lang="en">/);
    assert.match(page, /Read in: <a href="\/[^"]+" hreflang="fr"/);
  });
});
