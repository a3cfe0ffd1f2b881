// A person changes the email of their own account (it is also their login): the address is checked first (a
// typo costs no password attempt), then their current password (check-current-password.ts: counted like a
// login), then that no other account holds it.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { User } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { checkCurrentPassword } from './check-current-password.ts';

const emailSchema = z.object({ email: z.string().trim().toLowerCase().max(320, 'errors.field.tooLong').email('errors.field.invalidEmail') });

export interface ChangeEmailInput {
  email: string;
  currentPassword: string;
  /** The client's address: a wrong password counts against it too. */
  ip: string;
}

export async function changeEmail(db: Db, user: User, input: ChangeEmailInput): Promise<User> {
  const { email } = parseInput(emailSchema, { email: input.email }, { email: 'errors.label.email' });
  await checkCurrentPassword(db, user, input.currentPassword, input.ip);
  return db.write(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken && taken.id !== user.id) throw new TisseError('CONFLICT', { key: 'errors.users.emailTaken', params: { email } }, { fields: { email: 'errors.field.alreadyUsedFem' } });
    return trx.updateTable('users').set({ email, login: email }).where('id', '=', user.id).returningAll().executeTakeFirstOrThrow();
  });
}
