// `tisse import-spip DUMP.sqlite [--img DIR] [--dry-run]`: imports a SPIP 3/4 backup into this site, with a
// progress bar per table and a final report (counts per object and status, everything skipped and why).
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { withDatabase } from './with-database.ts';
import { importSpip, type ImportProgress, type ImportResult } from '../importers/spip/importer.ts';
import { openStorage } from '../documents/index.ts';

function progressBars(): ImportProgress {
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(label, total) {
      bar = new cliProgress.SingleBar({ format: `${label.padEnd(42)} {bar} {value}/{total}`, hideCursor: true, noTTYOutput: false }, cliProgress.Presets.shades_classic);
      bar.start(total, 0);
    },
    advance: (rows) => bar?.increment(rows),
    stop: () => bar?.stop(),
  };
}

export function formatImportReport(result: ImportResult): string {
  const lines: string[] = [];
  const { report } = result;
  if (result.alreadyImported) return report.notes.join('\n');
  lines.push(result.dryRun ? 'Essai à blanc (--dry-run) : rien n’a été écrit. Voici ce que l’import ferait.' : 'Import terminé.');
  lines.push('', 'Importé, par objet et par statut SPIP :');
  for (const [object, byStatus] of Object.entries(report.counts)) {
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    const detail = Object.entries(byStatus).filter(([s]) => s !== '').map(([s, n]) => `${s} ${n}`).join(', ');
    lines.push(`  ${object} : ${total}${detail ? ` (${detail})` : ''}`);
  }
  if (report.notes.length) lines.push('', 'À savoir :', ...report.notes.map((n) => `  - ${n}`));
  if (report.skipped.length) {
    lines.push('', `Non importé (${report.skipped.length}) :`);
    for (const s of report.skipped) lines.push(`  - ${s.table} ${s.id} : ${s.reason}`);
  }
  if (!result.dryRun) lines.push('', 'Les comptes importés doivent choisir un mot de passe : lancez « tisse user invite --all ».');
  return lines.join('\n');
}

export function registerImportSpipCommand(program: Command): void {
  program
    .command('import-spip')
    .description('importe la sauvegarde d’un site SPIP 3 ou 4 (fichier .sqlite de tmp/dump/) avec ses documents')
    .argument('<dump>', 'la sauvegarde SQLite écrite par SPIP (Maintenance > Sauvegarder le contenu)')
    .option('--img <dir>', 'le dossier IMG/ du site SPIP (fichiers des documents)')
    .option('--dry-run', 'montre ce que l’import ferait, sans rien écrire')
    .action(async (dump: string, options: { img?: string; dryRun?: boolean }) => {
      await withDatabase(async (db, config) => {
        const result = await importSpip(db, dump, { dataDir: config.dataDir, storage: config.storageUrl ? await openStorage(config) : undefined, imgDir: options.img, dryRun: options.dryRun ?? false, progress: progressBars() });
        console.log(formatImportReport(result));
      });
    });
}
