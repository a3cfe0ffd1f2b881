// Tokens signed with a site secret (HMAC-SHA-256, base64url): dot-separated fields followed by the signature of
// the fields. Used by the forum's form tokens and the newsletter's sign-up tokens and links. The secret comes from
// the caller (settings' siteSecret), so this file stays free of I/O.
import { createHmac, timingSafeEqual } from 'node:crypto';

function sign(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** `fields` joined by dots, then the signature. No field may contain a dot. */
export function signToken(secret: Buffer, fields: readonly (string | number)[]): string {
  const body = fields.join('.');
  return `${body}.${sign(secret, body)}`;
}

/** The fields of `token` when its signature is genuine and it has `count` fields; undefined otherwise. */
export function verifyToken(secret: Buffer, token: string, count: number): string[] | undefined {
  const parts = token.split('.');
  if (parts.length !== count + 1) return undefined;
  const fields = parts.slice(0, count);
  const given = Buffer.from(parts[count]!, 'base64url');
  const wanted = Buffer.from(sign(secret, fields.join('.')), 'base64url');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return undefined;
  return fields;
}
