// A backup beside the leftovers of one killed half-way, on both databases: the finished archive is the only one
// listed, and a staging folder or partial file older than a day is removed while a fresh one (a backup running
// now) is left alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { backupsDir, createBackup, listBackups } from './index.ts';

forEachDatabase('backup leftovers', (dialect) => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase(dialect);
  });
  after(() => t.close());

  test('a backup removes what a killed one left a day ago, not what a running one is writing', async () => {
    const dir = backupsDir(t.dataDir);
    mkdirSync(join(dir, '.partial-0a0a0a0a0a0a', 'data'), { recursive: true });
    writeFileSync(join(dir, 'tisse-20261201-000000-abcd.tar.gz.partial-0b0b0b0b'), 'à moitié');
    mkdirSync(join(dir, '.partial-0c0c0c0c0c0c'));
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000);
    utimesSync(join(dir, '.partial-0a0a0a0a0a0a'), twoDaysAgo, twoDaysAgo);
    utimesSync(join(dir, 'tisse-20261201-000000-abcd.tar.gz.partial-0b0b0b0b'), twoDaysAgo, twoDaysAgo);
    const result = await createBackup({ dataDir: t.dataDir, databaseUrl: t.url });
    assert.deepEqual(listBackups(t.dataDir).map((b) => join(dir, b.name)), [result.file]);
    assert.equal(existsSync(join(dir, '.partial-0a0a0a0a0a0a')), false);
    assert.equal(existsSync(join(dir, 'tisse-20261201-000000-abcd.tar.gz.partial-0b0b0b0b')), false);
    assert.equal(existsSync(join(dir, '.partial-0c0c0c0c0c0c')), true, 'a fresh staging folder stays');
  });
});
