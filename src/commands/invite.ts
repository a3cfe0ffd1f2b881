// `tisse user invite --all`: emails every account that has no password yet (accounts imported from SPIP) a
// single-use link to choose one.
import type { Command } from 'commander';
import { withDatabase } from './with-database.ts';
import { TisseError } from '../kernel/errors.ts';
import { INVITATION_VALIDITY_DAYS, inviteAccountsToChoosePassword } from '../importers/spip/invite-accounts.ts';

export function registerInviteCommand(program: Command): void {
  const user = program.commands.find((c) => c.name() === 'user') ?? program.command('user').description('gère les comptes');
  user
    .command('invite')
    .description('envoie à chaque compte sans mot de passe (comptes importés de SPIP) un lien pour en choisir un')
    .option('--all', 'tous les comptes qui doivent choisir leur mot de passe')
    .action(async (options: { all?: boolean }) => {
      if (!options.all) throw new TisseError('BAD_INPUT', 'errors.cli.inviteNeedsAll');
      await withDatabase(async (db, config) => {
        const result = await inviteAccountsToChoosePassword(db, config.siteUrl);
        console.log(`${result.invited.length} invitation(s) mise(s) en file d’envoi (liens valables ${INVITATION_VALIDITY_DAYS} jours) :`);
        for (const email of result.invited) console.log(`  ${email}`);
        if (result.unreachable.length) {
          console.log(`${result.unreachable.length} compte(s) sans adresse utilisable, à corriger dans l’espace privé avant de les inviter :`);
          for (const who of result.unreachable) console.log(`  ${who}`);
        }
        if (!config.smtpUrl) console.log('TISSE_SMTP_URL n’est pas réglé : les emails attendent dans la file jusqu’à ce qu’il le soit.');
      });
    });
}
