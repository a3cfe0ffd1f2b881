// Starts a Tisse site: opens the database, migrates it, creates the first administrator (and the demo
// content) on an empty database, then serves HTTP. Used by `tisse serve` and by the integration tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import type { Config } from './kernel/config.ts';
import { openDatabase, type DatabaseOptions, type Db } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { initialiseSite, type SetupResult } from './setup/index.ts';
import { createPageCache, type PageCache } from './web/page-cache.ts';
import { serveCachedPage } from './web/page-cache-http.ts';
import { createApp, reloadThemes, closeTheme } from './app.ts';
import { removePidFile, writePidFile } from './kernel/pid-file.ts';
import { TisseError } from './kernel/errors.ts';
import { startJobs } from './jobs/start.ts';
import { refreshStaleRenders } from './web/refresh-renders.ts';
import type { JobRunner } from './jobs/runner.ts';

export interface RunningSite {
  url: string;
  port: number;
  db: Db;
  setup: SetupResult;
  log: Logger;
  /** The background jobs runner (mail outbox…), started at boot. */
  jobs: JobRunner;
  /** The public pages kept rendered (tests look at what a write drops). */
  cache: PageCache;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Create the demo content when the database is empty (npm start does). */
  demo?: boolean;
  log?: Logger;
  /** Reconnection delays of the PostgreSQL change listener (tests shorten them). */
  listener?: DatabaseOptions['listener'];
}

export async function startSite(config: Config, options: StartOptions = {}): Promise<RunningSite> {
  const log = options.log ?? pino({ level: config.logLevel });
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, log, ...(options.listener ? { listener: options.listener } : {}) });
  let server: Server | undefined;
  try {
    await migrateToLatest(db);
    const setup = await initialiseSite(db, config, { demo: options.demo ?? false });
    const cache = createPageCache({ enabled: config.pageCache, version: db.version, changes: db.changes });
    const context = { db, config, cache, log };
    const app = createApp(context);
    const handle = getRequestListener(app.fetch);
    server = createServer({ keepAliveTimeout: 65_000, noDelay: true }, (req, res) => {
      if (!serveCachedPage(cache, req, res)) void handle(req, res);
    });
    const port = await listen(server, config.port, config.host);
    const jobs = startJobs(db, config, log);
    const renders = refreshStaleRenders(db, log);
    // `tisse theme reload` (or kill -HUP): templates are read again, cached pages dropped.
    const onHangup = () => {
      log.info('theme reload');
      reloadThemes();
    };
    process.on('SIGHUP', onHangup);
    writePidFile(config.dataDir);
    const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      db,
      setup,
      log,
      jobs,
      cache,
      async close() {
        process.off('SIGHUP', onHangup);
        closeTheme(context);
        removePidFile(config.dataDir);
        await renders.stop();
        await jobs.stop();
        await new Promise<void>((resolve) => {
          server!.close(() => resolve());
          server!.closeAllConnections();
        });
        await db.close();
      },
    };
  } catch (error) {
    server?.close();
    await db.close().catch(() => {});
    throw error;
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new TisseError('PORT_IN_USE', { key: 'errors.server.portInUse', params: { port, host } }));
      } else if (error.code === 'EACCES') {
        reject(new TisseError('PORT_IN_USE', { key: 'errors.server.portReserved', params: { port } }));
      } else {
        reject(error);
      }
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
