// The signed token a comment form carries: which article (and parent message) it was shown for, when it was
// first shown, and a random nonce. It proves the post comes from a form Tisse displayed, not too quickly (bots
// post at once) and not too late; the nonce, recorded with the stored message, makes it good for one post.
// A token is per view: it is never put in a cached page. The article page's form fetches one from the uncached
// GET /forum/jeton when it is shown (themes/default/assets/forum.js); without script, the first POST answers with the
// preview and a fresh token. A preview carries the token it was given forward, so the delay counts from the
// first display of the form, not from the preview.
// The HMAC key is drawn once per site and kept in the settings table, so every app server shares it.
import { randomBytes } from 'node:crypto';
import type { Db, Trx } from '../db/connect.ts';
import { claimNonce, nonceUsed, purgeOldNonces } from '../db/form-uses.ts';
import { signToken, verifyToken } from '../kernel/signed-token.ts';
import { siteSecret } from '../settings/index.ts';
import { loadForumPolicy } from './policy.ts';

/** The name of the token's HMAC key among the site's secrets (settings/secrets.ts). */
const SECRET_KEY = 'forumSecret';

/**
 * Which form a token is for: 'v1' the comment form (its first version), 'p1' an article's petition (petitions/
 * uses the same anti-abuse), so a token shown for one form is refused by the other.
 */
export type FormKind = 'v1' | 'p1';

/** A token for one display of the form of `articleId` (replying to `parentId`), issued at `now`. */
export async function issueFormToken(db: Db, articleId: number, parentId: number | null, now = Date.now(), kind: FormKind = 'v1'): Promise<string> {
  return signToken(await siteSecret(db, SECRET_KEY), [kind, articleId, parentId ?? 0, now, randomBytes(16).toString('base64url')]);
}

export type TokenCheck = { ok: true; issuedAt: number; nonce: string } | { ok: false; problem: 'invalid' | 'too_fast' | 'expired' };

export interface TokenExpectation {
  /** 'v1' (the comment form) unless said. */
  kind?: FormKind;
  articleId: number;
  parentId: number | null;
  minSeconds: number;
  maxHours: number;
}

/** Whether `token` is genuine, for this form, old enough and not expired. Whether it was used is `claimFormToken`'s. */
export async function checkFormToken(db: Db, token: string, expected: TokenExpectation, now = Date.now()): Promise<TokenCheck> {
  const parts = verifyToken(await siteSecret(db, SECRET_KEY), token, 5);
  if (!parts || parts[0] !== (expected.kind ?? 'v1')) return { ok: false, problem: 'invalid' };
  if (Number(parts[1]) !== expected.articleId || Number(parts[2]) !== (expected.parentId ?? 0)) return { ok: false, problem: 'invalid' };
  const issuedAt = Number(parts[3]);
  if (!Number.isSafeInteger(issuedAt)) return { ok: false, problem: 'invalid' };
  if (now - issuedAt < expected.minSeconds * 1000) return { ok: false, problem: 'too_fast' };
  if (now - issuedAt > expected.maxHours * 3_600_000) return { ok: false, problem: 'expired' };
  return { ok: true, issuedAt, nonce: parts[4]! };
}

/** Records the token's nonce as used, inside the transaction that stores the message; false when it already was. */
export async function claimFormToken(trx: Trx, token: { issuedAt: number; nonce: string }): Promise<boolean> {
  return claimNonce(trx, token.nonce, new Date(token.issuedAt).toISOString());
}

/** Forgets the nonces of tokens that have expired anyway (checkFormToken refuses them with the same `maxHours`). */
export function purgeUsedFormTokens(db: Db, maxHours: number, now = Date.now()): Promise<void> {
  return purgeOldNonces(db, maxHours, now);
}

/**
 * The token the form shown next (a preview, a rejected post shown again) carries: the one posted, when it is
 * genuine, for this form, unexpired and unused, so the delay keeps counting from the first display; otherwise a
 * fresh one issued now (a form shown without script posts no token: its delay counts from this display).
 */
export async function nextFormToken(db: Db, given: string, form: { articleId: number; parentId: number | null }, now = Date.now()): Promise<string> {
  const { tokenHours } = await loadForumPolicy(db);
  const check = given ? await checkFormToken(db, given, { ...form, minSeconds: 0, maxHours: tokenHours }, now) : undefined;
  if (check?.ok) {
    if (!(await nonceUsed(db, check.nonce))) return given;
  }
  return issueFormToken(db, form.articleId, form.parentId, now);
}
