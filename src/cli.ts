// The `tisse` command: everything an operator does, from serving the site to managing accounts.
// Every failure a person can cause ends with one clear French sentence and a non-zero exit, no stack trace.
import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from './kernel/config.ts';
import { isTisseError } from './kernel/errors.ts';
import { openDatabase } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startSite } from './server.ts';
import { withDatabase } from './commands/with-database.ts';
import { initialiseSite } from './setup/first-start.ts';
import { createUser } from './users/operations/create-user.ts';
import { setPassword } from './users/operations/set-password.ts';
import { registerForumCommand } from './commands/forum.ts';
import { registerGlossaryCommand } from './commands/glossary.ts';
import { registerImportSpipCommand } from './commands/import-spip.ts';
import { registerInviteCommand } from './commands/invite.ts';
import { registerPropreCommand } from './commands/propre.ts';
import { registerReindexCommand } from './commands/reindex.ts';

// `tisse glossary list | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('tisse')
  .description('Tisse, la plateforme de publication des think tanks et des associations')
  .showHelpAfterError();

program
  .command('serve')
  .description('sert le site (crée la base, un compte administrateur et le site de démonstration au premier lancement)')
  .option('--no-demo', 'ne pas créer le contenu de démonstration sur une base vide')
  .action(async (options: { demo: boolean }) => {
    const config = loadConfig();
    const site = await startSite(config, { demo: options.demo });
    if (site.setup.admin) printAdmin(site.setup.admin);
    if (site.setup.demoCreated) console.log('Contenu de démonstration créé.');
    console.log(`Tisse sert ${config.siteUrl} (écoute sur ${site.url}, base ${site.db.dialect}). Ctrl+C pour arrêter.`);
    const stop = async () => {
      await site.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

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

program
  .command('migrate')
  .description('applique les migrations de la base en attente')
  .action(async () => {
    // Not withDatabase: reporting what this very run applied is the point.
    const db = await openDatabase(loadConfig());
    try {
      const { applied } = await migrateToLatest(db);
      console.log(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'La base est à jour.');
    } finally {
      await db.close();
    }
  });

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

function printAdmin(admin: { email: string; password: string; generated: boolean }): void {
  console.log('Compte administrateur créé :');
  console.log(`  identifiant : ${admin.email}`);
  console.log(admin.generated ? `  mot de passe : ${admin.password}  (affiché une seule fois : notez-le)` : '  mot de passe : celui de TISSE_ADMIN_PASSWORD');
  console.log('  espace privé : /ecrire/');
}

registerForumCommand(program);
registerGlossaryCommand(program);
registerImportSpipCommand(program);
registerInviteCommand(program);
registerPropreCommand(program);
registerReindexCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || isTisseError(error)) {
    console.error(`Erreur : ${error.message}`);
    process.exit(1);
  }
  throw error;
}
