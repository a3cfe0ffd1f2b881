// Public paths on both databases: an old path answers the current one (links keep working after renames), a
// path never belongs to two objects, slugs avoid the paths the site itself uses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { currentPath, pathFor, reservedArticleSlugs, resolvePath, setCurrentPath, uniqueSlug } from './index.ts';

test('each kind of object has its public prefix', () => {
  assert.equal(pathFor('article', 'mon-article'), '/mon-article');
  assert.equal(pathFor('section', 'agenda'), '/rubrique/agenda');
  assert.equal(pathFor('keyword', 'ess'), '/mot/ess');
  assert.equal(pathFor('author', 'anne'), '/auteur/anne');
  assert.throws(() => pathFor('document', 'x'));
  for (const slug of ['rubrique', 'ecrire', 'recherche', 'sitemap.xml', 'spip.php']) assert.ok(reservedArticleSlugs.has(slug), slug);
});

forEachDatabase('public paths', (dialect) => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase(dialect);
  });
  after(() => t.close());

  test('after two renames both old paths answer with the current one', async () => {
    await t.db.write((trx) => setCurrentPath(trx, 'article', 4001, '/premier-titre'));
    await t.db.write((trx) => setCurrentPath(trx, 'article', 4001, '/deuxieme-titre'));
    await t.db.write((trx) => setCurrentPath(trx, 'article', 4001, '/troisieme-titre'));
    assert.equal(await currentPath(t.db, 'article', 4001), '/troisieme-titre');
    for (const old of ['/premier-titre', '/deuxieme-titre']) {
      assert.deepEqual(await resolvePath(t.db, old), { objectType: 'article', objectId: 4001, isCurrent: false }, old);
    }
    assert.equal((await resolvePath(t.db, '/troisieme-titre'))?.isCurrent, true);
    assert.equal(await resolvePath(t.db, '/jamais-vu'), undefined);
  });

  test('going back to an old title makes that path current again, with one current path only', async () => {
    await t.db.write((trx) => setCurrentPath(trx, 'article', 4001, '/premier-titre'));
    assert.equal(await currentPath(t.db, 'article', 4001), '/premier-titre');
    assert.equal((await resolvePath(t.db, '/troisieme-titre'))?.isCurrent, false);
    const current = await t.db.kysely.selectFrom('urls').select('path').where('object_id', '=', 4001).where('object_type', '=', 'article').where('is_current', '=', 1).execute();
    assert.equal(current.length, 1);
  });

  test('a path held by another object is never taken over; a fresh slug is found instead', async () => {
    await t.db.write((trx) => setCurrentPath(trx, 'article', 4002, '/rapport'));
    await assert.rejects(t.db.write((trx) => setCurrentPath(trx, 'article', 4003, '/rapport')));
    assert.equal((await resolvePath(t.db, '/rapport'))?.objectId, 4002);
    assert.equal(await t.db.write((trx) => uniqueSlug(trx, 'article', 'rapport')), 'rapport-2');
    assert.equal(await t.db.write((trx) => uniqueSlug(trx, 'article', 'rapport', 4002)), 'rapport', 'an object keeps its own slug');
    assert.equal(await t.db.write((trx) => uniqueSlug(trx, 'section', 'rapport')), 'rapport', '/rubrique/rapport is free');
    assert.equal(await t.db.write((trx) => uniqueSlug(trx, 'article', 'recherche')), 'recherche-2', 'the site’s own paths are reserved');
  });
});
