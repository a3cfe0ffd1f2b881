// What the two databases do differently, through the one Dialect interface: claimed rows are never taken
// twice (PostgreSQL's SKIP LOCKED), bulk inserts write rows with and without every column, and after
// explicit ids the next ordinary insert gets a fresh id — on SQLite and on PostgreSQL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import type { Trx } from './schema.ts';
import { nowIso } from './time.ts';

forEachDatabase('database dialect', (dialect) => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase(dialect);
  });
  after(() => t.close());

  test('the dialect is the database the site was opened on', () => {
    assert.equal(t.db.dialect.name, dialect);
  });

  test('two workers claiming at the same time never take the same job', async () => {
    const now = nowIso();
    await t.db.kysely
      .insertInto('jobs')
      .values(Array.from({ length: 6 }, (_, i) => ({ type: 'claim-test', payload: JSON.stringify({ i }), status: 'queued' as const, run_at: now, attempts: 0, max_attempts: 10, last_error: '', created_at: now })))
      .execute();
    // The runner's claim: select due rows through claimRows, mark them running, in one transaction.
    const claim = (trx: Trx) =>
      t.db.dialect
        .claimRows(trx.selectFrom('jobs').select('id').where('type', '=', 'claim-test').where('status', '=', 'queued').orderBy('id').limit(3))
        .execute();
    let releaseFirst!: () => void;
    const secondDone = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstHasClaimed!: () => void;
    const firstClaimed = new Promise<void>((resolve) => (firstHasClaimed = resolve));
    const first = t.db.kysely.transaction().execute(async (trx) => {
      const ids = (await claim(trx)).map((r) => r.id);
      firstHasClaimed();
      // Keep the rows locked while the second worker claims (on SQLite the second waits for this commit).
      await Promise.race([secondDone, new Promise((resolve) => setTimeout(resolve, dialect === 'sqlite' ? 0 : 5000))]);
      await trx.updateTable('jobs').set({ status: 'running' }).where('id', 'in', ids).execute();
      return ids;
    });
    await firstClaimed;
    const secondStarted = Date.now();
    const second = await t.db.kysely.transaction().execute(async (trx) => {
      const ids = (await claim(trx)).map((r) => r.id);
      if (ids.length) await trx.updateTable('jobs').set({ status: 'running' }).where('id', 'in', ids).execute();
      return ids;
    });
    releaseFirst();
    const firstIds = await first;
    assert.equal(firstIds.length, 3);
    assert.equal(second.length, 3, 'the second worker gets a full batch of its own');
    assert.deepEqual(firstIds.filter((id) => second.includes(id)), [], 'no job taken twice');
    if (dialect === 'postgres') assert.ok(Date.now() - secondStarted < 4000, 'the second worker did not wait for the first one’s lock');
  });

  test('bulk insert writes rows with every column as given', async () => {
    const now = nowIso();
    await t.db.write((trx) =>
      t.db.dialect.insertRows(trx, 'jobs', [
        { id: 1001, type: 'bulk-full', payload: '{"a":1}', status: 'done', run_at: now, attempts: 2, max_attempts: 3, last_error: 'x', locked_at: null, created_at: now },
        { id: 1002, type: 'bulk-full', payload: '{"a":2}', status: 'failed', run_at: now, attempts: 3, max_attempts: 3, last_error: 'y', locked_at: now, created_at: now },
      ]),
    );
    const rows = await t.db.kysely.selectFrom('jobs').selectAll().where('type', '=', 'bulk-full').orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => [r.id, r.payload, r.status, r.attempts, r.max_attempts, r.last_error, r.locked_at]),
      [
        [1001, '{"a":1}', 'done', 2, 3, 'x', null],
        [1002, '{"a":2}', 'failed', 3, 3, 'y', now],
      ],
    );
  });

  test('bulk insert: a row missing some columns takes their defaults', async () => {
    const now = nowIso();
    await t.db.write((trx) =>
      t.db.dialect.insertRows(trx, 'jobs', [
        { id: 1003, type: 'bulk-partial', payload: '{"b":1}', status: 'running', run_at: now, created_at: now },
        { id: 1004, type: 'bulk-partial', run_at: now, created_at: now },
      ]),
    );
    const rows = await t.db.kysely.selectFrom('jobs').selectAll().where('type', '=', 'bulk-partial').orderBy('id').execute();
    assert.deepEqual(
      rows.map((r) => [r.id, r.payload, r.status, r.attempts, r.max_attempts, r.last_error, r.locked_at]),
      [
        [1003, '{"b":1}', 'running', 0, 10, '', null],
        [1004, '{}', 'queued', 0, 10, '', null],
      ],
    );
  });

  test('bulk insert of many rows writes them all, and reports its progress', async () => {
    const now = nowIso();
    let advanced = 0;
    const rows = Array.from({ length: 4500 }, (_, i) => ({ id: 10_000 + i, type: 'bulk-many', payload: `{"n":${i}}`, status: 'done', run_at: now, attempts: 0, max_attempts: 1, last_error: '', locked_at: null, created_at: now }));
    await t.db.write((trx) => t.db.dialect.insertRows(trx, 'jobs', rows, (n) => (advanced += n)));
    assert.equal(advanced, rows.length);
    const count = await t.db.kysely.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('type', '=', 'bulk-many').executeTakeFirstOrThrow();
    assert.equal(Number(count.n), rows.length);
  });

  test('after rows written with explicit ids, the next ordinary insert gets a fresh id', async () => {
    const now = nowIso();
    await t.db.write(async (trx) => {
      await t.db.dialect.insertRows(trx, 'sections', [
        { id: 500, parent_id: null, slug: 'explicite-500', title: 'Explicite', description: '', text: '', position: 0, lang: 'fr', created_at: now, updated_at: now },
        { id: 501, parent_id: 500, slug: 'explicite-501', title: 'Explicite 2', description: '', text: '', position: 0, lang: 'fr', created_at: now, updated_at: now },
      ]);
      await t.db.dialect.resetIdSequences(trx);
    });
    const inserted = await t.db.kysely
      .insertInto('sections')
      .values({ parent_id: null, slug: 'ordinaire', title: 'Ordinaire', description: '', text: '', position: 0, lang: 'fr', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.ok(inserted.id > 501, `new id ${inserted.id} comes after the explicit ones`);
    const job = await t.db.kysely.insertInto('jobs').values({ type: 'after-reset', payload: '{}', status: 'queued', run_at: now, attempts: 0, max_attempts: 10, last_error: '', created_at: now }).returning('id').executeTakeFirstOrThrow();
    assert.ok(job.id > 10_000 + 4499, `new job id ${job.id} comes after the bulk-inserted ones`);
  });
});
