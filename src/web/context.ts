// What every request handler can reach: the database, the configuration, the page cache, the logger.
import type { Logger } from 'pino';
import type { Config } from '../kernel/config.ts';
import type { Db } from '../db/connect.ts';
import type { PageCache } from './page-cache.ts';
import type { SessionProbe } from './session-probe.ts';

export interface AppContext {
  db: Db;
  config: Config;
  cache: PageCache;
  /** Which session cookies are valid, for the page cache (memoised per data version). */
  sessions: SessionProbe;
  log: Logger;
}

export interface AppEnv {
  Variables: {
    app: AppContext;
    /** Set by sendPage when the response may be kept in the page cache (see page-cache-http.ts). */
    pageToCache?: { etag: string; expiresAt?: number | undefined };
  };
}
