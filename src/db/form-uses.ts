// The nonces of single-use form tokens and links that have been used (forum_form_uses): a token is good once.
// An insert that does nothing on conflict: on PostgreSQL a concurrent use of the same nonce waits for the first
// transaction and then finds the row, so exactly one use wins on both databases. Shared by the forum's comment
// tokens and the newsletter's sign-up tokens and confirmation links (their nonces are random, so they never meet).
import type { Db, Trx } from './connect.ts';
import { compiledQuery } from './compiled-query.ts';

/** Records `nonce` as used, inside the caller's transaction; false when it already was. */
export async function claimNonce(trx: Trx, nonce: string, issuedAt: string): Promise<boolean> {
  return (await insertNonce(trx, nonce, issuedAt)).length > 0;
}

/** Whether `nonce` was used already (a form shown again keeps its token only while it is unused). */
export async function nonceUsed(db: Db, nonce: string): Promise<boolean> {
  return (await db.kysely.selectFrom('forum_form_uses').select('nonce').where('nonce', '=', nonce).executeTakeFirst()) !== undefined;
}

const insertNonce = compiledQuery<[string, string], { nonce: string }>((k, arg) =>
  k
    .insertInto('forum_form_uses')
    .values({ nonce: arg<string>(0), issued_at: arg<string>(1) })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .returning('nonce'),
);

const lastPurge = new WeakMap<Db, number>();

/**
 * Forgets the nonces issued more than `maxHours` ago (what they were for refuses them by age anyway). Run after
 * the transaction that used one, not in it, so concurrent posts do not wait on each other's deleted rows; once a
 * minute at most per process.
 */
export async function purgeOldNonces(db: Db, maxHours: number, now = Date.now()): Promise<void> {
  const last = lastPurge.get(db);
  if (last !== undefined && now >= last && now - last < 60_000) return;
  lastPurge.set(db, now);
  await db.kysely.deleteFrom('forum_form_uses').where('issued_at', '<', new Date(now - maxHours * 3_600_000).toISOString()).execute();
}
