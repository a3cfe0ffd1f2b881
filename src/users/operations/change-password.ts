// A person changes their own password: the new one follows the rules of every password (8 to 200 characters,
// typed twice alike), checked before the current one is (check-current-password.ts: counted like a login). As
// after a reset, nothing issued under the old password still opens the account: its password links end, and so
// do its other sessions; the session that made the change stays open.
import type { Db } from '../../db/connect.ts';
import type { User } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { hashPassword } from '../passwords.ts';
import { endResetLinks } from '../reset-links.ts';
import { checkCurrentPassword } from './check-current-password.ts';

export interface ChangePasswordInput {
  currentPassword: string;
  password: string;
  confirm: string;
  ip: string;
  /** The session of the request, kept open. */
  keepSessionId: string;
}

export async function changePassword(db: Db, user: User, input: ChangePasswordInput): Promise<void> {
  if (input.password.length < 8 || input.password.length > 200) throw new TisseError('BAD_INPUT', 'errors.users.passwordLength', { fields: { password: 'errors.field.length' } });
  if (input.password !== input.confirm) throw new TisseError('BAD_INPUT', 'admin.reset.mismatch', { fields: { confirm: 'errors.field.mismatch' } });
  await checkCurrentPassword(db, user, input.currentPassword, input.ip);
  const hash = await hashPassword(input.password);
  await db.write(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, must_reset_password: 0 }).where('id', '=', user.id).execute();
    await endResetLinks(trx, user.id);
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', input.keepSessionId).execute();
  });
}
