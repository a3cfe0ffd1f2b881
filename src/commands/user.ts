// `tisse user add|passwd`: accounts from the command line, through the same operations as the back office.
import { Option, type Command } from 'commander';
import { createUser, setPassword } from '../users/index.ts';
import { withDatabase } from './with-database.ts';

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('gère les comptes');

  user
    .command('add')
    .description('crée un compte')
    .requiredOption('--email <email>', 'adresse email (sert d’identifiant)')
    .requiredOption('--name <name>', 'nom affiché')
    .addOption(new Option('--role <role>', 'rôle').choices(['administrator', 'editor', 'visitor']).makeOptionMandatory())
    .option('--password <password>', 'mot de passe (tiré au hasard et affiché si absent)')
    .action(async (options: { email: string; name: string; role: 'administrator' | 'editor' | 'visitor'; password?: string }) => {
      await withDatabase(async (db) => {
        const { user: created, password } = await createUser(db, options);
        console.log(`Compte créé : ${created.email} (${created.role}, n° ${created.id}).`);
        if (!options.password) console.log(`Mot de passe : ${password}`);
      });
    });

  user
    .command('passwd')
    .description('change le mot de passe d’un compte (et ferme ses sessions)')
    .requiredOption('--email <email>', 'adresse email du compte')
    .option('--password <password>', 'nouveau mot de passe (tiré au hasard et affiché si absent)')
    .action(async (options: { email: string; password?: string }) => {
      await withDatabase(async (db) => {
        const password = await setPassword(db, options.email, options.password);
        console.log(`Mot de passe changé pour ${options.email}.`);
        if (!options.password) console.log(`Nouveau mot de passe : ${password}`);
      });
    });
}
