// The jobs runner on both databases: due jobs run once and are marked done, future and unhandled ones wait,
// failures are retried with backoff then kept as failed, a crashed runner's jobs are taken back, stop() waits
// for the pass in progress; on PostgreSQL, two runners (two app servers) never run the same job.
import { after, before, test } from 'node:test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import pino from 'pino';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Job } from '../db/schema.ts';
import { createTestDatabase, forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { enqueueJob } from '../outbox/queue.ts';
import { backoffMs, startJobRunner, type JobHandler, type JobRunner } from './runner.ts';

const log = pino({ level: 'silent' });
/** Runners in these tests poll once an hour: each test drives them with runDue(), so nothing depends on timing. */
const NEVER = 3_600_000;

test('backoff doubles from 10 s and stops at one hour', () => {
  assert.deepEqual([1, 2, 3, 4].map(backoffMs), [10_000, 20_000, 40_000, 80_000]);
  assert.equal(backoffMs(0), 10_000);
  assert.equal(backoffMs(30), 3_600_000);
});

forEachDatabase('jobs runner', (dialect) => {
  let t: TestDatabase;
  const runners: JobRunner[] = [];

  function runner(handlers: Record<string, JobHandler>): JobRunner {
    const r = startJobRunner({ db: t.db, log, handlers, pollMs: NEVER });
    runners.push(r);
    return r;
  }

  function enqueue(type: string, payload: unknown, runAt?: Date, maxAttempts?: number): Promise<number> {
    return t.db.write((trx) => enqueueJob(trx, type, payload, runAt, maxAttempts ? { maxAttempts } : {}));
  }

  const job = (id: number): Promise<Job> => t.db.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  before(async () => {
    t = await openTestDatabase(dialect);
  });
  after(async () => {
    for (const r of runners) await r.stop();
    await t.close();
  });

  test('due jobs run once, oldest first, with their payload; future and unhandled jobs wait', async () => {
    const seen: unknown[] = [];
    const r = runner({ echo: async (payload) => void seen.push(payload) });
    const a = await enqueue('echo', { n: 1 });
    const b = await enqueue('echo', { n: 2 });
    const later = await enqueue('echo', { n: 3 }, new Date(Date.now() + 3_600_000));
    const other = await enqueue('no-handler', { n: 4 });
    assert.equal(await r.runDue(), 2);
    assert.deepEqual(seen, [{ n: 1 }, { n: 2 }]);
    for (const id of [a, b]) {
      const row = await job(id);
      assert.equal(row.status, 'done');
      assert.equal(row.attempts, 1);
      assert.equal(row.locked_at, null);
    }
    assert.equal((await job(later)).status, 'queued');
    assert.equal((await job(other)).status, 'queued', 'a type without a handler here stays for a process that has one');
    assert.equal(await r.runDue(), 0, 'nothing runs twice');
    await t.db.kysely.deleteFrom('jobs').execute();
  });

  test('a failing job is retried later with backoff, then kept as failed with its error', async () => {
    let calls = 0;
    const r = runner({
      flaky: async () => {
        calls++;
        throw new Error(`panne n° ${calls}`);
      },
    });
    const id = await enqueue('flaky', {}, undefined, 2);
    const before = Date.now();
    assert.equal(await r.runDue(), 1);
    let row = await job(id);
    assert.equal(row.status, 'queued');
    assert.equal(row.attempts, 1);
    assert.equal(row.last_error, 'panne n° 1');
    assert.ok(Date.parse(row.run_at) >= before + backoffMs(1), 'not before the backoff');
    assert.equal(await r.runDue(), 0, 'not retried before its time');
    await t.db.kysely.updateTable('jobs').set({ run_at: new Date().toISOString() }).where('id', '=', id).execute();
    assert.equal(await r.runDue(), 1);
    row = await job(id);
    assert.equal(row.status, 'failed', 'max_attempts reached');
    assert.equal(row.attempts, 2);
    assert.equal(row.last_error, 'panne n° 2');
    assert.equal(await r.runDue(), 0);
    assert.equal(calls, 2);
    await t.db.kysely.deleteFrom('jobs').execute();
  });

  test('a job left running by a crashed process is taken back after the stale delay, not before', async () => {
    const ran: number[] = [];
    const r = runner({ work: async (_payload, j) => void ran.push(j.id) });
    const stale = await enqueue('work', {});
    const fresh = await enqueue('work', {});
    await t.db.kysely.updateTable('jobs').set({ status: 'running', locked_at: new Date(Date.now() - 11 * 60_000).toISOString(), attempts: 1 }).where('id', '=', stale).execute();
    await t.db.kysely.updateTable('jobs').set({ status: 'running', locked_at: new Date().toISOString(), attempts: 1 }).where('id', '=', fresh).execute();
    assert.equal(await r.runDue(), 1);
    assert.deepEqual(ran, [stale]);
    assert.equal((await job(stale)).status, 'done');
    assert.equal((await job(stale)).attempts, 2);
    assert.equal((await job(fresh)).status, 'running', 'another runner may still be working on it');
    await t.db.kysely.deleteFrom('jobs').execute();
  });

  // Issue 15, item 15: a killed process's running jobs stayed 'running' until the 10-minute stale lock.
  test('the jobs of a killed process go back to the queue at a peer’s first sweep after three missed heartbeats', { timeout: 60_000 }, async () => {
    const heartbeatMs = 1000;
    const id = await enqueue('hang', {});
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../test/helpers/job-worker-process.ts', import.meta.url)), t.dataDir, t.url ?? '', '200'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => (out += chunk));
      const deadline = Date.now() + 30_000;
      while (!out.includes(`claimed ${id}`)) {
        assert.ok(Date.now() < deadline, 'the child process claimed the job');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    }
    const killedAt = Date.now();
    const claimed = await job(id);
    assert.equal(claimed.status, 'running');
    assert.ok(claimed.worker_id, 'claimed under the child runner’s id');

    const ran: number[] = [];
    const peer = startJobRunner({ db: t.db, log, handlers: { hang: async (_payload, j) => void ran.push(j.id) }, pollMs: NEVER, heartbeatMs });
    runners.push(peer);
    assert.equal(await peer.runDue(), 0, 'not taken back while its runner may still be alive');
    while (ran.length === 0) {
      assert.ok(Date.now() - killedAt < 20_000, 'taken back within seconds, not after 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
      await peer.runDue();
    }
    assert.deepEqual(ran, [id]);
    assert.ok(Date.now() - killedAt >= 2 * heartbeatMs, 'not before the heartbeats lapsed');
    const row = await job(id);
    assert.equal(row.status, 'done');
    assert.equal(row.attempts, 2);
    assert.equal(row.worker_id, null);
    const workers = (await t.db.kysely.selectFrom('job_workers').select('id').execute()).map((w) => w.id);
    assert.equal(workers.includes(claimed.worker_id!), false, 'the dead runner’s row was swept');
    await t.db.kysely.deleteFrom('jobs').execute();
  });

  test('stopping (SIGTERM) lets the running job finish and returns the jobs claimed after it to the queue, attempts untouched', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const ran: number[] = [];
    const r = startJobRunner({
      db: t.db,
      log,
      pollMs: NEVER,
      handlers: {
        batch: async (payload) => {
          const n = (payload as { n: number }).n;
          ran.push(n);
          if (n === 1) {
            started();
            await gate;
          }
        },
      },
    });
    const ids = [await enqueue('batch', { n: 1 }), await enqueue('batch', { n: 2 }), await enqueue('batch', { n: 3 })];
    const pass = r.runDue();
    await running;
    const stopped = r.stop();
    release();
    await stopped;
    await pass;
    assert.deepEqual(ran, [1]);
    assert.equal((await job(ids[0]!)).status, 'done');
    for (const id of ids.slice(1)) {
      const row = await job(id);
      assert.equal(row.status, 'queued');
      assert.equal(row.attempts, 0);
      assert.equal(row.worker_id, null);
    }
    // Another runner (the next server) takes them.
    const next = runner({ batch: async (payload) => void ran.push((payload as { n: number }).n) });
    assert.equal(await next.runDue(), 2);
    assert.deepEqual(ran, [1, 2, 3]);
    await t.db.kysely.deleteFrom('jobs').execute();
  });

  test('the runner polls on its own, and stop() waits for the job in progress', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let finished = false;
    const r = startJobRunner({
      db: t.db,
      log,
      pollMs: 5,
      handlers: {
        slow: async () => {
          started();
          await gate;
          finished = true;
        },
      },
    });
    const id = await enqueue('slow', {});
    // The runner's timer is unref'd (it never holds a process open): something must keep this one alive meanwhile.
    const keepAlive = setInterval(() => {}, 1000);
    await running; // picked up by the poll, without runDue()
    clearInterval(keepAlive);
    const stopping = r.stop();
    release();
    await stopping;
    assert.equal(finished, true, 'stop() resolved only after the handler');
    assert.equal((await job(id)).status, 'done');
    await t.db.kysely.deleteFrom('jobs').execute();
  });

  if (dialect === 'postgres') {
    test('two runners on two connections (two app servers) share the queue without running a job twice', { timeout: 120_000 }, async () => {
      const database = await createTestDatabase();
      const first = await openDatabase({ dataDir: '', databaseUrl: database.url });
      const second = await openDatabase({ dataDir: '', databaseUrl: database.url });
      const pair: JobRunner[] = [];
      try {
        await migrateToLatest(first);
        const total = 120;
        await first.write(async (trx) => {
          for (let k = 0; k < total; k++) await enqueueJob(trx, 'count', { k });
        });
        const ranBy = { a: [] as number[], b: [] as number[] };
        // Each runner's first job waits until the other runner has started one: both hold claimed jobs at
        // the same moment, so overlapping claims would show as the same job run twice.
        let aStarted!: () => void;
        let bStarted!: () => void;
        const aRunning = new Promise<void>((resolve) => (aStarted = resolve));
        const bRunning = new Promise<void>((resolve) => (bStarted = resolve));
        const handler = (who: 'a' | 'b'): JobHandler => async (payload) => {
          if (ranBy[who].length === 0) {
            (who === 'a' ? aStarted : bStarted)();
            await (who === 'a' ? bRunning : aRunning);
          }
          ranBy[who].push((payload as { k: number }).k);
        };
        const a = startJobRunner({ db: first, log, pollMs: NEVER, batchSize: 5, handlers: { count: handler('a') } });
        const b = startJobRunner({ db: second, log, pollMs: NEVER, batchSize: 5, handlers: { count: handler('b') } });
        pair.push(a, b);
        const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
        assert.equal(ranA + ranB, total);
        assert.ok(ranBy.a.length > 0 && ranBy.b.length > 0, 'both runners worked');
        const all = [...ranBy.a, ...ranBy.b].sort((x, y) => x - y);
        assert.deepEqual(all, Array.from({ length: total }, (_, k) => k), 'every job ran exactly once');
        const left = await first.kysely.selectFrom('jobs').select('id').where('status', '!=', 'done').execute();
        assert.deepEqual(left, []);
        const attempts = await first.kysely.selectFrom('jobs').select('id').where('attempts', '!=', 1).execute();
        assert.deepEqual(attempts, [], 'no job was claimed twice');
      } finally {
        for (const r of pair) await r.stop();
        await first.close();
        await second.close();
        await database.drop();
      }
    });
  }
});
