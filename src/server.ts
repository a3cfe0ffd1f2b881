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
import { markCached, requestObserver } from './web/request-log.ts';
import { pageCacheLookups } from './kernel/metrics.ts';
import { openStorage, type Storage } from './documents/index.ts';

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
  /** Where documents are kept (the data folder, or S3). */
  storage: Storage;
  /**
   * Stops gracefully: readiness answers 503, no new connection is accepted, requests in flight finish (at most
   * TISSE_SHUTDOWN_SECONDS, then their connections are cut), the running job finishes (a job not finished by then
   * returns to the queue), the database is closed.
   */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Create the demo content when the database is empty (npm start does). */
  demo?: boolean;
  log?: Logger;
  /** Reconnection delays of the PostgreSQL change listener (tests shorten them). */
  listener?: DatabaseOptions['listener'];
  /** Under `--workers`: the metrics of every worker added up (the cluster's primary collects them). */
  metrics?: () => Promise<string>;
  /** Whether this process runs the jobs and the background re-render (default yes; one worker of a cluster does). */
  jobs?: boolean;
  /** Whether this process writes <dataDir>/tisse.pid (default yes; a cluster's primary writes it for its workers). */
  pidFile?: boolean;
}

export async function startSite(config: Config, options: StartOptions = {}): Promise<RunningSite> {
  const log = options.log ?? pino({ level: config.logLevel });
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, log, ...(options.listener ? { listener: options.listener } : {}) });
  let server: Server | undefined;
  try {
    await migrateToLatest(db);
    const setup = await initialiseSite(db, config, { demo: options.demo ?? false });
    const cache = createPageCache({ enabled: config.pageCache, version: db.version, changes: db.changes });
    const storage = await openStorage(config);
    let stopping = false;
    const context = { db, config, cache: countingLookups(cache), log, storage, lifecycle: { stopping: () => stopping }, ...(options.metrics ? { metrics: options.metrics } : {}) };
    const app = createApp(context);
    const handle = getRequestListener(app.fetch);
    const observe = requestObserver(config.requestLog ? log : undefined);
    server = createServer({ keepAliveTimeout: 65_000, noDelay: true }, (req, res) => {
      observe(req, res);
      // While stopping, every answer closes its connection: a client's next request goes to another server.
      if (stopping) res.setHeader('connection', 'close');
      if (serveCachedPage(cache, req, res)) {
        pageCacheLookups.inc(HIT);
        markCached(res);
      } else void handle(req, res);
    });
    const port = await listen(server, config.port, config.host);
    const runsJobs = options.jobs ?? true;
    const jobs = runsJobs ? startJobs(db, config, log) : idleRunner;
    const renders = runsJobs ? refreshStaleRenders(db, log) : { stop: async () => {} };
    // `tisse theme reload` (or kill -HUP): templates are read again, cached pages dropped.
    const onHangup = () => {
      log.info('theme reload');
      reloadThemes();
    };
    process.on('SIGHUP', onHangup);
    const pidFile = options.pidFile ?? true;
    if (pidFile) writePidFile(config.dataDir);
    const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      db,
      setup,
      log,
      jobs,
      cache,
      storage,
      async close() {
        stopping = true;
        process.off('SIGHUP', onHangup);
        const deadline = Date.now() + config.shutdownSeconds * 1000;
        // No new connection; idle keep-alive ones closed now, busy ones when their answer is written.
        const drained = new Promise<void>((resolve) => server!.close(() => resolve()));
        server!.closeIdleConnections();
        const idleSweep = setInterval(() => server!.closeIdleConnections(), 50);
        const [jobsStopped] = await Promise.all([
          within(jobs.stop().then(() => true), deadline, false),
          within(renders.stop().then(() => true), deadline, false),
          within(drained.then(() => true), deadline, false),
        ]);
        clearInterval(idleSweep);
        // Past the deadline: what still runs is cut. A job left running returns to the queue (its runner's
        // heartbeat row is gone, so the next claim by any runner sweeps it back).
        server!.closeAllConnections();
        if (!jobsStopped) log.warn('shutdown: the running job did not finish in time; it returns to the queue');
        closeTheme(context);
        if (pidFile) removePidFile(config.dataDir);
        await db.close();
      },
    };
  } catch (error) {
    server?.close();
    await db.close().catch(() => {});
    throw error;
  }
}

const HIT = { result: 'hit' } as const;

/** The runner of a worker that does not run jobs: there is nothing to run or to stop. */
const idleRunner: JobRunner = { runDue: async () => 0, stop: async () => {} };

/** The page cache as the application sees it, its lookups counted (the fast path counts its own hits). */
function countingLookups(cache: PageCache): PageCache {
  const counted = Object.create(cache) as PageCache;
  counted.get = (key) => {
    const page = cache.get(key);
    pageCacheLookups.inc({ result: page ? 'hit' : 'miss' });
    return page;
  };
  return counted;
}

/** `work`'s value, or `late` once `deadline` (epoch ms) has passed. */
function within<T>(work: Promise<T>, deadline: number, late: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late), Math.max(0, deadline - Date.now()));
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
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
