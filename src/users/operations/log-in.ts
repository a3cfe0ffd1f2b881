// Checks an email and password and opens a session. Throttled (login-throttle.ts): the attempt is reserved before
// the password is checked, on the account's key and the client address's key, or only on the browser's own key
// when it holds a device cookie for this account (device-cookies.ts). The same answer, after the same work, for
// an unknown email, a disabled account and a wrong password. A hash made with older parameters is upgraded.
import type { Db } from '../../db/connect.ts';
import type { User } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { readDeviceCookie, issueDeviceCookie, type Device } from '../device-cookies.ts';
import { attemptSucceeded, reserveAttempt, type ThrottleKey, type ThrottlePolicy } from '../login-throttle.ts';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from '../passwords.ts';
import { createSession, type OpenSession } from '../sessions.ts';

/** 30 s, 1 min, 2, 4, 8, then 15 min between attempts once a budget is spent. */
const DELAYS_SECONDS = [30, 60, 120, 240, 480, 900] as const;
const FORGET_SECONDS = 60 * 60;

/** Attempts on one account from browsers without its device cookie, wherever they come from. */
export const ACCOUNT_POLICY: ThrottlePolicy = { budget: 5, delaysSeconds: DELAYS_SECONDS, forgetSeconds: FORGET_SECONDS };
/** Attempts from one client address, on any accounts (a shared address gets its successes back). */
export const CLIENT_POLICY: ThrottlePolicy = { budget: 20, delaysSeconds: DELAYS_SECONDS, forgetSeconds: FORGET_SECONDS };
/** Attempts from one browser holding the account's device cookie: its own budget, smaller, untouched by attacks. */
export const DEVICE_POLICY: ThrottlePolicy = { budget: 3, delaysSeconds: DELAYS_SECONDS, forgetSeconds: FORGET_SECONDS };

/** A login refused before its password was checked: `retryAfterSeconds` goes into the Retry-After header. */
export class LoginThrottledError extends TisseError {
  constructor(readonly retryAfterSeconds: number) {
    const wait = retryAfterSeconds < 120
      ? { key: 'errors.users.waitSeconds' as const, params: { count: retryAfterSeconds } }
      : { key: 'errors.users.waitMinutes' as const, params: { count: Math.ceil(retryAfterSeconds / 60) } };
    super('TOO_MANY_REQUESTS', { key: 'errors.users.tooManyLogins', params: { wait } });
  }
}

export interface LoginInput {
  email: string;
  password: string;
  /** The client's address (web/client-address.ts). */
  ip: string;
  userAgent: string;
  /** The browser's device cookie, if it sent one. */
  deviceCookie?: string | undefined;
}

export interface LoggedIn {
  user: User;
  session: OpenSession;
  /** The device cookie to (re)send: this browser has now logged in to this account. */
  deviceCookie: string;
}

/**
 * The account's key and the client address's key: a guess of this account's password from this address, at the
 * login form or where a logged-in person must give their current password (operations/check-current-password.ts).
 */
export function accountThrottleKeys(email: string, ip: string): [ThrottleKey, ThrottleKey] {
  return [
    { key: `login:account:${email.slice(0, 320)}`, policy: ACCOUNT_POLICY },
    { key: `login:client:${ip.slice(0, 64)}`, policy: CLIENT_POLICY },
  ];
}

function throttleKeys(email: string, ip: string, device: Device | undefined): ThrottleKey[] {
  if (device) return [{ key: `login:device:${device.userId}:${device.nonce}`, policy: DEVICE_POLICY }];
  return accountThrottleKeys(email, ip);
}

export async function logIn(db: Db, input: LoginInput, now = new Date()): Promise<LoggedIn> {
  const email = input.email.trim().toLowerCase();
  if (!email || !input.password) throw new TisseError('BAD_INPUT', 'errors.users.loginMissing', { fields: { email: 'errors.field.required' } });
  const user = await db.kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  const presented = await readDeviceCookie(db, input.deviceCookie);
  const device = presented && user && presented.userId === user.id ? presented : undefined;
  const keys = throttleKeys(email, input.ip, device);

  const reservation = await reserveAttempt(db, keys, now);
  if (!reservation.ok) throw new LoginThrottledError(reservation.retryAfterSeconds);

  const usable = user !== undefined && user.role !== 'disabled' && user.password_hash !== null;
  const ok = usable ? await verifyPassword(input.password, user.password_hash) : await verifyAgainstNothing(input.password);
  if (!ok || !user) throw new TisseError('UNAUTHENTICATED', 'errors.users.badLogin', { fields: { password: 'errors.field.incorrect' } });

  const [accountOrDevice, client] = keys;
  await attemptSucceeded(db, { clear: [accountOrDevice!], giveBack: client ? [client] : [] }, now);
  if (needsRehash(user.password_hash!)) await upgradeHash(db, user, input.password);
  const session = await createSession(db, user.id, { ip: input.ip, userAgent: input.userAgent });
  return { user, session, deviceCookie: device ? input.deviceCookie! : await issueDeviceCookie(db, user.id) };
}

/** Stores a hash made with today's parameters, unless the password changed meanwhile. */
async function upgradeHash(db: Db, user: User, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.write((trx) =>
    trx.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).where('password_hash', '=', user.password_hash).execute(),
  );
}
