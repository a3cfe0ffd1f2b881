// The confirmation link's answer: the address is confirmed, and so is every subscription waiting for it. The
// link expires and is good once (its nonce claimed in this transaction); a replayed or expired link changes
// nothing and says why.
import type { Db } from '../../db/connect.ts';
import { claimNonce } from '../../db/form-uses.ts';
import { TisseError } from '../../kernel/errors.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { checkConfirmationToken } from '../links.ts';

export async function confirmSubscription(db: Db, token: string, now = new Date()): Promise<{ email: string }> {
  const { newsletter } = await loadSiteSettings(db);
  const check = await checkConfirmationToken(db, token, newsletter.confirmHours, now.getTime());
  if (!check.ok) throw check.problem === 'expired' ? new TisseError('GONE', 'errors.newsletter.linkExpired') : new TisseError('BAD_INPUT', 'errors.newsletter.linkInvalid');
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
