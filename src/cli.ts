// The `tisse` command: everything an operator does, from serving the site to managing accounts.
// Every failure a person can cause ends with one clear French sentence and a non-zero exit, no stack trace.
import { Command } from 'commander';
import { ConfigError } from './kernel/config.ts';
import { isTisseError } from './kernel/errors.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerInitCommand } from './commands/init.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerUserCommand } from './commands/user.ts';
import { registerForumCommand } from './commands/forum.ts';
import { registerGlossaryCommand } from './commands/glossary.ts';
import { registerNewsletterCommand } from './commands/newsletter.ts';
import { registerImportSpipCommand } from './commands/import-spip.ts';
import { registerInviteCommand } from './commands/invite.ts';
import { registerPropreCommand } from './commands/propre.ts';
import { registerReindexCommand } from './commands/reindex.ts';
import { registerThemeCommand } from './commands/theme.ts';
import { registerBackupCommands } from './commands/backup.ts';

// `tisse glossary list | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('tisse')
  .description('Tisse, la plateforme de publication des think tanks et des associations')
  .showHelpAfterError();

registerServeCommand(program);
registerInitCommand(program);
registerMigrateCommand(program);
registerUserCommand(program);
registerForumCommand(program);
registerGlossaryCommand(program);
registerNewsletterCommand(program);
registerImportSpipCommand(program);
registerInviteCommand(program);
registerPropreCommand(program);
registerReindexCommand(program);
registerThemeCommand(program);
registerBackupCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || isTisseError(error)) {
    console.error(`Erreur : ${error.message}`);
    process.exit(1);
  }
  throw error;
}
