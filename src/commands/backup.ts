// `tisse backup [--to FILE]` and `tisse restore FILE [--force]`: the operator's side of backup/. The backup reads
// the site while it serves; the restore wants the site stopped and empty (or --force), and checks the whole
// archive before it changes anything.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../kernel/config.ts';
import { createBackup, restoreBackup } from '../backup/index.ts';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} Mo`;

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('sauvegarde le site (base de données et documents) dans une archive .tar.gz, sans l’arrêter')
    .option('--to <file>', 'le fichier à écrire (par défaut : une nouvelle archive dans <dossier de données>/backups/)')
    .action(async (options: { to?: string }) => {
      const began = Date.now();
      const result = await createBackup(loadConfig(), { to: options.to });
      const rows = Object.values(result.manifest.tables).reduce((n, t) => n + t.rows, 0);
      console.log(`Sauvegarde écrite : ${result.file} (${megabytes(result.bytes)}, ${rows} lignes, ${Object.keys(result.manifest.files).length} fichiers de documents, ${((Date.now() - began) / 1000).toFixed(1)} s).`);
    });

  program
    .command('restore')
    .description('restaure une sauvegarde de Tisse dans ce site (vide, sauf --force), sur SQLite ou PostgreSQL')
    .argument('<file>', 'l’archive écrite par « tisse backup »')
    .option('--force', 'remplace le contenu d’un site qui n’est pas vide')
    .action(async (file: string, options: { force?: boolean }) => {
      const began = Date.now();
      // One bar per table while rows load (shown on a terminal only), the steps around them as lines.
      let bar: cliProgress.SingleBar | undefined;
      let current = '';
      const stopBar = () => {
        bar?.stop();
        bar = undefined;
      };
      const result = await restoreBackup(loadConfig(), file, {
        force: options.force ?? false,
        progress: {
          step(label) {
            stopBar();
            console.log(`… ${label}`);
          },
          table(table, rows, total) {
            if (table !== current) {
              stopBar();
              current = table;
              bar = new cliProgress.SingleBar({ format: `  ${table.padEnd(24)} {bar} {value}/{total}`, hideCursor: true }, cliProgress.Presets.shades_classic);
              bar.start(total, 0);
            }
            bar?.update(rows);
          },
        },
      }).finally(stopBar);
      const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
      console.log(
        `Restauration terminée : ${rows} lignes et ${result.documents} fichiers de documents (sauvegarde du ${result.manifest.createdAt}, Tisse ${result.manifest.tisseVersion}, base ${result.manifest.database}) en ${((Date.now() - began) / 1000).toFixed(1)} s. L’index de recherche a été reconstruit.`,
      );
    });
}
