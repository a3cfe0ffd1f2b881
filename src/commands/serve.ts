// `tisse serve [--workers N]`: migrates, sets up an empty site on first start, serves it until SIGINT or SIGTERM.
// With more than one worker (the default on a machine of several cores), cluster.ts runs a primary and its workers.
import cluster from 'node:cluster';
import type { Command } from 'commander';
import { loadConfig } from '../kernel/config.ts';
import { startSite } from '../server.ts';
import { WorkerStartFailed, defaultWorkers, runPrimary, runWorker } from '../cluster.ts';
import { printAdmin } from './print-admin.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('sert le site (crée la base, un compte administrateur et le site de démonstration au premier lancement)')
    .option('--no-demo', 'ne pas créer le contenu de démonstration sur une base vide')
    .option('--workers <n>', `processus qui servent ensemble (par défaut TISSE_WORKERS, sinon un par cœur, au plus 4 : ici ${defaultWorkers()})`, parseWorkers)
    .action(async (options: { demo: boolean; workers?: number }) => {
      const config = loadConfig();
      if (cluster.isWorker) return serveAsWorker();
      const workers = options.workers ?? config.workers ?? defaultWorkers();
      if (workers === 1) return serveAlone(options.demo);
      const database = config.databaseUrl?.startsWith('postgres') ? 'postgres' : 'sqlite';
      const primary = await runPrimary(config, workers, {
        demo: options.demo,
        events: {
          listening: (url) => console.log(`Tisse sert ${config.siteUrl} (écoute sur ${url}, base ${database}, ${workers} processus). Ctrl+C pour arrêter.`),
          worker: (pid, replacing) => console.log(replacing ? `processus ${pid} prêt (remplace ${replacing})` : `processus ${pid} prêt`),
        },
      }).catch((error: unknown) => {
        // The worker has printed its own message (the port taken…): one is enough.
        if (error instanceof WorkerStartFailed) process.exit(1);
        throw error;
      });
      if (primary.setup.admin) printAdmin(primary.setup.admin);
      if (primary.setup.demoCreated) console.log('Contenu de démonstration créé.');
      onStopSignals(config.shutdownSeconds, () => primary.stop());
    });
}

async function serveAlone(demo: boolean): Promise<void> {
  const config = loadConfig();
  const site = await startSite(config, { demo });
  if (site.setup.admin) printAdmin(site.setup.admin);
  if (site.setup.demoCreated) console.log('Contenu de démonstration créé.');
  console.log(`Tisse sert ${config.siteUrl} (écoute sur ${site.url}, base ${site.db.dialect.name}). Ctrl+C pour arrêter.`);
  onStopSignals(config.shutdownSeconds, () => site.close());
}

async function serveAsWorker(): Promise<void> {
  const site = await runWorker(loadConfig());
  // The primary sends SIGTERM to each worker; Ctrl+C reaches the whole group, and the primary decides.
  process.on('SIGINT', () => {});
  process.once('SIGTERM', () => {
    void site.close().then(() => process.exit(0));
  });
}

/** Graceful (server.ts close()): requests in flight and the running job finish. A second signal does not wait. */
function onStopSignals(shutdownSeconds: number, close: () => Promise<void>): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`Arrêt : les requêtes en cours finissent (${shutdownSeconds} s au plus).`);
    await close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function parseWorkers(text: string): number {
  const value = Number(text);
  if (!/^[1-9][0-9]?$/.test(text) || value > 64) {
    console.error('--workers : un nombre entier entre 1 et 64.');
    process.exit(2);
  }
  return value;
}
