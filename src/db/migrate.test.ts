// Migrations on both databases: a fresh database reaches the latest schema in one run, a second run
// applies nothing and keeps the data, and the migrated schema accepts what the site writes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, forEachDatabase, type TestDialect } from '../../test/helpers/database.ts';
import { openDatabase, type Db } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

async function freshDatabase(dialect: TestDialect): Promise<{ db: Db; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-migrate-test-'));
  const database = dialect === 'postgres' ? await createTestDatabase() : undefined;
  const db = await openDatabase({ dataDir, databaseUrl: database?.url });
  return {
    db,
    async close() {
      await db.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

forEachDatabase('migrations', (dialect) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  before(async () => {
    fresh = await freshDatabase(dialect);
  });
  after(() => fresh.close());

  test('a fresh database migrates to the latest schema, every migration once and in order', async () => {
    const report = await migrateToLatest(fresh.db);
    assert.deepEqual(report.applied, Object.keys(migrations).sort());
    const tables = (await fresh.db.kysely.introspection.getTables()).map((t) => t.name);
    for (const table of ['sections', 'articles', 'users', 'forum_messages', 'documents', 'urls', 'jobs', 'settings', 'settings_revisions']) {
      assert.ok(tables.includes(table), `table ${table} exists`);
    }
    const forum = (await fresh.db.kysely.introspection.getTables()).find((t) => t.name === 'forum_messages')!;
    assert.ok(forum.columns.some((c) => c.name === 'author_site_name'), 'a later migration’s column is there');
  });

  test('running again applies nothing and keeps the data', async () => {
    const now = new Date().toISOString();
    await fresh.db.kysely.insertInto('settings').values({ key: 'migrate-test', value: '"gardé"', updated_at: now }).execute();
    const again = await migrateToLatest(fresh.db);
    assert.deepEqual(again.applied, []);
    const kept = await fresh.db.kysely.selectFrom('settings').select('value').where('key', '=', 'migrate-test').executeTakeFirst();
    assert.equal(kept?.value, '"gardé"');
  });

  test('the migrated schema enforces the statuses the site relies on', async () => {
    const now = new Date().toISOString();
    const section = await fresh.db.kysely
      .insertInto('sections')
      .values({ parent_id: null, slug: 'migree', title: 'Migrée', description: '', text: '', position: 0, lang: 'fr', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const article = { section_id: section.id, title: 'Statut', created_at: now, updated_at: now } as const;
    await assert.rejects(
      fresh.db.kysely.insertInto('articles').values({ ...article, slug: 'statut-inconnu', status: 'online' as never } as never).execute(),
      'an unknown article status is refused by the database',
    );
    await fresh.db.kysely.insertInto('articles').values({ ...article, slug: 'statut-par-defaut' } as never).execute();
    const row = await fresh.db.kysely.selectFrom('articles').select(['status', 'lang']).where('slug', '=', 'statut-par-defaut').executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'draft', lang: 'fr' });
  });
});
