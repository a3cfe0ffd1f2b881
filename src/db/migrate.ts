// Runs the pending migrations (at every start, and with `tisse migrate`).
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connect.ts';
import type { DialectName } from './dialect.ts';
import { migrations } from './migrations/index.ts';

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const { error, results } = await migratorOf(db).migrateToLatest();
  if (error) throw error;
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** The migrations this Tisse knows and the database has not run yet (readiness: /sante/pret). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await migratorOf(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

function migratorOf(db: Db): Migrator {
  const provider: MigrationProvider = {
    async getMigrations() {
      const result: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(migrations)) {
        result[name] = { up: (kysely: Kysely<unknown>) => migration.up(kysely, db.dialect.name) };
      }
      return result;
    },
  };
  return new Migrator({ db: db.kysely, provider, allowUnorderedMigrations: true });
}

/** The migrations this version of Tisse knows, by name, in order. */
export const knownMigrations = (): string[] => Object.keys(migrations).sort();

/**
 * Runs migrations inside the caller's transaction (a restore: the schema of the archive, its rows, then the
 * rest, committed or rolled back as one). `only` limits them to those names (an archive's schema version).
 */
export async function migrateInTransaction(trx: Kysely<any>, dialect: DialectName, only?: readonly string[]): Promise<void> {
  const wanted = only ? new Set(only) : undefined;
  const provider: MigrationProvider = {
    async getMigrations() {
      const result: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(migrations)) {
        if (!wanted || wanted.has(name)) result[name] = { up: (kysely: Kysely<unknown>) => migration.up(kysely, dialect) };
      }
      return result;
    },
  };
  const { error } = await new Migrator({ db: trx, provider, allowUnorderedMigrations: true, disableTransactions: true }).migrateToLatest();
  if (error) throw error;
}
