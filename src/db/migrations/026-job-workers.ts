// Jobs of a dead process went back to the queue only after a 10-minute stale lock. Each runner now beats in
// job_workers every few seconds and stamps the jobs it claims with its id: a peer's next sweep returns the
// running jobs of a runner that stopped beating (jobs/runner.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('beat_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('jobs').addColumn('worker_id', 'text').execute();
  await db.schema.createIndex('jobs_worker').on('jobs').columns(['status', 'worker_id']).execute();
}
