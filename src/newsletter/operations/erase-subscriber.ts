// Erasure (GDPR, art. 17): the subscriber's row goes, and with it their subscriptions and the rows of their
// deliveries (cascade), and the counter kept under their address. Nothing of the address remains in the
// database; the issues' reports count one recipient fewer.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';

export async function eraseSubscriber(db: Db, id: number): Promise<{ email: string }> {
  return db.write(async (trx) => {
    const subscriber = await trx.selectFrom('newsletter_subscribers').select(['id', 'email']).where('id', '=', id).executeTakeFirst();
    if (!subscriber) throw new TisseError('NOT_FOUND', 'errors.newsletter.subscriberGone');
    await trx.deleteFrom('newsletter_deliveries').where('subscriber_id', '=', id).execute();
    await trx.deleteFrom('newsletter_subscriptions').where('subscriber_id', '=', id).execute();
    await trx.deleteFrom('newsletter_subscribers').where('id', '=', id).execute();
    await trx.deleteFrom('rate_limits').where('key', '=', `lettre:email:${subscriber.email}`).execute();
    return { email: subscriber.email };
  });
}
