// The jobs runner, started explicitly at boot (server.ts): it polls the jobs table, claims due jobs and runs
// their handler. PostgreSQL: any number of runners (one per app server) claim with FOR UPDATE SKIP LOCKED;
// SQLite: one process owns the file, so one runner claims inside a write transaction.
// A failed job is retried with exponential backoff until max_attempts, then kept as 'failed' with its error.
// Each runner beats in job_workers every `heartbeatMs` and stamps the jobs it claims with its id; every claim
// first sweeps: the running jobs of a runner that has not beaten for DEAD_AFTER_BEATS heartbeats (a killed
// process) go back to the queue. Times are each node's clock: nodes' clocks must agree within a few seconds.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/connect.ts';
import type { Job } from '../db/schema.ts';
import { nowIso } from '../db/time.ts';
import { jobFailures } from '../kernel/metrics.ts';

export type JobHandler = (payload: unknown, job: Job) => Promise<void>;

/**
 * Thrown by a handler that cannot run yet for a reason that is not the job's fault (no SMTP server
 * configured): the job waits `retryInMs` and keeps its attempts, so no mail is lost to a missing setting.
 */
export class JobDeferred extends Error {
  constructor(
    message: string,
    readonly retryInMs = 60_000,
  ) {
    super(message);
    this.name = 'JobDeferred';
  }
}

export interface JobRunnerOptions {
  db: Db;
  log: Logger;
  /** Handlers by job type; jobs of a type without a handler stay queued (e.g. mail without SMTP). */
  handlers: Record<string, JobHandler>;
  pollMs?: number;
  batchSize?: number;
  /** How often this runner says it is alive (default 5 s); tests shorten it. */
  heartbeatMs?: number;
}

export interface JobRunner {
  /** Claims and runs every due job once; resolves with the number run (tests and the CLI call it directly). */
  runDue(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A running job claimed before runners had an id (migration 026) and older than this is taken to belong to a
 * crashed process and is queued again. Jobs claimed since are taken back by the heartbeat rule below.
 */
const STALE_LOCK_MS = 10 * 60 * 1000;

export const DEFAULT_HEARTBEAT_MS = 5000;

/** A runner that has not beaten for this many heartbeats is dead: its running jobs go back to the queue. */
export const DEAD_AFTER_BEATS = 3;

/** 10 s, 20 s, 40 s… capped at one hour: a dead SMTP server is retried for hours, not hammered. */
export function backoffMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

// Job bookkeeping goes through db.kysely, not db.write: it changes nothing a page shows, so it must not
// empty every page cache of every process each time a mail is sent.
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, log, handlers } = options;
  const types = Object.keys(handlers);
  const pollMs = options.pollMs ?? 1000;
  const batchSize = options.batchSize ?? 10;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const workerId = `${process.pid}-${randomBytes(6).toString('hex')}`;
  let stopped = false;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;

