// The signed token of one display of the sign-up form, as the forum's comment token (kernel/signed-token.ts, the
// nonce claimed in db/form-uses.ts): it proves the sign-up comes from a form Tisse displayed, not too quickly
// (bots post at once) and not too late, and is good for one sign-up. Never put in a cached page: the footer form of
// every page carries none, and its first POST answers with /lettre's form and a token (site/newsletter-routes.ts).
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { nonceUsed } from '../db/form-uses.ts';
import { signToken, verifyToken } from '../kernel/signed-token.ts';
import { siteSecret } from '../settings/index.ts';

/** The newsletter's HMAC key among the site's secrets: sign-up tokens, confirmation and unsubscribe links. */
export const NEWSLETTER_SECRET = 'newsletterSecret';

/** How long a displayed form stays good. */
export const SIGNUP_TOKEN_HOURS = 8;

export async function issueSignupToken(db: Db, now = Date.now()): Promise<string> {
  return signToken(await siteSecret(db, NEWSLETTER_SECRET), ['s1', now, randomBytes(16).toString('base64url')]);
}

export type SignupTokenCheck = { ok: true; issuedAt: number; nonce: string } | { ok: false; problem: 'invalid' | 'too_fast' | 'expired' };

export async function checkSignupToken(db: Db, token: string, minSeconds: number, now = Date.now()): Promise<SignupTokenCheck> {
  const parts = verifyToken(await siteSecret(db, NEWSLETTER_SECRET), token, 3);
  if (!parts || parts[0] !== 's1') return { ok: false, problem: 'invalid' };
  const issuedAt = Number(parts[1]);
  if (!Number.isSafeInteger(issuedAt)) return { ok: false, problem: 'invalid' };
  if (now - issuedAt < minSeconds * 1000) return { ok: false, problem: 'too_fast' };
  if (now - issuedAt > SIGNUP_TOKEN_HOURS * 3_600_000) return { ok: false, problem: 'expired' };
  return { ok: true, issuedAt, nonce: `lettre:${parts[2]!}` };
}

/** The token the form shown again carries: the one posted while it is good and unused, else a fresh one. */
export async function nextSignupToken(db: Db, given: string, now = Date.now()): Promise<string> {
  const check = given ? await checkSignupToken(db, given, 0, now) : undefined;
  if (check?.ok && !(await nonceUsed(db, check.nonce))) return given;
  return issueSignupToken(db, now);
}
