// The links a subscriber receives, signed with the newsletter's key (kernel/signed-token.ts):
// - the confirmation link: the subscriber, when it was issued, a nonce. It expires (settings newsletter.confirmHours)
//   and is good once (its nonce is claimed in db/form-uses.ts in the transaction that confirms);
// - the unsubscribe link: the subscriber and the list, nothing else, so it works for as long as the letter is kept
//   and the same link is both the visible one and List-Unsubscribe's one-click URL (RFC 8058). Anyone holding it
//   can unsubscribe that address from that list, which is what the RFC asks; nobody can make one for another
//   address without the key.
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { signToken, verifyToken } from '../kernel/signed-token.ts';
import { siteSecret } from '../settings/index.ts';
import { NEWSLETTER_SECRET } from './signup-token.ts';

export const CONFIRM_PATH = '/lettre/confirmer/';
export const UNSUBSCRIBE_PATH = '/lettre/desinscription/';

/** Synchronous, given the key read before the transaction (reading it may draw it: a write of its own). */
export function confirmationToken(secret: Buffer, subscriberId: number, now = Date.now()): string {
  return signToken(secret, ['c1', subscriberId, now, randomBytes(12).toString('base64url')]);
}

export type ConfirmationCheck = { ok: true; subscriberId: number; issuedAt: number; nonce: string } | { ok: false; problem: 'invalid' | 'expired' };

export async function checkConfirmationToken(db: Db, token: string, maxHours: number, now = Date.now()): Promise<ConfirmationCheck> {
  const parts = verifyToken(await siteSecret(db, NEWSLETTER_SECRET), token, 4);
  if (!parts || parts[0] !== 'c1') return { ok: false, problem: 'invalid' };
  const subscriberId = Number(parts[1]);
  const issuedAt = Number(parts[2]);
  if (!Number.isSafeInteger(subscriberId) || subscriberId <= 0 || !Number.isSafeInteger(issuedAt)) return { ok: false, problem: 'invalid' };
  if (now - issuedAt > maxHours * 3_600_000 || issuedAt > now + 60_000) return { ok: false, problem: 'expired' };
  return { ok: true, subscriberId, issuedAt, nonce: `lettre-confirmer:${parts[3]!}` };
}

/** The unsubscribe token of `subscriberId` for `listId`. Synchronous once the key is read (a send signs thousands). */
export function unsubscribeToken(secret: Buffer, subscriberId: number, listId: number): string {
  return signToken(secret, ['u1', subscriberId, listId]);
}

export function newsletterSecret(db: Db): Promise<Buffer> {
  return siteSecret(db, NEWSLETTER_SECRET);
}

export async function checkUnsubscribeToken(db: Db, token: string): Promise<{ subscriberId: number; listId: number } | undefined> {
  const parts = verifyToken(await newsletterSecret(db), token, 3);
  if (!parts || parts[0] !== 'u1') return undefined;
  const subscriberId = Number(parts[1]);
  const listId = Number(parts[2]);
  if (!Number.isSafeInteger(subscriberId) || subscriberId <= 0 || !Number.isSafeInteger(listId) || listId <= 0) return undefined;
  return { subscriberId, listId };
}
