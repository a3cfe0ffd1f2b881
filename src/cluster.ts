// `tisse serve --workers N`: one primary process and N workers (node:cluster) sharing the port. The primary
// migrates and sets up the site once, then forks the workers and keeps them: a worker that dies (killed, crashed) is
// replaced at once while the others go on serving. It adds up the workers' metrics for /metriques (prom-client's
// AggregatorRegistry: a worker asks the primary, which asks every worker), forwards SIGHUP (theme reload), and on
// SIGTERM asks every worker to stop gracefully (server.ts close()) before it exits. Each worker is a whole Tisse
// server (startSite): the page cache and memos of each follow the others' writes through the database
// (SQLite data_version, PostgreSQL LISTEN/NOTIFY). One worker at a time runs the jobs and the background re-render:
// jobs run once whatever the database, and several processes do not poll one SQLite file for them.
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { AggregatorRegistry } from 'prom-client';
import pino, { type Logger } from 'pino';
import type { Config } from './kernel/config.ts';
import { metricsRegistry } from './kernel/metrics.ts';
import { openDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { initialiseSite, type SetupResult } from './setup/index.ts';
import { removePidFile, writePidFile } from './kernel/pid-file.ts';
import { startSite, type RunningSite } from './server.ts';

/** Default: one worker per core, at most four (past that, the database is the limit, not the CPU). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** The environment variable telling a worker whether it runs the jobs. */
const JOBS_ROLE = 'TISSE_WORKER_JOBS';
const METRICS_ASK = 'tisse:metrics?';
const METRICS_ANSWER = 'tisse:metrics!';

export interface PrimaryEvents {
  /** Once every first worker listens: the address they share. */
  listening(url: string): void;
  /** A worker started (its pid), first ones and replacements. */
  worker(pid: number, replacing: number | undefined): void;
}

/**
 * Runs the primary: sets up the site, forks `count` workers and keeps them. Resolves with the first start's result
 * (the administrator created on an empty database) once every worker listens; `stop()` ends them all gracefully.
 */
export async function runPrimary(config: Config, count: number, options: { demo: boolean; events: PrimaryEvents; log?: Logger }): Promise<{ setup: SetupResult; stop(): Promise<void> }> {
  const log = options.log ?? pino({ level: config.logLevel });
  // Migrations and the first start run here, once, before any worker opens the database.
  const db = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, log });
  let setup: SetupResult;
  try {
    await migrateToLatest(db);
    setup = await initialiseSite(db, config, { demo: options.demo });
  } finally {
    await db.close();
  }

  const aggregator = new AggregatorRegistry();
  let stopping = false;
  let jobsWorker: Worker | undefined;

  const fork = (replacing?: Worker): Worker => {
    const runsJobs = !jobsWorker || jobsWorker === replacing || jobsWorker.isDead();
    const worker = cluster.fork({ [JOBS_ROLE]: runsJobs ? '1' : '0' });
    if (runsJobs) jobsWorker = worker;
    worker.on('message', (message: { type?: string; id?: number }) => {
      if (message?.type !== METRICS_ASK) return;
      aggregator.clusterMetrics().then(
        (text) => worker.send({ type: METRICS_ANSWER, id: message.id, text }),
        (error: Error) => worker.send({ type: METRICS_ANSWER, id: message.id, error: error.message }),
      );
    });
    worker.once('online', () => options.events.worker(worker.process.pid!, replacing?.process.pid));
    return worker;
  };

  let ready = false;
  let failedStart: ((error: Error) => void) | undefined;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!ready) {
      // A worker that cannot start (port taken, database unreachable: it said why) is not replaced in a loop.
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      failedStart?.(new WorkerStartFailed(`a worker exited before listening (${code ?? signal})`));
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, 'worker died: starting another');
    fork(worker);
  });

  const listening = new Promise<string>((resolve, reject) => {
    failedStart = reject;
    let count_ = 0;
    cluster.on('listening', function onListening(_worker, address) {
      if (++count_ < count) return;
      cluster.off('listening', onListening);
      const host = address.address && address.address.includes(':') ? `[${address.address}]` : (address.address ?? config.host);
      resolve(`http://${host}:${address.port}`);
    });
  });
  for (let i = 0; i < count; i++) fork();
  const url = await listening;
  ready = true;
  options.events.listening(url);

  writePidFile(config.dataDir);
  const onHangup = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGHUP');
  };
  process.on('SIGHUP', onHangup);

  return {
    setup,
    async stop() {
      stopping = true;
      process.off('SIGHUP', onHangup);
      const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      );
      removePidFile(config.dataDir);
    },
  };
}

/** Runs a worker: a whole Tisse server that asks the primary for the cluster's metrics and runs jobs only if told. */
export async function runWorker(config: Config): Promise<RunningSite> {
  // The primary's AggregatorRegistry asks each worker for this registry.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([metricsRegistry]);
  let asked = 0;
  const waiting = new Map<number, { resolve(text: string): void; reject(error: Error): void }>();
  process.on('message', (message: { type?: string; id?: number; text?: string; error?: string }) => {
    if (message?.type !== METRICS_ANSWER || message.id === undefined) return;
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else pending?.resolve(message.text ?? '');
  });
  const metrics = () =>
    new Promise<string>((resolve, reject) => {
      const id = ++asked;
      waiting.set(id, { resolve, reject });
      process.send!({ type: METRICS_ASK, id });
    });
  return startSite(config, { demo: false, metrics, jobs: process.env[JOBS_ROLE] === '1', pidFile: false });
}

/** The first workers could not all start; each said why on its own output. */
export class WorkerStartFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerStartFailed';
  }
}
