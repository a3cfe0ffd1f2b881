// One consistent read of a whole site's database while it keeps serving and writing (the backup's read side).
//   SQLite: a second, read-only connection holding one read transaction: in WAL mode it sees the database as it
//     was at its first read, and writers go on (they append to the WAL; the checkpoint waits for the reader).
//     Never a copy of the file, which a concurrent write can tear.
//   PostgreSQL: a connection of its own in one REPEATABLE READ READ ONLY transaction (one snapshot for every
//     table), each table read through a cursor in chunks, so memory stays flat whatever the table's size.
// Rows come out as plain JSON values (both databases keep integers and text only: decision 002).
import { setImmediate as nextTurn } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl, sqliteFileOf, type DatabaseOptions } from './connect.ts';
import type { DialectName } from './dialect.ts';

export type SnapshotRow = Record<string, string | number | null>;

export interface Snapshot {
  readonly dialect: DialectName;
  /** The migrations applied to the database, by name, in order: its schema version. */
  readonly migrations: string[];
  /** Every table of the database (not the migrator's own), by name. */
  readonly tables: string[];
  /**
   * The rows of `table`. With `parentColumn` (a column naming a row of the same table), a parent always comes
   * before its children, so the rows can be inserted again in this order under the foreign key.
   */
  rows(table: string, options?: { parentColumn?: string }): AsyncIterable<SnapshotRow>;
  close(): Promise<void>;
}

/** Rows between two yields to the event loop (SQLite reads synchronously: the server keeps answering meanwhile). */
const CHUNK = 1000;
const MIGRATION_TABLE = 'kysely_migration';

const identifier = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a table or column name: ${name}`);
  return `"${name}"`;
};

/** Parents before children: rows in order of their depth in the tree, then of id. */
function treeOrder(table: string, parentColumn: string): string {
  const t = identifier(table);
  const parent = identifier(parentColumn);
  return `WITH RECURSIVE tisse_tree(id, depth) AS (
      SELECT id, 0 FROM ${t} WHERE ${parent} IS NULL
      UNION ALL SELECT c.id, tisse_tree.depth + 1 FROM ${t} c JOIN tisse_tree ON c.${parent} = tisse_tree.id)
    SELECT r.* FROM ${t} r JOIN tisse_tree ON tisse_tree.id = r.id ORDER BY tisse_tree.depth, r.id`;
}

const selectAll = (table: string, options?: { parentColumn?: string }) =>
  options?.parentColumn ? treeOrder(table, options.parentColumn) : `SELECT * FROM ${identifier(table)}`;

export async function openSnapshot(options: Pick<DatabaseOptions, 'dataDir' | 'databaseUrl'>): Promise<Snapshot> {
  return isPostgresUrl(options.databaseUrl) ? openPostgresSnapshot(options.databaseUrl) : openSqliteSnapshot(sqliteFileOf(options));
}

function openSqliteSnapshot(file: string): Snapshot {
  const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  raw.pragma('busy_timeout = 5000');
  raw.exec('BEGIN');
  // The snapshot is taken at the transaction's first read.
  const tables = (raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => !name.startsWith(MIGRATION_TABLE));
  const migrations = readSqliteMigrations(raw);
  return {
    dialect: 'sqlite',
    migrations,
    tables,
    async *rows(table, rowOptions) {
      let n = 0;
      for (const row of raw.prepare(selectAll(table, rowOptions)).iterate() as IterableIterator<SnapshotRow>) {
        yield row;
        if (++n % CHUNK === 0) await nextTurn();
      }
    },
    async close() {
      if (raw.inTransaction) raw.exec('COMMIT');
      raw.close();
    },
  };
}

function readSqliteMigrations(raw: BetterSqlite3.Database): string[] {
  const exists = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATION_TABLE);
  if (!exists) return [];
  return (raw.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

async function openPostgresSnapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url, application_name: 'tisse-backup' });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = (await client.query<{ name: string }>('SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename')).rows
      .map((r) => r.name)
      .filter((name) => !name.startsWith(MIGRATION_TABLE));
    const hasMigrations = (await client.query('SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1', [MIGRATION_TABLE])).rowCount;
    const migrations = hasMigrations ? (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`)).rows.map((r) => r.name) : [];
    let cursors = 0;
    return {
      dialect: 'postgres',
      migrations,
      tables,
      async *rows(table, rowOptions) {
        const cursor = `tisse_backup_${++cursors}`;
        await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${selectAll(table, rowOptions)}`);
        try {
          for (;;) {
            const chunk = await client.query<SnapshotRow>(`FETCH ${CHUNK} FROM ${cursor}`);
            for (const row of chunk.rows) yield row;
            if (chunk.rows.length < CHUNK) break;
          }
        } finally {
          await client.query(`CLOSE ${cursor}`);
        }
      },
      async close() {
        await client.query('COMMIT').catch(() => {});
        await client.end();
      },
    };
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}
