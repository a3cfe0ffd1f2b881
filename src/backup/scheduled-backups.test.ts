// The backup jobs on both databases, without a running site: « Sauvegarder maintenant » asked twice while one
// waits queues one backup; once it has run, a new request queues another; the schedule follows the setting and
// writes nothing when the queue already agrees with it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { saveSiteSettings } from '../settings/index.ts';
import { BACKUP_JOB, requestBackup, scheduleBackups } from './index.ts';

forEachDatabase('backup jobs', (dialect) => {
  let t: TestDatabase;
  const jobs = () => t.db.kysely.selectFrom('jobs').select(['id', 'status', 'payload', 'run_at']).where('type', '=', BACKUP_JOB).orderBy('id').execute();
  before(async () => {
    t = await openTestDatabase(dialect);
  });
  after(() => t.close());

  test('a backup asked for while one waits is not queued twice; after it ran, it is', async () => {
    assert.equal(await requestBackup(t.db), true);
    assert.equal(await requestBackup(t.db), false);
    assert.equal((await jobs()).length, 1);
    await t.db.write((trx) => trx.updateTable('jobs').set({ status: 'done' }).where('type', '=', BACKUP_JOB).execute());
    assert.equal(await requestBackup(t.db), true);
    assert.equal((await jobs()).filter((j) => j.status === 'queued').length, 1);
  });

  test('the schedule follows the setting; when the queue agrees, nothing is written', async () => {
    await t.db.write((trx) => trx.deleteFrom('jobs').execute());
    // PostgreSQL's notice of that write comes back asynchronously: wait until the version stands still.
    let version = t.db.version();
    for (let settled = false; !settled; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      settled = t.db.version() === version;
      version = t.db.version();
    }
    await scheduleBackups(t.db);
    assert.equal(t.db.version(), version, 'off and nothing queued: no write');
    await saveSiteSettings(t.db, { backups: { schedule: 'daily', keep: 3 } });
    const now = new Date('2026-12-07T03:00:00.000Z');
    await scheduleBackups(t.db, now);
    await scheduleBackups(t.db, now);
    const queued = await jobs();
    assert.equal(queued.length, 1);
    assert.equal(queued[0]!.run_at, '2026-12-08T03:00:00.000Z');
    await saveSiteSettings(t.db, { backups: { schedule: 'off', keep: 3 } });
    await scheduleBackups(t.db);
    assert.equal((await jobs()).length, 0);
  });
});
