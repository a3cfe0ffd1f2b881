// Back-office sessions stored in the database: the browser holds a random token, the table holds only its
// SHA-256, so a leaked database copy opens no session. Each session carries its CSRF token.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import type { User } from '../db/schema.ts';
import { nowIso } from '../db/time.ts';

export const SESSION_COOKIE = 'tisse_session';
export const SESSION_DAYS = 14;

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export interface OpenSession {
  /** Goes into the cookie, never into the database. */
  token: string;
  csrfToken: string;
  expiresAt: string;
}

export async function createSession(db: Db, userId: number, meta: { ip: string; userAgent: string }): Promise<OpenSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
  await db.write(async (trx) => {
    await trx
      .insertInto('sessions')
      .values({ id: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt, ip: meta.ip.slice(0, 64), user_agent: meta.userAgent.slice(0, 300) })
      .execute();
    await trx.updateTable('users').set({ last_seen_at: now.toISOString() }).where('id', '=', userId).execute();
    // Expired sessions of anyone are swept here rather than by a job: logins are rare and this is one statement.
    await trx.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
  });
  return { token, csrfToken, expiresAt };
}

export interface SessionUser {
  user: User;
  sessionId: string;
  csrfToken: string;
}

/** The user behind a cookie token, or undefined when the session is unknown, expired or the account disabled. */
export async function findSession(db: Db, token: string | undefined): Promise<SessionUser | undefined> {
  if (!token || token.length > 100) return undefined;
  const id = sha256(token);
  const row = await db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token as session_csrf', 'sessions.expires_at as session_expires'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || row.session_expires <= nowIso() || row.role === 'disabled') return undefined;
  const { session_csrf, session_expires: _expires, ...user } = row;
  return { user, sessionId: id, csrfToken: session_csrf };
}

export async function deleteSession(db: Db, token: string | undefined): Promise<void> {
  if (!token) return;
  await db.write((trx) => trx.deleteFrom('sessions').where('id', '=', sha256(token)).execute());
}
