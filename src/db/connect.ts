// Opens the site's database: an SQLite file in the data directory by default, PostgreSQL when
// TISSE_DATABASE_URL says so. Returns one handle that the rest of Tisse uses for queries, writes
// and change detection, whatever the dialect.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { immediateSqliteDialect } from './immediate-transactions.ts';
import pg from 'pg';
import { TisseError } from '../kernel/errors.ts';
import { postgresDialect, sqliteDialect, type Dialect } from './dialect.ts';
import type { Database, Trx } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';
import { listenForChanges, CHANGE_CHANNEL, type ChangeListenerOptions, type ListenerLog } from './postgres-changes.ts';
import { registerSearchFunctions } from './french-stem.ts';

export type { Trx };

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /** Runs `work` in one transaction; when it commits, every cache of every process learns of the change. */
  write<T>(work: (trx: Trx) => Promise<T>): Promise<T>;
  /**
   * A number that changes whenever the data may have changed: after this process's writes, and after
   * other processes' commits (SQLite's PRAGMA data_version; PostgreSQL's LISTEN/NOTIFY).
   */
  version(): number;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Where the PostgreSQL change listener reports its lost connections and reconnections (server.ts: pino). */
  log?: ListenerLog | undefined;
  /** Reconnection delays of the change listener (tests shorten them). */
  listener?: Omit<ChangeListenerOptions, 'log'> | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url, { ...options.listener, log: options.log });
  const file = url?.startsWith('sqlite:') ? resolve(url.slice('sqlite:'.length)) : join(ensureDataDir(options.dataDir), 'tisse.sqlite');
  return openSqlite(file);
}

function ensureDataDir(dataDir: string): string {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (cause) {
    throw new TisseError('DATA_DIR_UNWRITABLE', { key: 'errors.db.dataDirUnwritable', params: { dir: dataDir } }, { cause });
  }
  return dataDir;
}

function openSqlite(file: string): Db {
  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    raw.pragma('synchronous = NORMAL');
    // The search triggers stem French words in JS (FTS5 has no French stemmer): see french-stem.ts.
    registerSearchFunctions(raw);
  } catch (cause) {
    throw new TisseError('DATA_DIR_UNWRITABLE', { key: 'errors.db.sqliteUnwritable', params: { file } }, { cause });
  }
  const kysely = new Kysely<Database>({ dialect: immediateSqliteDialect({ database: withStatementCache(raw) }) });
  const dataVersion = raw.prepare('PRAGMA data_version').pluck();
  let localWrites = 0;
  return {
    kysely,
    dialect: sqliteDialect,
    async write(work) {
      const result = await kysely.transaction().execute(work);
      localWrites++;
      return result;
    },
    // data_version changes when another connection commits; our own commits are counted apart.
    version: () => (dataVersion.get() as number) * 1_000_000 + localWrites,
    close: () => kysely.destroy(),
  };
}

async function openPostgres(url: string, listenerOptions: ChangeListenerOptions): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {}); // an idle client's error is reported by the next query that needs it
  let listener: Awaited<ReturnType<typeof listenForChanges>>;
  try {
    await pool.query('select 1');
    listener = await listenForChanges(url, listenerOptions);
  } catch (cause) {
    await pool.end().catch(() => {});
    const where = url.replace(/\/\/[^@/]*@/, '//');
    throw new TisseError('DATABASE_UNREACHABLE', { key: 'errors.db.postgresUnreachable', params: { where, reason: (cause as Error).message } }, { cause });
  }
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let localWrites = 0;
  return {
    kysely,
    dialect: postgresDialect,
    async write(work) {
      const result = await kysely.transaction().execute(async (trx) => {
        const value = await work(trx);
        await sql`select pg_notify(${CHANGE_CHANNEL}, '')`.execute(trx);
        return value;
      });
      localWrites++;
      return result;
    },
    version: () => listener.received() * 1_000_000 + localWrites,
    async close() {
      await listener.close();
      await kysely.destroy();
    },
  };
}
