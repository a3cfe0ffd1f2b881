// A sign-up from the public form (/lettre or the "Nous suivre" block): every check before anything is written
// (honeypot, fields, lists, the form token), then one transaction: the token's nonce claimed (one sign-up per
// form), the counters per IP and per address bumped (db/rate-counters.ts, as the forum's), the subscriber and its
// subscriptions recorded as pending with the consent proof, and the confirmation mail queued. The answer is the
// same whether the address was new, pending or already confirmed, so the form tells nobody who subscribes.
import type { Db } from '../../db/connect.ts';
import { claimNonce, purgeOldNonces } from '../../db/form-uses.ts';
import { bumpCounter } from '../../db/rate-counters.ts';
import { TisseError, untranslated, type MessageRef } from '../../kernel/errors.ts';
import { isMessageKey, type PlainKey } from '../../kernel/i18n/index.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { enqueueConfirmationMail } from '../confirmation-mail.ts';
import { CONFIRM_PATH, confirmationToken, newsletterSecret } from '../links.ts';
import { listPublicLists } from '../lists.ts';
import { recordPending, recordSubscriptions } from '../pending-subscription.ts';
import { checkSignupToken, SIGNUP_TOKEN_HOURS } from '../signup-token.ts';
import { subscriberEmailSchema, subscriberNameSchema } from '../subscriber-input.ts';

export interface SignUpInput {
  email: string;
  name: string;
  listIds: number[];
  token: string;
  honeypot: string;
  ip: string;
  /** Where the form was (the consent proof's source), e.g. '/lettre'. */
  source: string;
  /** Seconds a person needs at least between the form's display and its sending. */
  minSeconds: number;
  siteUrl: string;
}

function fieldMessage(message: string): MessageRef {
  if (isMessageKey(message)) return message as PlainKey;
  return untranslated(message);
}

export async function signUp(db: Db, input: SignUpInput, now = new Date()): Promise<void> {
  if (input.honeypot.trim() !== '') throw new TisseError('BAD_INPUT', 'errors.newsletter.honeypot');
  const fields: Record<string, MessageRef> = {};
  const email = subscriberEmailSchema.safeParse(input.email);
  if (!email.success) fields.email = fieldMessage(email.error.issues[0]!.message);
  const name = subscriberNameSchema.safeParse(input.name);
  if (!name.success) fields.name = fieldMessage(name.error.issues[0]!.message);
  const offered = await listPublicLists(db);
  const wanted = [...new Set(input.listIds)];
  if (wanted.length === 0) fields.lists = 'errors.newsletter.listsRequired';
  else if (wanted.some((id) => !offered.some((list) => list.id === id))) fields.lists = 'errors.newsletter.listUnknown';
  if (!email.success || !name.success || Object.keys(fields).length) throw new TisseError('BAD_INPUT', 'errors.newsletter.fixFields', { fields });

  const token = await checkSignupToken(db, input.token, input.minSeconds, now.getTime());
  if (!token.ok) throw new TisseError('BAD_INPUT', token.problem === 'too_fast' ? 'errors.newsletter.tooFast' : 'errors.newsletter.tokenInvalid');
  const settings = await loadSiteSettings(db);
  const policy = settings.newsletter;
  const lists = offered.filter((list) => wanted.includes(list.id));
  const secret = await newsletterSecret(db);

  await db.kysely.transaction().execute(async (trx) => {
    if (!(await claimNonce(trx, token.nonce, new Date(token.issuedAt).toISOString()))) throw new TisseError('CONFLICT', 'errors.newsletter.tokenUsed');
    if ((await bumpCounter(trx, `lettre:ip:${input.ip}`, 60, now)) > policy.perIpPerHour) throw new TisseError('TOO_MANY_REQUESTS', 'errors.newsletter.tooManyFromIp');
    if ((await bumpCounter(trx, `lettre:email:${email.data}`, 24 * 60, now)) > policy.perEmailPerDay) {
      throw new TisseError('TOO_MANY_REQUESTS', 'errors.newsletter.tooManyForEmail');
    }
    const subscriberId = await recordPending(trx, { email: email.data, name: name.data, source: input.source, consentText: policy.consentText }, now);
    const waiting = await recordSubscriptions(trx, subscriberId, lists.map((l) => l.id), now);
    if (!waiting) return;
    const link = `${input.siteUrl}${CONFIRM_PATH}${confirmationToken(secret, subscriberId, now.getTime())}`;
    await enqueueConfirmationMail(trx, { to: email.data, siteName: settings.name, listNames: lists.map((l) => l.name), link, hours: policy.confirmHours, lang: settings.lang });
  });
  await purgeOldNonces(db, Math.max(SIGNUP_TOKEN_HOURS, policy.confirmHours), now.getTime());
}
