// Invites the accounts an import created: SPIP's password hashes cannot be checked without the old site's
// secret key, so each account (password_hash null, must_reset_password 1) gets a single-use link to choose a
// password, valid a week, emailed through the mail outbox in the same transaction as its token.
import type { Db } from '../../db/connect.ts';
import { enqueueMail } from '../../jobs/mail.ts';
import { randomToken, sha256 } from '../../content/sessions.ts';
import { loadSiteSettings } from '../../content/settings.ts';

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
    .select(['id', 'name', 'email'])
    .where('must_reset_password', '=', 1)
    .where('password_hash', 'is', null)
    .where('role', '!=', 'disabled')
    .orderBy('id')
    .execute();
  const result: InvitationResult = { invited: [], unreachable: [] };
  const expires = new Date(now.getTime() + INVITATION_VALIDITY_DAYS * 86_400_000).toISOString();
  await db.write(async (trx) => {
    for (const user of users) {
      if (user.email.endsWith('.invalid') || !user.email.includes('@')) {
        result.unreachable.push(`${user.name} (n° ${user.id})`);
        continue;
      }
      const token = randomToken();
      await trx.insertInto('password_resets').values({ token_hash: sha256(token), user_id: user.id, created_at: now.toISOString(), expires_at: expires, used_at: null }).execute();
      const url = `${siteUrl}/ecrire/reinitialiser/${token}`;
      await enqueueMail(trx, {
        to: user.email,
        subject: `${settings.name} — votre compte vous attend`,
        text: `Bonjour ${user.name},\n\nLe site ${settings.name} a changé de logiciel : il tourne désormais avec Tisse. Votre compte a été repris, mais votre ancien mot de passe ne peut pas l’être.\n\nPour choisir votre mot de passe, ouvrez ce lien (valable ${INVITATION_VALIDITY_DAYS} jours, une seule fois) :\n${url}\n\nVotre identifiant est votre adresse email : ${user.email}`,
      });
      result.invited.push(user.email);
    }
  });
  return result;
}
