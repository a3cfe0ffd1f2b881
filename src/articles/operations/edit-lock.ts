// SPIP's edit flag: opening an article's editor records who and when; the editor warns when someone else
// opened the same article in the last 20 minutes. Advisory only: saves are protected by updated_at.
import type { Db } from '../../db/connect.ts';

export const EDIT_LOCK_MINUTES = 20;

export async function markEditing(db: Db, articleId: number, userId: number, now = new Date()): Promise<void> {
  // Lock bookkeeping changes no public page: it goes around db.write so it does not empty the page caches.
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('edit_locks').where('article_id', '=', articleId).where('user_id', '=', userId).execute();
    await trx.insertInto('edit_locks').values({ article_id: articleId, user_id: userId, opened_at: now.toISOString() }).execute();
  });
}

/** The names of the others who opened this article's editor in the last 20 minutes. */
export async function othersEditing(db: Db, articleId: number, userId: number, now = new Date()): Promise<string[]> {
  const since = new Date(now.getTime() - EDIT_LOCK_MINUTES * 60_000).toISOString();
  const rows = await db.kysely
    .selectFrom('edit_locks')
    .innerJoin('users', 'users.id', 'edit_locks.user_id')
    .select('users.name')
    .where('edit_locks.article_id', '=', articleId)
    .where('edit_locks.user_id', '!=', userId)
    .where('edit_locks.opened_at', '>=', since)
    .orderBy('edit_locks.opened_at', 'desc')
    .execute();
  return rows.map((r) => r.name);
}

export async function releaseEditing(db: Db, articleId: number, userId: number): Promise<void> {
  await db.kysely.deleteFrom('edit_locks').where('article_id', '=', articleId).where('user_id', '=', userId).execute();
}
