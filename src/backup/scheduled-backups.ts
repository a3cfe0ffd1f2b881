// Backups run through the job queue: « Sauvegarder maintenant » in the back office queues one at once; the daily
// schedule (settings `backups`) keeps exactly one queued for the next day, queued again by each scheduled run.
// The runner claims a job once whichever server polls, so with several app servers one of them writes it (into
// its own data directory: point every server's backups/ at the same shared folder). Decision 022.
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/time.ts';
import type { Database, Job } from '../db/schema.ts';
import { enqueueJob } from '../outbox/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { createBackup, type SiteLocation } from './create-backup.ts';
import { pruneBackups } from './backups-folder.ts';

export const BACKUP_JOB = 'backup';

const DAY_MS = 24 * 60 * 60 * 1000;

type Reader = Kysely<Database>;

interface BackupPayload {
  scheduled: boolean;
}

/** A backup now, unless one is already waiting or running; returns whether one was queued. */
export async function requestBackup(db: Db): Promise<boolean> {
  return db.write(async (trx) => {
    const waiting = await trx.selectFrom('jobs').select('id').where('type', '=', BACKUP_JOB).where('status', 'in', ['queued', 'running']).where('run_at', '<=', nowIso()).executeTakeFirst();
    if (waiting) return false;
    await enqueueJob(trx, BACKUP_JOB, { scheduled: false } satisfies BackupPayload, undefined, { maxAttempts: 3 });
    return true;
  });
}

/**
 * Makes the queue agree with the schedule: daily → one scheduled backup queued (the next one a day after `now`
 * when none is); off → none. Called at start, when the setting is saved, and by each scheduled run.
 */
export async function scheduleBackups(db: Db, now = new Date()): Promise<void> {
  const { backups } = await loadSiteSettings(db);
  const queuedScheduled = async (q: Reader) =>
    (await q.selectFrom('jobs').select(['id', 'payload']).where('type', '=', BACKUP_JOB).where('status', '=', 'queued').execute()).filter(
      (job) => (JSON.parse(job.payload) as BackupPayload).scheduled,
    );
  // Read first: at every start this usually finds nothing to do, and a write would make every page cache drop.
  const queued = await queuedScheduled(db.kysely);
  if (backups.schedule === 'off' ? queued.length === 0 : queued.length > 0) return;
  await db.write(async (trx) => {
    const again = await queuedScheduled(trx);
    if (backups.schedule === 'off') {
      if (again.length) await trx.deleteFrom('jobs').where('id', 'in', again.map((job) => job.id)).execute();
    } else if (again.length === 0) {
      await enqueueJob(trx, BACKUP_JOB, { scheduled: true } satisfies BackupPayload, new Date(now.getTime() + DAY_MS), { maxAttempts: 3 });
    }
  });
}

/** The next scheduled backup's time, and the last backup job that failed (for the back office). */
export async function backupQueueState(db: Db): Promise<{ next: string | null; pending: boolean; lastFailure: Pick<Job, 'last_error' | 'created_at'> | null }> {
  const jobs = await db.kysely.selectFrom('jobs').select(['status', 'payload', 'run_at', 'last_error', 'created_at']).where('type', '=', BACKUP_JOB).orderBy('id', 'desc').limit(50).execute();
  const now = nowIso();
  const next = jobs.filter((j) => j.status === 'queued' && (JSON.parse(j.payload) as BackupPayload).scheduled).map((j) => j.run_at).sort()[0] ?? null;
  const pending = jobs.some((j) => j.status === 'running' || (j.status === 'queued' && j.run_at <= now));
  const failed = jobs.find((j) => j.status === 'failed' || (j.status === 'done' ? false : j.last_error !== ''));
  const lastDone = jobs.find((j) => j.status === 'done');
  const lastFailure = failed && (!lastDone || failed.created_at >= lastDone.created_at) ? { last_error: failed.last_error, created_at: failed.created_at } : null;
  return { next, pending, lastFailure };
}

/** The job's handler: writes the archive into <dataDir>/backups/; a scheduled one prunes and queues the next. */
export function backupJobHandler(db: Db, site: SiteLocation) {
  return async (payload: unknown): Promise<void> => {
    const { scheduled } = (payload ?? {}) as Partial<BackupPayload>;
    await createBackup(site);
    if (!scheduled) return;
    pruneBackups(site.dataDir, (await loadSiteSettings(db)).backups.keep);
    await scheduleBackups(db);
  };
}
