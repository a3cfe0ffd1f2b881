// Fixed-window counters in the rate_limits table, bumped inside the caller's transaction: one atomic upsert,
// so concurrent posts from one address on several app servers are all counted.
import { sql } from 'kysely';
import type { Trx } from '../db/connect.ts';

/** Counts one more event for `key` and returns the count in the current window (this event included). */
export async function bumpCounter(trx: Trx, key: string, windowMinutes: number, now = new Date()): Promise<number> {
  const nowIso = now.toISOString();
  const cutoff = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const row = await trx
    .insertInto('rate_limits')
    .values({ key, window_start: nowIso, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start < ${cutoff} then 1 else rate_limits.count + 1 end`,
        window_start: sql<string>`case when rate_limits.window_start < ${cutoff} then ${nowIso} else rate_limits.window_start end`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
