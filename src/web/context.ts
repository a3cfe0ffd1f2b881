// What every request handler can reach: the database, the configuration, the page cache, the logger, the
// document storage, and the server's lifecycle.
import type { Logger } from 'pino';
import type { Config } from '../kernel/config.ts';
import type { Db } from '../db/connect.ts';
import type { Storage } from '../documents/index.ts';
import type { PageCache } from './page-cache.ts';

export interface AppContext {
  db: Db;
  config: Config;
  cache: PageCache;
  log: Logger;
  /** Where documents, their thumbnails and image sizes are kept (documents/storage.ts). */
  storage: Storage;
  /** Set by server.ts: whether the server is stopping (readiness answers 503 then). */
  lifecycle?: { stopping(): boolean };
  /** Set by server.ts under `--workers`: the metrics of every worker added up, instead of this process's. */
  metrics?: () => Promise<string>;
}

export interface AppEnv {
  Variables: {
    app: AppContext;
    /** Set by sendPage when the response may be kept in the page cache (see page-cache-http.ts). */
    pageToCache?: { etag: string; expiresAt?: number | undefined; dependsOn?: readonly string[] | undefined };
    /** The language a public list was asked in (`?lang=`, web/interface-language.ts; decision 031). */
    listLanguage?: string;
    /** What the request was about (an article's id…), logged with an error the request ends in. */
    subject?: Record<string, number | string>;
  };
}
