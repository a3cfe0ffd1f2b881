// A compiled query answers like the builder's, with each call's own values, on both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { compiledQuery } from './compiled-query.ts';

const sectionsBySlug = compiledQuery<[string, number], { id: number; slug: string }>((k, arg) =>
  k.selectFrom('sections').select(['id', 'slug']).where('slug', '=', arg<string>(0)).where('position', '>=', arg<number>(1)).orderBy('id'),
);

forEachDialect('compiled queries', (dialect) => {
  let site: TestSite;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    await site.db.write((trx) =>
      trx
        .insertInto('sections')
        .values(['actualites', 'analyses'].map((slug, position) => ({ parent_id: null, slug, title: slug, description: '', text: '', position, lang: 'fr', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' })))
        .execute(),
    );
  });
  after(() => site.close());

  test('each call runs with its own arguments', async () => {
    assert.deepEqual((await sectionsBySlug(site.db, 'analyses', 0)).map((r) => r.slug), ['analyses']);
    assert.deepEqual((await sectionsBySlug(site.db, 'actualites', 0)).map((r) => r.slug), ['actualites']);
    assert.deepEqual(await sectionsBySlug(site.db, 'actualites', 5), []);
  });

  test('in a transaction too, seeing what it wrote', async () => {
    await site.db.write(async (trx) => {
      await trx.updateTable('sections').set({ position: 9 }).where('slug', '=', 'analyses').execute();
      assert.deepEqual((await sectionsBySlug(trx, 'analyses', 9)).map((r) => r.slug), ['analyses']);
    });
  });

  test('a read on the database while a write is open never sees its rows (they are rolled back)', async () => {
    let read: Promise<{ slug: string }[]> | undefined;
    await assert.rejects(
      site.db.write(async (trx) => {
        await trx.updateTable('sections').set({ position: 7 }).where('slug', '=', 'actualites').execute();
        // SQLite: the same connection, inside the transaction; the read must wait for it to end.
        read = sectionsBySlug(site.db, 'actualites', 7);
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('annulé');
      }),
      /annulé/,
    );
    assert.deepEqual(await read, []);
    assert.deepEqual((await sectionsBySlug(site.db, 'actualites', 0)).map((r) => r.slug), ['actualites']);
  });
});
