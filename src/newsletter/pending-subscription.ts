// What a sign-up (and an import without proof of consent) records before the confirmation: the address, pending
// unless already confirmed, with the consent's when, where and words; its subscriptions, waiting for the
// confirmation link. Inside the caller's transaction.
import type { Trx } from '../db/connect.ts';

/** The subscriber of `email`, created pending, or made pending again when it had left; returns its id. */
export async function recordPending(trx: Trx, person: { email: string; name: string; source: string; consentText: string }, now: Date): Promise<number> {
  const at = now.toISOString();
  const existing = await trx.selectFrom('newsletter_subscribers').select(['id', 'status']).where('email', '=', person.email).executeTakeFirst();
  const consent = { consent_at: at, consent_source: person.source, consent_text: person.consentText };
  if (!existing) {
    const row = await trx
      .insertInto('newsletter_subscribers')
      .values({ email: person.email, name: person.name, status: 'pending', ...consent, created_at: at, confirmed_at: null, unsubscribed_at: null, bounced_at: null, bounce_reason: '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
  // A confirmed address keeps its name and its first consent: a stranger typing it changes nothing but may add a
  // list, which waits for the owner's confirmation.
  if (existing.status !== 'confirmed') {
    await trx
      .updateTable('newsletter_subscribers')
      .set({ status: 'pending', ...(person.name ? { name: person.name } : {}), ...consent })
      .where('id', '=', existing.id)
      .execute();
  }
  return existing.id;
}

/** Adds the subscriptions asked for (a left one starts again, unconfirmed); true when one waits for confirmation. */
export async function recordSubscriptions(trx: Trx, subscriberId: number, listIds: number[], now: Date): Promise<boolean> {
  const at = now.toISOString();
  const subscriber = await trx.selectFrom('newsletter_subscribers').select('status').where('id', '=', subscriberId).executeTakeFirstOrThrow();
  const existing = await trx.selectFrom('newsletter_subscriptions').selectAll().where('subscriber_id', '=', subscriberId).execute();
  let waiting = subscriber.status !== 'confirmed';
  for (const listId of listIds) {
    const row = existing.find((s) => s.list_id === listId);
    if (!row) {
      await trx.insertInto('newsletter_subscriptions').values({ subscriber_id: subscriberId, list_id: listId, created_at: at, confirmed_at: null, unsubscribed_at: null }).execute();
      waiting = true;
    } else if (row.unsubscribed_at !== null || row.confirmed_at === null) {
      await trx.updateTable('newsletter_subscriptions').set({ confirmed_at: null, unsubscribed_at: null }).where('subscriber_id', '=', subscriberId).where('list_id', '=', listId).execute();
      waiting = true;
    }
  }
  return waiting;
}

