// Fixed-window counters in the rate_limits table (login throttling; usable by any other limit). A window
// restarts when it is older than its length; counting happens inside the caller's transaction.
import { sql } from 'kysely';
import type { Trx } from '../db/connect.ts';

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * Takes one hit and returns the count in the current window, the hit included, in one statement: the check and
 * the count cannot be separated by a concurrent request (read, then write, let parallel requests all pass).
 * Callers reserve first and act only when the count is within the limit.
 */
export async function recordHit(trx: Trx, limit: Limit, now = new Date()): Promise<number> {
  const start = now.toISOString();
  const expiredBefore = new Date(now.getTime() - limit.windowSeconds * 1000).toISOString();
  const row = await trx
    .insertInto('rate_limits')
    .values({ key: limit.key, window_start: start, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        // The window restarts once it is over; otherwise the count goes up.
        count: sql<number>`CASE WHEN rate_limits.window_start <= ${expiredBefore} THEN 1 ELSE rate_limits.count + 1 END`,
        window_start: sql<string>`CASE WHEN rate_limits.window_start <= ${expiredBefore} THEN ${start} ELSE rate_limits.window_start END`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function clearLimit(trx: Trx, key: string): Promise<void> {
  await trx.deleteFrom('rate_limits').where('key', '=', key).execute();
}
