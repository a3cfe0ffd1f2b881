// `tisse theme check DIR`: a theme (or an override folder, with --base) held to the contract of
// src/themes/contract.ts, each problem on its own line with file and line; exit 1 when there is one.
// `tisse theme reload`: tells the server running on this data directory to read its templates again.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { checkTheme, problemText } from '../themes/index.ts';
import { loadConfig } from '../kernel/config.ts';
import { pidFileOf, runningServerPid } from '../kernel/pid-file.ts';
import { t } from '../kernel/i18n/index.ts';

export function registerThemeCommand(program: Command): void {
  const theme = program.command('theme').description('thèmes : vérifier un thème, recharger les gabarits');
  theme
    .command('check')
    .argument('<dir>', 'dossier du thème (ou de surcharge, avec --base)')
    .option('--base <dir>', 'thème sous le dossier de surcharge (ses fichiers manquants viennent de là)')
    .description(
      'lit chaque gabarit ; signale variables et filtres inconnus, variables qu’un appel de partiel ne transmet pas, fichiers inclus introuvables, réglages theme.<nom> absents de theme.json, gabarits manquants, theme.json invalide',
    )
    .action((dir: string, options: { base?: string }) => {
      const result = checkTheme(resolve(dir), options.base ? { base: resolve(options.base) } : {});
      for (const problem of result.problems) console.log(problemText(problem));
      if (result.problems.length) {
        console.error(t('themes.checkFailed', { count: result.problems.length, dir }));
        process.exitCode = 1;
        return;
      }
      console.log(t('themes.checkOk', { name: result.manifest?.name ?? dir, version: result.manifest?.version ?? '?', count: result.templates }));
    });
  theme
    .command('reload')
    .description('relit les gabarits du serveur en marche sur ce dossier de données (signal SIGHUP)')
    .action(() => {
      const { dataDir } = loadConfig();
      const pid = runningServerPid(dataDir);
      if (pid === undefined) {
        console.log(t('themes.reloadNoServer', { file: pidFileOf(dataDir) }));
        return;
      }
      process.kill(pid, 'SIGHUP');
      console.log(t('themes.reloadSent', { pid }));
    });
}
