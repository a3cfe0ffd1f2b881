// Back-office authentication: the session cookie, the current user, `requireUser`, and CSRF protection
// (an origin check on every unsafe request, plus the session's token in every form).
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { AppContext } from './context.ts';
import { formFields } from './request.ts';
import type { User } from '../db/schema.ts';
import { TisseError } from '../kernel/errors.ts';
import { can, loadActor, findSession, noteSessionSeen, DEVICE_COOKIE, DEVICE_COOKIE_DAYS, SESSION_COOKIE, SESSION_DAYS, type Actor } from '../users/index.ts';

export { clientIp } from './client-address.ts';

export interface CurrentUser {
  user: User;
  actor: Actor;
  csrfToken: string;
  /** The session this request came with (the profile tells it from the user's other sessions). */
  sessionId: string;
}

export interface AdminEnv {
  Variables: {
    app: AppContext;
    /** Set by `loadSession` when the request carries a valid session. */
    currentUser?: CurrentUser | undefined;
  };
}

export const CSRF_FIELD = '_csrf';

/** The logged-in user of this request (any route after `loadSession`), or undefined. */
export function currentUser(c: Context<AdminEnv>): CurrentUser | undefined {
  return c.get('currentUser');
}

/** Like currentUser, for routes behind requireUser: throws if there is none. */
export function mustUser(c: Context<AdminEnv>): CurrentUser {
  const user = c.get('currentUser');
  if (!user) throw new TisseError('UNAUTHENTICATED');
  return user;
}

/** Reads the session cookie; usable by any router (the forum uses it for subscribers-only forums). */
export async function sessionUser(c: Context): Promise<CurrentUser | undefined> {
  const app = c.get('app') as AppContext;
  const found = await findSession(app.db, getCookie(c, SESSION_COOKIE));
  if (!found) return undefined;
  await noteSessionSeen(app.db, found);
  return { user: found.user, actor: await loadActor(app.db, found.user), csrfToken: found.csrfToken, sessionId: found.sessionId };
}

export const loadSession: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (getCookie(c, SESSION_COOKIE)) c.set('currentUser', await sessionUser(c));
  await next();
};

/** Pages every account may open, visitors included (their profile, the home): a logged-in user; others log in. */
export const requireLogin: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (!c.get('currentUser')) {
    if (c.req.method === 'GET') {
      const back = new URL(c.req.url);
      return c.redirect(`/ecrire/login?retour=${encodeURIComponent(back.pathname + back.search)}`, 303);
    }
    throw new TisseError('UNAUTHENTICATED');
  }
  await next();
};

/** Back-office pages: a logged-in editor or administrator; others go to the login page (or get 403). */
export const requireUser: MiddlewareHandler<AdminEnv> = (c, next) =>
  requireLogin(c, async () => {
    if (!can(mustUser(c).actor, 'backoffice.enter')) throw new TisseError('FORBIDDEN', 'errors.users.noBackoffice');
    await next();
  });

/** Throws FORBIDDEN unless the current user may take this action. */
export function requirePermission(c: Context<AdminEnv>, ...args: Parameters<typeof can> extends [unknown, ...infer Rest] ? Rest : never): CurrentUser {
  const user = mustUser(c);
  if (!can(user.actor, ...args)) throw new TisseError('FORBIDDEN');
  return user;
}

function allowedOrigin(origin: string, c: Context): boolean {
  const app = c.get('app') as AppContext;
  return origin === new URL(c.req.url).origin || origin === new URL(app.config.siteUrl).origin;
}

const originCheck = csrf({ origin: allowedOrigin });

/**
 * Every unsafe request: the Origin (or Sec-Fetch-Site) must be this site's; with a session, the form (or the
 * X-CSRF-Token header) must also carry the session's token. Refusals are a French 403 page.
 */
export const csrfProtection: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
  try {
    await originCheck(c, async () => {});
  } catch (error) {
    if (error instanceof HTTPException) throw new TisseError('CSRF');
    throw error;
  }
  // A request without a form content type would skip Hono's check: the back office accepts only forms.
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) throw new TisseError('UNSUPPORTED_MEDIA');
  const user = c.get('currentUser');
  if (user) {
    const header = c.req.header('x-csrf-token');
    // Read strictly (web/request.ts): the raw bytes are kept, so every later read sees exactly what was sent.
    const sent = header ?? (await formFields(c))[CSRF_FIELD];
    if (typeof sent !== 'string' || sent !== user.csrfToken) throw new TisseError('CSRF');
  }
  await next();
};

const RETURN_BASE = 'http://return-path.invalid';

/**
 * Where the login form may send a person back: a path of this site (a back-office page, or a public one such as
 * a subscribers-only forum), never another site. Anything else gives the back-office home. Characters URL parsers
 * drop or reinterpret (controls, spaces, backslashes) are refused outright, and the answer is the path as the
 * parser reads it, so `/\tevil.example` or `/%2F…` cannot turn into `//evil.example` on the way out.
 */
export function safeReturnPath(value: string, fallback = '/ecrire/'): string {
  // eslint-disable-next-line no-control-regex
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u0020\u007f-\u009f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, RETURN_BASE);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  return url.origin === RETURN_BASE && path.startsWith('/') && !path.startsWith('//') ? path : fallback;
}

export function setSessionCookie(c: Context, token: string): void {
  const app = c.get('app') as AppContext;
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: app.config.siteUrl.startsWith('https:'),
    maxAge: SESSION_DAYS * 86_400,
  });
  setTeamMarker(c, app.config.siteUrl.startsWith('https:'));
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  clearTeamMarker(c);
}

/**
 * Tells the public pages' script that this browser belongs to a team member, so it asks for the team's bar
 * (admin/team-bar-routes.ts); readers without it send no extra request. It proves nothing: the bar's answer
 * depends on the session alone. Readable by scripts, unlike the session cookie.
 */
export const TEAM_MARKER_COOKIE = 'tisse_equipe';

function setTeamMarker(c: Context, secure: boolean): void {
  setCookie(c, TEAM_MARKER_COOKIE, '1', { path: '/', sameSite: 'Lax', secure, maxAge: SESSION_DAYS * 86_400 });
}

export function clearTeamMarker(c: Context): void {
  deleteCookie(c, TEAM_MARKER_COOKIE, { path: '/' });
}

/** The device cookie (users/device-cookies.ts): sent only to the login form, kept a year, renewed at each login. */
export function setDeviceCookie(c: Context, value: string): void {
  const app = c.get('app') as AppContext;
  setCookie(c, DEVICE_COOKIE, value, {
    path: '/ecrire/login',
    httpOnly: true,
    sameSite: 'Strict',
    secure: app.config.siteUrl.startsWith('https:'),
    maxAge: DEVICE_COOKIE_DAYS * 86_400,
  });
}

export function deviceCookie(c: Context): string | undefined {
  return getCookie(c, DEVICE_COOKIE);
}