  /** Says this runner is alive: at start, before the first claim, then every heartbeatMs. */
  let alive = false;
  let beating: Promise<void> | undefined;
  async function beat(): Promise<void> {
    const now = nowIso();
    await db.kysely
      .insertInto('job_workers')
      .values({ id: workerId, started_at: now, beat_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ beat_at: now }))
      .execute();
    alive = true;
  }
  const heart = setInterval(() => {
    beating = beat().catch((error: unknown) => log.warn({ err: error }, 'jobs runner heartbeat failed'));
  }, heartbeatMs);
  heart.unref();

  async function claim(): Promise<Job[]> {
    if (types.length === 0) return [];
    if (!alive) await beat();
    const now = nowIso();
    const staleBefore = new Date(Date.now() - STALE_LOCK_MS).toISOString();
    const deadBefore = new Date(Date.now() - DEAD_AFTER_BEATS * heartbeatMs).toISOString();
    return db.kysely.transaction().execute(async (trx) => {
      // The sweep: running jobs of runners that stopped beating (or whose row a peer's sweep removed), and
      // claims older than the runners' ids that are past the stale delay, go back to the queue.
      const returned = await trx
        .updateTable('jobs')
        .set({ status: 'queued', locked_at: null, worker_id: null })
        .where('status', '=', 'running')
        .where((eb) =>
          eb.or([
            eb.and([eb('worker_id', 'is', null), eb('locked_at', '<', staleBefore)]),
            eb.and([eb('worker_id', 'is not', null), eb('worker_id', 'not in', eb.selectFrom('job_workers').select('job_workers.id').where('job_workers.beat_at', '>=', deadBefore))]),
          ]),
        )
        .returning(['id', 'worker_id'])
        .execute();
      await trx.deleteFrom('job_workers').where('beat_at', '<', deadBefore).execute();
      if (returned.length) log.warn({ jobs: returned.map((r) => r.id) }, `jobs runner: ${returned.length} job(s) of a dead process returned to the queue`);
      const due = db.dialect.claimRows(
        trx
        .selectFrom('jobs')
        .select('id')
        .where('status', '=', 'queued')
        .where('run_at', '<=', now)
        .where('type', 'in', types)
        .orderBy('run_at')
        .orderBy('id')
        .limit(batchSize),
      );
      const ids = (await due.execute()).map((r) => r.id);
      if (ids.length === 0) return [];
      return trx
        .updateTable('jobs')
        .set({ status: 'running', locked_at: now, worker_id: workerId, attempts: sql<number>`attempts + 1` })
        .where('id', 'in', ids)
        // Only what is still queued: on SQLite, several processes on one file (--workers, two servers) may have
        // read the same rows; the writer that comes second takes none of them.
        .where('status', '=', 'queued')
        .returningAll()
        .execute();
    });
  }

  async function runOne(job: Job): Promise<void> {
    const handler = handlers[job.type]!;
    try {
      await handler(JSON.parse(job.payload), job);
      await db.kysely.updateTable('jobs').set({ status: 'done', locked_at: null, worker_id: null, last_error: '' }).where('id', '=', job.id).execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof JobDeferred) {
        await db.kysely
          .updateTable('jobs')
          .set({ status: 'queued', locked_at: null, worker_id: null, last_error: message.slice(0, 2000), attempts: Math.max(0, job.attempts - 1), run_at: new Date(Date.now() + error.retryInMs).toISOString() })
          .where('id', '=', job.id)
          .execute();
        return;
      }
      const giveUp = job.attempts >= job.max_attempts;
      jobFailures.inc({ type: job.type, final: giveUp ? 'yes' : 'no' });
      const runAt = new Date(Date.now() + backoffMs(job.attempts)).toISOString();
      await db.kysely
        .updateTable('jobs')
        .set({ status: giveUp ? 'failed' : 'queued', locked_at: null, worker_id: null, last_error: message.slice(0, 2000), run_at: giveUp ? job.run_at : runAt })
        .where('id', '=', job.id)
        .execute();
      log[giveUp ? 'error' : 'warn']({ job: job.id, type: job.type, attempts: job.attempts, err: message }, giveUp ? 'job failed for good' : 'job failed, will retry');
    }
  }

  /** Claimed jobs that will not run here: queued again, their attempt not counted. */
  async function release(jobs: Job[]): Promise<void> {
    for (const job of jobs) {
      await db.kysely.updateTable('jobs').set({ status: 'queued', locked_at: null, worker_id: null, attempts: Math.max(0, job.attempts - 1) }).where('id', '=', job.id).where('worker_id', '=', workerId).execute();
    }
  }

  async function runDue(): Promise<number> {
    let count = 0;
    for (;;) {
      const jobs = await claim();
      if (jobs.length === 0) return count;
      for (const [index, job] of jobs.entries()) {
        // Stopping (SIGTERM): the job running now finishes; those claimed after it go back to the queue untouched.
        if (stopped) {
          await release(jobs.slice(index));
          return count;
        }
        await runOne(job);
        count++;
      }
      if (stopped) return count;
    }
  }

  /** One pass at a time: a slow pass delays the next poll instead of overlapping it. */
  function pass(): Promise<number> {
    running ??= runDue()
      .catch((error: unknown) => {
        log.error({ err: error }, 'jobs runner pass failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void pass().then(schedule);
    }, pollMs);
    timer.unref();
  }
  schedule();

  return {
    runDue: pass,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      clearInterval(heart);
      // Gone on purpose, with nothing running: peers need not wait for the heartbeat to lapse.
      await beating;
      await db.kysely.deleteFrom('job_workers').where('id', '=', workerId).execute().catch(() => {});
    },
  };
}
