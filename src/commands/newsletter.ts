// `tisse newsletter list|import|export|digest`: the newsletter from the command line, through the same operations
// as the back office. A digest sent from here is queued: the running server's jobs deliver it (one per batch of
// recipients), as they deliver every letter.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withDatabase } from './with-database.ts';
import { TisseError } from '../kernel/errors.ts';
import type { Db } from '../db/connect.ts';
import type { NewsletterList } from '../db/schema.ts';
import { buildDigest, countSubscribersByList, exportSubscribersCsv, findList, importSubscribers, listAllLists, scheduleIssue } from '../newsletter/index.ts';

async function requireList(db: Db, name: string): Promise<NewsletterList> {
  const list = await findList(db, name);
  if (!list) throw new TisseError('NOT_FOUND', { key: 'errors.cli.unknownList', params: { list: name } });
  return list;
}

export function registerNewsletterCommand(program: Command): void {
  const newsletter = program.command('newsletter').description('la lettre d’information : listes, abonnés, résumés');

  newsletter
    .command('list')
    .description('liste les listes avec leurs abonnés confirmés et en attente')
    .action(async () => {
      await withDatabase(async (db) => {
        const [lists, counts] = await Promise.all([listAllLists(db), countSubscribersByList(db)]);
        if (lists.length === 0) {
          console.log('Aucune liste. Créez-en une dans l’espace privé : /ecrire/lettre.');
          return;
        }
        for (const list of lists) {
          const count = counts.get(list.id) ?? { confirmed: 0, pending: 0 };
          console.log(`${list.id}\t${list.name}\t${count.confirmed} confirmé(s)\t${count.pending} en attente\tdernier résumé : ${list.last_digest_at ?? 'jamais'}`);
        }
      });
    });

  newsletter
    .command('import')
    .description('importe des abonnés depuis un CSV (colonnes email, nom) ; tout ou rien : une ligne fautive refuse le fichier')
    .argument('<fichier>', 'fichier CSV en UTF-8, séparé par des virgules ou des points-virgules')
    .requiredOption('--list <liste>', 'la liste (numéro ou nom)')
    .option('--consent', 'ces personnes ont consenti (confirmées tout de suite) ; sinon chacune reçoit une invitation à confirmer')
    .action(async (file: string, options: { list: string; consent?: boolean }) => {
      let csv: string;
      try {
        csv = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
      } catch (cause) {
        throw new TisseError('BAD_INPUT', { key: 'errors.cli.unreadableFile', params: { file } }, { cause });
      }
      await withDatabase(async (db, config) => {
        const list = await requireList(db, options.list);
        const result = await importSubscribers(db, { csv, listId: list.id, consent: options.consent ?? false, by: 'la ligne de commande', siteUrl: config.siteUrl });
        if (!result.ok) {
          for (const problem of result.problems) console.error(`ligne ${problem.line} : ${problem.message}`);
          throw new TisseError('BAD_INPUT', { key: 'errors.cli.importRefused', params: { count: result.problems.length } });
        }
        console.log(`Import terminé : ${result.confirmed} confirmé(s), ${result.invited} invitation(s) à confirmer, ${result.leftAlone} désinscrit(s) ou en erreur laissé(s) de côté.`);
      });
    });

  newsletter
    .command('export')
    .description('écrit les abonnés en CSV sur la sortie standard')
    .option('--list <liste>', 'seulement les abonnés de cette liste (numéro ou nom)')
    .action(async (options: { list?: string }) => {
      await withDatabase(async (db) => {
        const list = options.list ? await requireList(db, options.list) : undefined;
        process.stdout.write(await exportSubscribersCsv(db, list?.id));
      });
    });

  newsletter
    .command('digest')
    .description('prépare le résumé de ce qui a paru depuis le dernier (toutes les listes, ou une)')
    .option('--list <liste>', 'une seule liste (numéro ou nom)')
    .option('--send', 'l’envoie tout de suite (le serveur en marche le distribue)')
    .action(async (options: { list?: string; send?: boolean }) => {
      await withDatabase(async (db) => {
        const lists = options.list ? [await requireList(db, options.list)] : await listAllLists(db);
        for (const list of lists) {
          const issueId = await buildDigest(db, list.id);
          if (!issueId) {
            console.log(`${list.name} : rien de nouveau depuis le dernier résumé.`);
            continue;
          }
          if (options.send) await scheduleIssue(db, issueId);
          console.log(`${list.name} : résumé n° ${issueId} ${options.send ? 'envoyé (en file d’attente du serveur)' : 'préparé (brouillon : /ecrire/lettre/numeros/' + issueId + ')'}.`);
        }
      });
    });
}
