// Sets a user's password (CLI `tisse user passwd`), closing the user's sessions and ending their outstanding
// password links.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';
import { generatePassword, hashPassword } from '../passwords.ts';
import { endResetLinks } from '../reset-links.ts';

export async function setPassword(db: Db, email: string, password?: string): Promise<string> {
  const chosen = password ?? generatePassword();
  if (chosen.length < 8) throw new TisseError('BAD_INPUT', 'errors.users.passwordTooShort', { fields: { password: 'errors.field.tooShort' } });
  const hash = await hashPassword(chosen);
  await db.write(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    if (!user) throw new TisseError('NOT_FOUND', { key: 'errors.users.noAccountFor', params: { email } });
    await trx.updateTable('users').set({ password_hash: hash, must_reset_password: 0 }).where('id', '=', user.id).execute();
    await endResetLinks(trx, user.id);
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
  });
  return chosen;
}
