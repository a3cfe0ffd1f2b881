// Who receives a list's letters: confirmed addresses whose subscription to the list is confirmed and not ended.
// Only these; a pending, unsubscribed or bounced address never gets a letter.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export function activeRecipients(k: Kysely<Database>, listId: number) {
  return k
    .selectFrom('newsletter_subscriptions as sub')
    .innerJoin('newsletter_subscribers as s', 's.id', 'sub.subscriber_id')
    .where('sub.list_id', '=', listId)
    .where('sub.confirmed_at', 'is not', null)
    .where('sub.unsubscribed_at', 'is', null)
    .where('s.status', '=', 'confirmed');
}
