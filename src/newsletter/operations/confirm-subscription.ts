// The confirmation link: its page (GET) asks, its button (POST) confirms the address and every subscription
// waiting for it. The link expires and is good once (its nonce claimed in the confirming transaction); a replayed
// or expired link changes nothing and says why.
import type { Db } from '../../db/connect.ts';
import { claimNonce, nonceUsed } from '../../db/form-uses.ts';
import { TisseError } from '../../kernel/errors.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { checkConfirmationToken } from '../links.ts';

async function checkedLink(db: Db, token: string, now: Date) {
  const { newsletter } = await loadSiteSettings(db);
  const check = await checkConfirmationToken(db, token, newsletter.confirmHours, now.getTime());
  if (!check.ok) throw check.problem === 'expired' ? new TisseError('GONE', 'errors.newsletter.linkExpired') : new TisseError('BAD_INPUT', 'errors.newsletter.linkInvalid');
  return check;
}

/**
 * What the link's GET page shows before the person presses Confirm: the address, or why the link is no good. It
 * writes nothing: mail scanners open links, and a subscription confirmed by a robot would prove no consent.
 */
export async function readConfirmationLink(db: Db, token: string, now = new Date()): Promise<{ email: string }> {
  const check = await checkedLink(db, token, now);
  const subscriber = await db.kysely.selectFrom('newsletter_subscribers').select('email').where('id', '=', check.subscriberId).executeTakeFirst();
  if (!subscriber) throw new TisseError('NOT_FOUND', 'errors.newsletter.subscriberGone');
  if (await nonceUsed(db, check.nonce)) throw new TisseError('GONE', 'errors.newsletter.linkUsed');
  return subscriber;
}

export async function confirmSubscription(db: Db, token: string, now = new Date()): Promise<{ email: string }> {
  const check = await checkedLink(db, token, now);
  const at = now.toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const subscriber = await trx.selectFrom('newsletter_subscribers').select(['id', 'email']).where('id', '=', check.subscriberId).executeTakeFirst();
    if (!subscriber) throw new TisseError('NOT_FOUND', 'errors.newsletter.subscriberGone');
    if (!(await claimNonce(trx, check.nonce, new Date(check.issuedAt).toISOString()))) throw new TisseError('GONE', 'errors.newsletter.linkUsed');
    await trx.updateTable('newsletter_subscribers').set({ status: 'confirmed', confirmed_at: at, unsubscribed_at: null, bounced_at: null, bounce_reason: '' }).where('id', '=', subscriber.id).execute();
    await trx
      .updateTable('newsletter_subscriptions')
      .set({ confirmed_at: at })
      .where('subscriber_id', '=', subscriber.id)
      .where('confirmed_at', 'is', null)
      .where('unsubscribed_at', 'is', null)
      .execute();
    return { email: subscriber.email };
  });
}
