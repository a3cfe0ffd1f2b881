// Login throttling (issue 15): each key (an account, a client address, a known browser) has a budget of attempts;
// past it, one attempt is let through after a delay that doubles each time, up to a cap, instead of a fixed lock.
// An attempt is *reserved* before the password is checked, by one atomic upsert that counts it or refuses it, so
// parallel requests cannot check more passwords than the budget (checking first and counting after let them all in).
// A key is forgotten after a quiet period without any attempt let through.
//
//   reserveAttempt(keys) ── one upsert per key, in one transaction: refused by any key → nothing counted, 429
//        │ counted
//   check the password ── wrong: the attempt stays counted (it was a failure)
//        │ right
//   attemptSucceeded(keys) ── the account's and the browser's keys are cleared, the client's attempt given back
import { sql } from 'kysely';
import type { Db, Trx } from '../db/connect.ts';

export interface ThrottlePolicy {
  /** Attempts let through one after the other. */
  budget: number;
  /** Waits before each attempt past the budget (seconds); the last one repeats. */
  delaysSeconds: readonly number[];
  /** A key with no attempt let through for this long starts afresh. */
  forgetSeconds: number;
}

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

const NEVER = new Date(0).toISOString();

function plus(now: Date, seconds: number): string {
  return new Date(now.getTime() + seconds * 1000).toISOString();
}

/**
 * Counts one attempt on every key, or on none: when a key refuses, the transaction is rolled back and the answer
 * says how long that key still waits. Safe under concurrency on both databases: the upsert's WHERE is evaluated
 * on the row as the last committed writer left it (PostgreSQL locks the row; SQLite has one writer).
 */
export async function reserveAttempt(db: Db, keys: ThrottleKey[], now = new Date()): Promise<Reservation> {
  const refused = Symbol('refused');
  // Always in the same order, so that two transactions never wait for each other's keys.
  const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  try {
    // Not db.write: counting attempts changes nothing a page shows, so it must not empty the page caches.
    await db.kysely.transaction().execute(async (trx) => {
      for (const key of ordered) if (!(await reserveOne(trx, key, now))) throw refused;
    });
    return { ok: true };
  } catch (error) {
    if (error !== refused) throw error;
  }
  return { ok: false, retryAfterSeconds: await waitingSeconds(db, keys, now) };
}

async function reserveOne(trx: Trx, { key, policy }: ThrottleKey, now: Date): Promise<boolean> {
  const nowIso = now.toISOString();
  const forgotten = sql<boolean>`login_throttle.last_at < ${plus(now, -policy.forgetSeconds)}`;
  const attempts = sql<number>`case when ${forgotten} then 1 else login_throttle.attempts + 1 end`;
  const row = await trx
    .insertInto('login_throttle')
    .values({ key, attempts: 1, last_at: nowIso, blocked_until: blockedAfter(policy, 1, now) })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ attempts, last_at: nowIso, blocked_until: blockedAfterSql(policy, attempts, now) })
        .where(sql<boolean>`${forgotten} or login_throttle.blocked_until <= ${nowIso}`),
    )
    .returning('attempts')
    .executeTakeFirst();
  return row !== undefined;
}

/** Until when the key waits once its `attempts`-th attempt is counted: not at all within the budget. */
function blockedAfter(policy: ThrottlePolicy, attempts: number, now: Date): string {
  if (attempts < policy.budget) return NEVER;
  const delays = policy.delaysSeconds;
  return plus(now, delays[Math.min(attempts - policy.budget, delays.length - 1)]!);
}

/** The same as blockedAfter, in SQL over the count the upsert computes (the delays are few: one branch each). */
function blockedAfterSql(policy: ThrottlePolicy, attempts: ReturnType<typeof sql<number>>, now: Date) {
  const branches = policy.delaysSeconds.slice(0, -1).map((_, i) => sql`when ${attempts} = ${policy.budget + i} then ${blockedAfter(policy, policy.budget + i, now)}`);
  const last = blockedAfter(policy, policy.budget + policy.delaysSeconds.length - 1, now);
  return sql<string>`case when ${attempts} < ${policy.budget} then ${NEVER} ${sql.join(branches, sql` `)} else ${last} end`;
}

async function waitingSeconds(db: Db, keys: ThrottleKey[], now: Date): Promise<number> {
  const rows = await db.kysely.selectFrom('login_throttle').select('blocked_until').where('key', 'in', keys.map((k) => k.key)).execute();
  const until = Math.max(now.getTime(), ...rows.map((r) => Date.parse(r.blocked_until)));
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/**
 * After a right password: `clear` keys start afresh (the account, the browser); `giveBack` keys get their
 * attempt back (a client address several people share). Keys forgotten for a day are swept here, as sessions
 * are: logins are rare and it is one statement.
 */
export async function attemptSucceeded(db: Db, keys: { clear: ThrottleKey[]; giveBack: ThrottleKey[] }, now = new Date()): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    if (keys.clear.length) await trx.deleteFrom('login_throttle').where('key', 'in', keys.clear.map((k) => k.key)).execute();
    for (const { key, policy } of keys.giveBack) {
      await trx
        .updateTable('login_throttle')
        .set({
          attempts: sql<number>`case when attempts > 0 then attempts - 1 else 0 end`,
          blocked_until: sql<string>`case when attempts - 1 < ${policy.budget} then ${NEVER} else blocked_until end`,
        })
        .where('key', '=', key)
        .execute();
    }
    await trx.deleteFrom('login_throttle').where('last_at', '<', plus(now, -86_400)).execute();
  });
}
