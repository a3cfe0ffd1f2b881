// `tisse migrate`: applies the pending database migrations and says which.
import type { Command } from 'commander';
import { loadConfig } from '../kernel/config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

export function registerMigrateCommand(program: Command): void {
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
}
