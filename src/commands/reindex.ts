// `tisse reindex`: rebuilds the full-text search index from the tables, with a progress bar. The index is
// kept current by the database itself on every write; this is for repairs, restores and upgrades that
// change what is indexed. Readers keep the old index until the new one is committed.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../kernel/config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { reindex } from '../search/index.ts';

export function registerReindexCommand(program: Command): void {
  program
    .command('reindex')
    .description('reconstruit l’index de la recherche (articles publiés, rubriques, glossaire, forums)')
    .action(async () => {
      const db = await openDatabase(loadConfig());
      const bar = new cliProgress.SingleBar({ format: 'Indexation {bar} {value}/{total} lignes', hideCursor: true }, cliProgress.Presets.shades_classic);
      let started = false;
      try {
        await migrateToLatest(db);
        const began = Date.now();
        const { indexed } = await reindex(db, (done, total) => {
          if (!started) bar.start(total, 0), (started = true);
          bar.update(done);
        });
        if (started) bar.stop();
        console.log(`Index reconstruit : ${indexed} objets indexés en ${((Date.now() - began) / 1000).toFixed(1)} s.`);
      } finally {
        if (started) bar.stop();
        await db.close();
      }
    });
}
