// Which session cookies name a live session, for the page cache: a request with a valid session bypasses the
// cache (its pages are the editor's), any other cookie value, `tisse_session=bogus` included, is a reader
// like any other. Answers are memoised until the data changes (Db.version moves with every login, logout,
// disabled account…), so a cookie sent again is judged without a query; the memo is bounded.
import type { Db } from '../db/connect.ts';
import { findSession, SESSION_COOKIE } from '../users/index.ts';

export interface SessionProbe {
  /** true or false when already judged since the last change of data; undefined when `check` must ask. */
  known(token: string): boolean | undefined;
  /** Asks the database (one indexed lookup) and remembers the answer. */
  check(token: string): Promise<boolean>;
}

const COOKIE = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=([^;]*)`);

/** The session cookie's value in a Cookie header, or undefined when there is none (or it is empty). */
export function sessionToken(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const value = COOKIE.exec(cookieHeader)?.[1]?.trim();
  return value ? value : undefined;
}

export function createSessionProbe(db: Db, maxEntries = 10_000): SessionProbe {
  const memo = new Map<string, boolean>();
  let seenVersion = db.version();
  const freshen = () => {
    const version = db.version();
    if (version !== seenVersion) {
      memo.clear();
      seenVersion = version;
    }
  };
  return {
    known(token) {
      freshen();
      return memo.get(token);
    },
    async check(token) {
      freshen();
      const asked = seenVersion;
      const valid = (await findSession(db, token)) !== undefined;
      freshen();
      // An answer given across a change of data is not kept: the next request asks again.
      if (asked === seenVersion) {
        if (memo.size >= maxEntries) memo.clear();
        memo.set(token, valid);
      }
      return valid;
    },
  };
}
