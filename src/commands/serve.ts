// `tisse serve`: migrates, sets up an empty site on first start, serves it until SIGINT or SIGTERM.
import type { Command } from 'commander';
import { loadConfig } from '../kernel/config.ts';
import { startSite } from '../server.ts';
import { printAdmin } from './print-admin.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('sert le site (crée la base, un compte administrateur et le site de démonstration au premier lancement)')
    .option('--no-demo', 'ne pas créer le contenu de démonstration sur une base vide')
    .action(async (options: { demo: boolean }) => {
      const config = loadConfig();
      const site = await startSite(config, { demo: options.demo });
      if (site.setup.admin) printAdmin(site.setup.admin);
      if (site.setup.demoCreated) console.log('Contenu de démonstration créé.');
      console.log(`Tisse sert ${config.siteUrl} (écoute sur ${site.url}, base ${site.db.dialect.name}). Ctrl+C pour arrêter.`);
      // Graceful (server.ts close()): requests in flight and the running job finish, within TISSE_SHUTDOWN_SECONDS.
      // A second signal does not wait.
      let stopping = false;
      const stop = async () => {
        if (stopping) process.exit(1);
        stopping = true;
        console.log(`Arrêt : les requêtes en cours finissent (${config.shutdownSeconds} s au plus).`);
        await site.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
