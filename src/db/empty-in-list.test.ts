// A comparison with an empty list means the same on both databases (issue 21, item 7): `in ()` matches no
// row and `not in ()` every row, where PostgreSQL used to answer a syntax error (a 500 for the person saving).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createArticle, updateArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { loadActor } from '../users/index.ts';

forEachDatabase('empty in lists', (dialect) => {
  let t: TestDatabase;
  let sectionId: number;
  before(async () => {
    t = await openTestDatabase(dialect);
    sectionId = (await createSection(t.db, { title: 'Rubrique' })).id;
  });
  after(() => t.close());

  test('an article without authors is saved by an administrator, and keeps no author', async () => {
    const orphan = await createArticle(t.db, { sectionId, title: 'Sans auteur', authorIds: [] });
    const admin = await loadActor(t.db, { id: t.adminId, role: 'administrator' });
    const saved = await updateArticle(t.db, admin, orphan.id, { title: 'Sans auteur, relu', sectionId: String(sectionId), authorIds: [], keywordIds: [], relatedIds: [] });
    assert.equal(saved.article.title, 'Sans auteur, relu');
    assert.equal((await t.db.kysely.selectFrom('article_authors').selectAll().where('article_id', '=', orphan.id).execute()).length, 0);
  });

  test('in () matches nothing and not in () everything, in selects, updates, deletes and nested conditions', async () => {
    const k = t.db.kysely;
    const all = (await k.selectFrom('users').select('id').execute()).length;
    assert.ok(all > 0);
    assert.equal((await k.selectFrom('users').select('id').where('id', 'in', []).execute()).length, 0);
    assert.equal((await k.selectFrom('users').select('id').where('id', 'not in', []).execute()).length, all);
    assert.equal((await k.selectFrom('users').select('id').where((eb) => eb.or([eb('id', 'in', []), eb('id', '=', t.adminId)])).execute()).length, 1);
    const updated = await k.updateTable('users').set({ name: 'Personne' }).where('id', 'in', []).executeTakeFirst();
    assert.equal(Number(updated.numUpdatedRows), 0);
    const deleted = await k.deleteFrom('sessions').where('user_id', 'in', []).executeTakeFirst();
    assert.equal(Number(deleted.numDeletedRows), 0);
    assert.equal((await k.selectFrom('users').select('name').where('id', '=', t.adminId).executeTakeFirstOrThrow()).name, 'Administrateur');
  });
});
