// Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that logged in to an
// account gets a signed cookie naming that account. While the account is under attack, attempts from unknown
// browsers wait (login-throttle.ts), but a browser holding the account's device cookie is counted on its own,
// smaller budget, so its owner still gets in. The cookie proves a past login from this browser, never identity:
// the password is still checked. Signed with HMAC-SHA-256 under a key kept in settings (`loginDeviceSecret`).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { siteSecret } from '../settings/index.ts';

export const DEVICE_COOKIE = 'tisse_device';
export const DEVICE_COOKIE_DAYS = 365;
const SECRET = 'loginDeviceSecret';

export interface Device {
  userId: number;
  /** Random, names this browser's throttling key. */
  nonce: string;
}

function sign(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export async function issueDeviceCookie(db: Db, userId: number): Promise<string> {
  const body = `d1.${userId}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${sign(await siteSecret(db, SECRET), body).toString('base64url')}`;
}

/** The device a cookie names, when its signature is right; undefined for anything else. */
export async function readDeviceCookie(db: Db, cookie: string | undefined): Promise<Device | undefined> {
  if (!cookie || cookie.length > 200) return undefined;
  const parts = cookie.split('.');
  if (parts.length !== 4 || parts[0] !== 'd1' || !/^[1-9]\d{0,15}$/.test(parts[1]!) || !parts[2]) return undefined;
  const given = Buffer.from(parts[3]!, 'base64url');
  const wanted = sign(await siteSecret(db, SECRET), parts.slice(0, 3).join('.'));
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return undefined;
  return { userId: Number(parts[1]), nonce: parts[2] };
}
