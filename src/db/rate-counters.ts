// Fixed-window counters in the rate_limits table, bumped inside the caller's transaction: one atomic upsert,
// so concurrent posts from one address on several app servers are all counted. Shared by the forum and the
// newsletter's sign-up; each caller prefixes its keys ('forum:ip:…', 'lettre:email:…').
import { sql } from 'kysely';
import type { Trx } from './connect.ts';
import { compiledQuery } from './compiled-query.ts';

/** Counts one more event for `key` and returns the count in the current window (this event included). */
export async function bumpCounter(trx: Trx, key: string, windowMinutes: number, now = new Date()): Promise<number> {
  const nowIso = now.toISOString();
  const cutoff = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const [row] = await bump(trx, key, nowIso, cutoff);
  return Number(row!.count);
}

// Run by every post, twice: compiled once (db/compiled-query.ts).
const bump = compiledQuery<[string, string, string], { count: number }>((k, arg) =>
  k
    .insertInto('rate_limits')
    .values({ key: arg<string>(0), window_start: arg<string>(1), count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start < ${arg<string>(2)} then 1 else rate_limits.count + 1 end`,
        window_start: sql<string>`case when rate_limits.window_start < ${arg<string>(2)} then ${arg<string>(1)} else rate_limits.window_start end`,
      }),
    )
    .returning('count'),
);
