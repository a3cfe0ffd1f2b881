// Back-office sessions stored in the database: the browser holds a random token, the table holds only its
// SHA-256, so a leaked database copy opens no session. Each session carries its CSRF token, and what its owner's
// profile shows of it: the browser (user agent), the address, when it was opened and last used.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import type { User } from '../db/schema.ts';
import { nowIso } from '../db/time.ts';

export const SESSION_COOKIE = 'tisse_session';
export const SESSION_DAYS = 14;
/** A session's last use is written at most this often: a request does not cost a write (profile's "last seen"). */
export const SEEN_EVERY_MS = 5 * 60_000;

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
      .values({ id: sha256(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt, ip: meta.ip.slice(0, 64), user_agent: meta.userAgent.slice(0, 300) })
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
  lastSeenAt: string | null;
}

/** The user behind a cookie token, or undefined when the session is unknown, expired or the account disabled. */
export async function findSession(db: Db, token: string | undefined): Promise<SessionUser | undefined> {
  if (!token || token.length > 100) return undefined;
  const id = sha256(token);
  const row = await db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token as session_csrf', 'sessions.expires_at as session_expires', 'sessions.last_seen_at as session_seen'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row || row.session_expires <= nowIso() || row.role === 'disabled') return undefined;
  const { session_csrf, session_expires: _expires, session_seen, ...user } = row;
  return { user, sessionId: id, csrfToken: session_csrf, lastSeenAt: session_seen };
}

/**
 * Records that a session was used now, unless that was written less than SEEN_EVERY_MS ago. Not db.write: when a
 * person last used a session changes no page, so it must not empty the page caches (as login throttling).
 */
export async function noteSessionSeen(db: Db, session: Pick<SessionUser, 'sessionId' | 'lastSeenAt'>, now = new Date()): Promise<void> {
  const threshold = new Date(now.getTime() - SEEN_EVERY_MS).toISOString();
  if (session.lastSeenAt !== null && session.lastSeenAt > threshold) return;
  await db.kysely
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', session.sessionId)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<=', threshold)]))
    .execute();
}

/** A session as its owner's profile lists it. */
export interface SessionSummary {
  /** The session's id (the token's SHA-256): only compared with the current one, never shown. */
  id: string;
  userAgent: string;
  ip: string;
  createdAt: string;
  lastSeenAt: string;
}

/** The open sessions of a user, the most recently used first. */
export async function listSessions(db: Db, userId: number, now = new Date()): Promise<SessionSummary[]> {
  const rows = await db.kysely
    .selectFrom('sessions')
    .select(['id', 'user_agent', 'ip', 'created_at', 'last_seen_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .orderBy('last_seen_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({ id: row.id, userAgent: row.user_agent, ip: row.ip, createdAt: row.created_at, lastSeenAt: row.last_seen_at ?? row.created_at }));
}

export async function deleteSession(db: Db, token: string | undefined): Promise<void> {
  if (!token) return;
  await db.write((trx) => trx.deleteFrom('sessions').where('id', '=', sha256(token)).execute());
}
