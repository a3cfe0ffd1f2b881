// An unsubscribe link followed (the visible link's button, or a mail client's one-click POST, RFC 8058): the
// subscription to that list ends; an address left with no list is marked unsubscribed. Idempotent: a second
// POST finds nothing to change and answers the same.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';
import { checkUnsubscribeToken } from '../links.ts';

export interface UnsubscribeTarget {
  email: string;
  listName: string;
}

/** Who and which list the link names, without changing anything (the GET page that asks to confirm). */
export async function readUnsubscribeLink(db: Db, token: string): Promise<UnsubscribeTarget & { subscriberId: number; listId: number }> {
  const link = await checkUnsubscribeToken(db, token);
  if (!link) throw new TisseError('BAD_INPUT', 'errors.newsletter.linkInvalid');
  const row = await db.kysely
    .selectFrom('newsletter_subscribers as s')
    .innerJoin('newsletter_lists as l', (join) => join.on('l.id', '=', link.listId))
    .select(['s.email', 'l.name'])
    .where('s.id', '=', link.subscriberId)
    .executeTakeFirst();
  if (!row) throw new TisseError('NOT_FOUND', 'errors.newsletter.subscriberGone');
  return { email: row.email, listName: row.name, ...link };
}

export async function unsubscribe(db: Db, token: string, now = new Date()): Promise<UnsubscribeTarget> {
  const target = await readUnsubscribeLink(db, token);
  const at = now.toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('newsletter_subscriptions')
      .set({ unsubscribed_at: at })
      .where('subscriber_id', '=', target.subscriberId)
      .where('list_id', '=', target.listId)
      .where('unsubscribed_at', 'is', null)
      .execute();
    const active = await trx
      .selectFrom('newsletter_subscriptions')
      .select('list_id')
      .where('subscriber_id', '=', target.subscriberId)
      .where('unsubscribed_at', 'is', null)
      .executeTakeFirst();
    if (!active) {
      await trx
        .updateTable('newsletter_subscribers')
        .set({ status: 'unsubscribed', unsubscribed_at: at })
        .where('id', '=', target.subscriberId)
        .where('status', 'in', ['confirmed', 'pending'])
        .execute();
    }
  });
  return { email: target.email, listName: target.listName };
}
