// A site's first start on both databases: the first administrator is created once (with the configured
// password, or a generated one returned once), the demo is added only to a site without articles, and a
// second start changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, forEachDatabase, type TestDialect } from '../../test/helpers/database.ts';
import { openDatabase, type Db } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../kernel/config.ts';
import { logIn } from '../users/index.ts';
import { initialiseSite } from './index.ts';

async function emptySite(dialect: TestDialect): Promise<{ db: Db; dataDir: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-setup-test-'));
  const database = dialect === 'postgres' ? await createTestDatabase() : undefined;
  const db = await openDatabase({ dataDir, databaseUrl: database?.url });
  await migrateToLatest(db);
  return {
    db,
    dataDir,
    async close() {
      await db.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const count = async (db: Db, table: 'users' | 'articles') => Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

forEachDatabase('first start', (dialect) => {
  let site: Awaited<ReturnType<typeof emptySite>>;
  before(async () => {
    site = await emptySite(dialect);
  });
  after(() => site.close());

  test('without a configured password one is generated, returned once, and opens the back office', async () => {
    const config = loadConfig({ TISSE_DATA_DIR: site.dataDir, TISSE_ADMIN_EMAIL: 'fondatrice@example.org' });
    const first = await initialiseSite(site.db, config, { demo: false });
    assert.equal(first.admin?.email, 'fondatrice@example.org');
    assert.equal(first.admin?.generated, true);
    assert.ok(first.admin!.password.length >= 12);
    await logIn(site.db, { email: 'fondatrice@example.org', password: first.admin!.password, ip: '127.0.0.1', userAgent: 'test' });
    assert.equal(first.demoCreated, false);
    assert.equal(await count(site.db, 'articles'), 0);
  });

  test('a second start creates no other administrator; the demo goes only into a site without articles', async () => {
    const config = loadConfig({ TISSE_DATA_DIR: site.dataDir, TISSE_ADMIN_EMAIL: 'autre@example.org', TISSE_ADMIN_PASSWORD: 'motdepasse-autre' });
    const withDemo = await initialiseSite(site.db, config, { demo: true });
    assert.equal(withDemo.admin, undefined);
    assert.equal(await count(site.db, 'users'), 1);
    assert.equal(withDemo.demoCreated, true);
    const articles = await count(site.db, 'articles');
    assert.ok(articles > 0);
    const again = await initialiseSite(site.db, config, { demo: true });
    assert.deepEqual(again, { demoCreated: false });
    assert.equal(await count(site.db, 'articles'), articles);
  });
});
