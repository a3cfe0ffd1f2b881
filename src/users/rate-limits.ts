// Fixed-window counters in the rate_limits table (login throttling; usable by any other limit). A window
// restarts when it is older than its length; counting happens inside the caller's transaction.
import type { Db, Trx } from '../db/connect.ts';

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

function windowExpired(windowStart: string, windowSeconds: number, now: Date): boolean {
  return Date.parse(windowStart) + windowSeconds * 1000 <= now.getTime();
}

/** How many hits the key has in its current window (0 when the window is over). */
export async function currentCount(db: Db | Trx, limit: Limit, now = new Date()): Promise<number> {
  const k = 'kysely' in db ? db.kysely : db;
  const row = await k.selectFrom('rate_limits').selectAll().where('key', '=', limit.key).executeTakeFirst();
  if (!row || windowExpired(row.window_start, limit.windowSeconds, now)) return 0;
  return row.count;
}

export async function isLimited(db: Db | Trx, limit: Limit, now = new Date()): Promise<boolean> {
  return (await currentCount(db, limit, now)) >= limit.max;
}

/** Counts one hit; returns the count in the current window after it. */
export async function recordHit(trx: Trx, limit: Limit, now = new Date()): Promise<number> {
  const row = await trx.selectFrom('rate_limits').selectAll().where('key', '=', limit.key).executeTakeFirst();
  if (!row) {
    await trx.insertInto('rate_limits').values({ key: limit.key, window_start: now.toISOString(), count: 1 }).execute();
    return 1;
  }
  if (windowExpired(row.window_start, limit.windowSeconds, now)) {
    await trx.updateTable('rate_limits').set({ window_start: now.toISOString(), count: 1 }).where('key', '=', limit.key).execute();
    return 1;
  }
  await trx.updateTable('rate_limits').set((eb) => ({ count: eb('count', '+', 1) })).where('key', '=', limit.key).execute();
  return row.count + 1;
}

export async function clearLimit(trx: Trx, key: string): Promise<void> {
  await trx.deleteFrom('rate_limits').where('key', '=', key).execute();
}
