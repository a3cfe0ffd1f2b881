// The signed token a comment form carries: which article (and parent message) it was shown for and when.
// It proves the post comes from a form Tisse displayed, not too quickly (bots post at once) and not too late.
// The HMAC key is drawn once per site and kept in the settings table, so every app server shares it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/time.ts';

const SECRET_KEY = 'forumSecret';
const secrets = new WeakMap<Db, Promise<Buffer>>();

function siteSecret(db: Db): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = (async () => {
      const existing = await db.kysely.selectFrom('settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirst();
      if (existing) return Buffer.from(JSON.parse(existing.value) as string, 'base64url');
      const fresh = JSON.stringify(randomBytes(32).toString('base64url'));
      // Two processes may race here: the first insert wins and both read it back.
      await db.write((trx) =>
        trx.insertInto('settings').values({ key: SECRET_KEY, value: fresh, updated_at: nowIso() }).onConflict((oc) => oc.column('key').doNothing()).execute(),
      );
      const row = await db.kysely.selectFrom('settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirstOrThrow();
      return Buffer.from(JSON.parse(row.value) as string, 'base64url');
    })();
    secret.catch(() => secrets.delete(db));
    secrets.set(db, secret);
  }
  return secret;
}

function sign(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export async function issueFormToken(db: Db, articleId: number, parentId: number | null, now = Date.now()): Promise<string> {
  const body = `v1.${articleId}.${parentId ?? 0}.${now}.${randomBytes(6).toString('base64url')}`;
  return `${body}.${sign(await siteSecret(db), body)}`;
}

export type TokenCheck = { ok: true; issuedAt: number } | { ok: false; problem: 'invalid' | 'too_fast' | 'expired' };

export async function checkFormToken(
  db: Db,
  token: string,
  expected: { articleId: number; parentId: number | null; minSeconds: number; maxHours: number },
  now = Date.now(),
): Promise<TokenCheck> {
  const parts = token.split('.');
  if (parts.length !== 6 || parts[0] !== 'v1') return { ok: false, problem: 'invalid' };
  const body = parts.slice(0, 5).join('.');
  const given = Buffer.from(parts[5]!, 'base64url');
  const wanted = Buffer.from(sign(await siteSecret(db), body), 'base64url');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, problem: 'invalid' };
  if (Number(parts[1]) !== expected.articleId || Number(parts[2]) !== (expected.parentId ?? 0)) return { ok: false, problem: 'invalid' };
  const issuedAt = Number(parts[3]);
  if (!Number.isFinite(issuedAt)) return { ok: false, problem: 'invalid' };
  if (now - issuedAt < expected.minSeconds * 1000) return { ok: false, problem: 'too_fast' };
  if (now - issuedAt > expected.maxHours * 3_600_000) return { ok: false, problem: 'expired' };
  return { ok: true, issuedAt };
}

/** Cached pages carrying a form are dropped after this, so the token they hold is always far from expiry. */
export const FORM_PAGE_MAX_AGE_MS = 60 * 60 * 1000;
