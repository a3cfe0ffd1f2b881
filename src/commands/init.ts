// `tisse init`: creates the database and the first administrator, and the demo site on request.
import type { Command } from 'commander';
import { initialiseSite } from '../setup/index.ts';
import { withDatabase } from './with-database.ts';
import { printAdmin } from './print-admin.ts';

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('crée la base et le premier compte administrateur')
    .option('--demo', 'ajoute le contenu de démonstration (Le Labo de l’ESS)')
    .action(async (options: { demo?: boolean }) => {
      await withDatabase(async (db, config) => {
        const result = await initialiseSite(db, config, { demo: options.demo ?? false });
        if (result.admin) printAdmin(result.admin);
        else console.log('Le site a déjà un compte administrateur.');
        if (result.demoCreated) console.log('Contenu de démonstration créé.');
        else if (options.demo) console.log('Le site a déjà des articles : contenu de démonstration non créé.');
      });
    });
}
