// Starts a password reset: a single-use link valid one hour, emailed through the mail outbox. The queued mail holds
// no working link (reset-links.ts: the token is drawn when the mail leaves). Answers the same whether or not the
// address has an account (no account discovery), and is throttled per address.
import type { Db } from '../../db/connect.ts';
import { t } from '../../kernel/i18n/index.ts';
import { enqueueResetLinkMail } from '../../outbox/index.ts';
import { recordHit } from '../rate-limits.ts';
import { openResetRequest, resetLinkTemplate } from '../reset-links.ts';
import { loadSiteSettings } from '../../settings/index.ts';

export const RESET_VALIDITY_MINUTES = 60;

export async function requestPasswordReset(db: Db, input: { email: string; siteUrl: string }, now = new Date()): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const limit = { key: `reset:${email}`, max: 3, windowSeconds: 3600 };
  if (!email) return;
  const user = await db.kysely.selectFrom('users').select(['id', 'name', 'email', 'role']).where('email', '=', email).executeTakeFirst();
  const settings = await loadSiteSettings(db);
  await db.write(async (trx) => {
    // Reserved before anything is queued: parallel requests cannot all pass a check made before they count.
    if ((await recordHit(trx, limit, now)) > limit.max) return;
    if (!user || user.role === 'disabled') return;
    const request = await openResetRequest(trx, user.id, new Date(now.getTime() + RESET_VALIDITY_MINUTES * 60_000), now);
    const url = resetLinkTemplate(input.siteUrl, request);
    await enqueueResetLinkMail(trx, {
      ...request,
      mail: { to: user.email, subject: `${settings.name} — ${t('admin.reset.mailSubject')}`, text: t('admin.reset.mailBody', { name: user.name, site: settings.name, url }) },
    });
  });
}
