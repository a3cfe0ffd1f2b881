// Where a logged-in person must give their current password (changing their email or their password on the
// profile page), a wrong one is a password guess like any other: it is reserved on the same keys and budget as
// the login form (the account's, the client address's; log-in.ts), so a stolen session cannot try passwords
// faster than the login form allows. A right one gives the attempts back, as a login does.
import type { Db } from '../../db/connect.ts';
import type { User } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { attemptSucceeded, reserveAttempt } from '../login-throttle.ts';
import { verifyPassword } from '../passwords.ts';
import { LoginThrottledError, accountThrottleKeys } from './log-in.ts';

export async function checkCurrentPassword(db: Db, user: Pick<User, 'email' | 'password_hash'>, password: string, ip: string, now = new Date()): Promise<void> {
  if (!password) throw new TisseError('BAD_INPUT', 'errors.users.currentPasswordMissing', { fields: { currentPassword: 'errors.field.required' } });
  const [account, client] = accountThrottleKeys(user.email, ip);
  const reservation = await reserveAttempt(db, [account, client], now);
  if (!reservation.ok) throw new LoginThrottledError(reservation.retryAfterSeconds);
  if (!(await verifyPassword(password, user.password_hash))) {
    throw new TisseError('UNAUTHENTICATED', 'errors.users.currentPasswordWrong', { fields: { currentPassword: 'errors.field.incorrect' } });
  }
  await attemptSucceeded(db, { clear: [account], giveBack: [client] }, now);
}
