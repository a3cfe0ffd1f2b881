// What every request handler can reach: the database, the configuration, the page cache, the logger.
import type { Logger } from 'pino';
import type { Config } from '../kernel/config.ts';
import type { Db } from '../db/connect.ts';
import type { PageCache } from './page-cache.ts';

export interface AppContext {
  db: Db;
  config: Config;
  cache: PageCache;
  log: Logger;
}

export interface AppEnv {
  Variables: {
    app: AppContext;
    /** Set by sendPage when the response may be kept in the page cache (see page-cache-http.ts). */
    pageToCache?: { etag: string; expiresAt?: number | undefined; dependsOn?: readonly string[] | undefined };
    /** The language a public list was asked in (`?lang=`, web/interface-language.ts; decision 024). */
    listLanguage?: string;
    /** What the request was about (an article's id…), logged with an error the request ends in. */
    subject?: Record<string, number | string>;
  };
}
