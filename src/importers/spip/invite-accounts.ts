// Invites the accounts an import created: SPIP's password hashes cannot be checked without the old site's
// secret key, so each account (password_hash null, must_reset_password 1) gets a single-use link to choose a
// password, valid a week, emailed through the mail outbox in the same transaction as its request; the token
// is drawn when the mail leaves (users/reset-links.ts), so the outbox holds no working link.
import type { Db } from '../../db/connect.ts';
import { enqueueResetLinkMail } from '../../outbox/index.ts';
import { openResetRequest, resetLinkTemplate } from '../../users/index.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { isLang, t } from '../../kernel/i18n/index.ts';

export const INVITATION_VALIDITY_DAYS = 7;

export interface InvitationResult {
  invited: string[];
  /** Accounts that cannot receive mail (no usable address), to fix by hand. */
  unreachable: string[];
}

export async function inviteAccountsToChoosePassword(db: Db, siteUrl: string, now = new Date()): Promise<InvitationResult> {
  const settings = await loadSiteSettings(db);
  const users = await db.kysely
    .selectFrom('users')
    .select(['id', 'name', 'email', 'lang'])
    .where('must_reset_password', '=', 1)
    .where('password_hash', 'is', null)
    .where('role', '!=', 'disabled')
    .orderBy('id')
    .execute();
  const result: InvitationResult = { invited: [], unreachable: [] };
  const expires = new Date(now.getTime() + INVITATION_VALIDITY_DAYS * 86_400_000);
  await db.write(async (trx) => {
    for (const user of users) {
      if (user.email.endsWith('.invalid') || !user.email.includes('@')) {
        result.unreachable.push(`${user.name} (n° ${user.id})`);
        continue;
      }
      const request = await openResetRequest(trx, user.id, expires, now);
      const url = resetLinkTemplate(siteUrl, request);
      // In the account's language when Tisse has it, else the site's.
      const lang = isLang(user.lang) ? user.lang : settings.lang;
      const params = { site: settings.name, name: user.name, days: INVITATION_VALIDITY_DAYS, url, email: user.email };
      await enqueueResetLinkMail(trx, { ...request, mail: { to: user.email, subject: t('import.invitation.subject', params, lang), text: t('import.invitation.text', params, lang) } });
      result.invited.push(user.email);
    }
  });
  return result;
}
