// A slug typed for an article, on both databases: refused when malformed, reserved by the site, or held (now or
// before) by another object; the article's own paths, old ones included, may be taken again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { articleSlugProblem, setCurrentPath } from './index.ts';

forEachDatabase('an article’s typed slug', (dialect) => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase(dialect);
    await t.db.write(async (trx) => {
      await setCurrentPath(trx, 'article', 7001, '/ancien-titre');
      await setCurrentPath(trx, 'article', 7001, '/titre-actuel');
      await setCurrentPath(trx, 'article', 7002, '/autre-article');
      await setCurrentPath(trx, 'article', 7002, '/autre-article-renomme');
      await setCurrentPath(trx, 'section', 7003, '/rubrique/agenda');
    });
  });
  after(() => t.close());

  const problem = (slug: string, ownId?: number) => t.db.write((trx) => articleSlugProblem(trx, slug, ownId));

  test('malformed slugs are refused with the format to follow', async () => {
    for (const slug of ['Majuscules', 'avec espace', 'accentué', 'fin-', '-debut', 'double--tiret', '', 'a/b', 'x'.repeat(81)]) {
      assert.equal(await problem(slug, 7001), 'errors.field.slugFormat', slug);
    }
  });

  test('the site’s own paths are reserved, whatever their case', async () => {
    for (const slug of ['ecrire', 'rss.xml', 'sitemap.xml', 'rubrique', 'IMG', 'img', 'Ecrire']) assert.equal(await problem(slug, 7001), 'errors.field.slugReserved', slug);
  });

  test('another object’s path, current or old, is taken; the article’s own are not', async () => {
    assert.equal(await problem('autre-article-renomme', 7001), 'errors.field.slugTaken');
    assert.equal(await problem('autre-article', 7001), 'errors.field.slugTaken', 'an old path still redirects to its object');
    assert.equal(await problem('titre-actuel'), 'errors.field.slugTaken', 'a new article takes no existing path');
    assert.equal(await problem('ancien-titre', 7001), undefined, 'an article may take back its own old path');
    assert.equal(await problem('titre-actuel', 7001), undefined);
    assert.equal(await problem('agenda', 7001), undefined, '/rubrique/agenda is not /agenda');
    assert.equal(await problem('nouvelle-adresse-2024', 7001), undefined);
  });
});
