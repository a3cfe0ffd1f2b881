// The jobs table seen from the code that needs background work: enqueue inside the same transaction as the
// change that calls for it, so a job exists if and only if that change committed.
import type { Insertable } from 'kysely';
import type { Trx } from '../db/connect.ts';
import type { JobsTable } from '../db/schema.ts';
import { nowIso, toIso } from '../db/time.ts';
import { compiledQuery } from '../db/compiled-query.ts';

export interface EnqueueOptions {
  /** When the job may run first; now by default. */
  runAt?: Date | string;
  /** Attempts before the job is marked failed (10 by default). */
  maxAttempts?: number;
}

export async function enqueueJob(trx: Trx, type: string, payload: unknown, runAt?: Date | string, options: Omit<EnqueueOptions, 'runAt'> = {}): Promise<number> {
  const now = nowIso();
  const values: Insertable<JobsTable> = {
    type,
    payload: JSON.stringify(payload ?? {}),
    status: 'queued',
    run_at: runAt ? toIso(runAt) : now,
    attempts: 0,
    max_attempts: options.maxAttempts ?? 10,
    last_error: '',
    locked_at: null,
    created_at: now,
  };
  const [row] = await insertJob(trx, values.type, values.payload, values.run_at, values.max_attempts, values.created_at);
  return row!.id;
}

/** Compiled once: every forum post queues a job in its transaction (db/compiled-query.ts). */
const insertJob = compiledQuery<[string, string, string, number, string], { id: number }>((k, arg) =>
  k
    .insertInto('jobs')
    .values({ type: arg(0), payload: arg(1), status: 'queued', run_at: arg(2), attempts: 0, max_attempts: arg(3), last_error: '', locked_at: null, created_at: arg(4) })
    .returning('id'),
);

/**
 * Queues the job unless one of the same type and payload is already waiting (not yet claimed): work that covers
 * everything up to the moment it runs, such as the moderators' email of an article's new messages, is queued once
 * however many changes call for it meanwhile. On PostgreSQL two concurrent transactions may both queue it; such
 * jobs must find nothing left to do when they run second. Returns whether a job was queued.
 */
export async function enqueueJobOnce(trx: Trx, type: string, payload: unknown): Promise<boolean> {
  const text = JSON.stringify(payload ?? {});
  if ((await waitingJob(trx, type, text)).length > 0) return false;
  await enqueueJob(trx, type, payload);
  return true;
}

const waitingJob = compiledQuery<[string, string], { id: number }>((k, arg) =>
  k.selectFrom('jobs').select('id').where('type', '=', arg<string>(0)).where('status', '=', 'queued').where('payload', '=', arg<string>(1)).limit(1),
);
