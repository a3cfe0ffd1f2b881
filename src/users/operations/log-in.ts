// Checks an email and password, with throttling per account and per IP address (failed attempts only),
// and opens a session. The same answer for an unknown email and a wrong password.
import type { Db } from '../../db/connect.ts';
import type { User } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { verifyPassword } from '../passwords.ts';
import { clearLimit, isLimited, recordHit, type Limit } from '../rate-limits.ts';
import { createSession, type OpenSession } from '../sessions.ts';

const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export function loginLimits(email: string, ip: string): { account: Limit; ip: Limit } {
  return {
    account: { key: `login:account:${email}`, max: MAX_FAILURES_PER_ACCOUNT, windowSeconds: WINDOW_SECONDS },
    ip: { key: `login:ip:${ip}`, max: MAX_FAILURES_PER_IP, windowSeconds: WINDOW_SECONDS },
  };
}

export async function logIn(
  db: Db,
  input: { email: string; password: string; ip: string; userAgent: string },
): Promise<{ user: User; session: OpenSession }> {
  const email = input.email.trim().toLowerCase();
  if (!email || !input.password) throw new TisseError('BAD_INPUT', 'errors.users.loginMissing', { fields: { email: 'errors.field.required' } });
  const limits = loginLimits(email, input.ip);
  if ((await isLimited(db, limits.account)) || (await isLimited(db, limits.ip))) {
    throw new TisseError('TOO_MANY_REQUESTS', 'errors.users.tooManyLogins');
  }
  const user = await db.kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const ok = user !== undefined && user.role !== 'disabled' && (await verifyPassword(input.password, user.password_hash));
  if (!ok || !user) {
    await db.write(async (trx) => {
      await recordHit(trx, limits.account);
      await recordHit(trx, limits.ip);
    });
    throw new TisseError('UNAUTHENTICATED', 'errors.users.badLogin', { fields: { password: 'errors.field.incorrect' } });
  }
  await db.write((trx) => clearLimit(trx, limits.account.key));
  const session = await createSession(db, user.id, { ip: input.ip, userAgent: input.userAgent });
  return { user, session };
}
