// Ends a password reset: checks the emailed token (unused, unexpired), sets the new password, marks the token
// used, ends the account's other outstanding links and closes its sessions — all in one transaction, so a token
// works exactly once and nothing issued before the new password still opens the account.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';
import { hashPassword } from '../passwords.ts';
import { endResetLinks } from '../reset-links.ts';
import { sha256 } from '../sessions.ts';

export async function findValidReset(db: Db, token: string, now = new Date()): Promise<{ userId: number } | undefined> {
  if (!token || token.length > 100) return undefined;
  const row = await db.kysely.selectFrom('password_resets').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= now.toISOString()) return undefined;
  return { userId: row.user_id };
}

export async function resetPassword(db: Db, token: string, password: string, now = new Date()): Promise<void> {
  if (password.length < 8 || password.length > 200) throw new TisseError('BAD_INPUT', 'errors.users.passwordLength', { fields: { password: 'errors.field.length' } });
  const hash = await hashPassword(password);
  await db.write(async (trx) => {
    const claimed = await trx
      .updateTable('password_resets')
      .set({ used_at: now.toISOString() })
      .where('token_hash', '=', sha256(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .returning('user_id')
      .executeTakeFirst();
    if (!claimed) throw new TisseError('GONE', 'admin.reset.invalid');
    await trx.updateTable('users').set({ password_hash: hash, must_reset_password: 0 }).where('id', '=', claimed.user_id).execute();
    await endResetLinks(trx, claimed.user_id, now);
    await trx.deleteFrom('sessions').where('user_id', '=', claimed.user_id).execute();
  });
}
