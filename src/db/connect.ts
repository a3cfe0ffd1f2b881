// Opens the site's database: an SQLite file in the data directory by default, PostgreSQL when
// TISSE_DATABASE_URL says so. Returns one handle that the rest of Tisse uses for queries, writes
// and change detection, whatever the dialect.
import { randomUUID } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import { immediateSqliteDialect } from './immediate-transactions.ts';
import pg from 'pg';
import { TisseError } from '../kernel/errors.ts';
import { postgresDialect, sqliteDialect, type Dialect } from './dialect.ts';
import type { Database, Trx } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';
import { listenForChanges, CHANGE_CHANNEL, type ChangeListenerOptions, type ListenerLog } from './postgres-changes.ts';
import { memoryChangeFeed, parseScopes, sqliteChangeFeed, type ChangeFeed } from './change-feed.ts';
import { registerSearchFunctions } from './french-stem.ts';
import { EmptyInListPlugin } from './empty-in-list.ts';

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
  /** What the writes behind a new version changed (migration 033's scopes), for caches that keep what did not. */
  readonly changes: ChangeFeed;
  /**
   * Runs a compiled query outside any transaction, past Kysely's executor (whose connection handling cost more
   * than the indexed lookups of a page): SQLite runs the prepared statement at once, PostgreSQL a statement
   * prepared once per connection (decision 032). Same rows as `kysely.executeQuery(query).rows`.
   */
  run<Row>(query: CompiledQuery<Row>): Promise<Row[]>;
  close(): Promise<void>;
}

/** Every this many writes, the oldest scopes in `changes` are pruned: a reader this far behind drops everything. */
const PRUNE_EVERY = 512;
const KEPT_CHANGES = 10_000;

function pruneChanges(kysely: Kysely<Database>): Promise<unknown> {
  return sql`DELETE FROM changes WHERE id <= (SELECT max(id) FROM changes) - ${KEPT_CHANGES}`.execute(kysely);
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
  if (isPostgresUrl(url)) return openPostgres(url, { ...options.listener, log: options.log });
  return openSqlite(sqliteFileOf(options));
}

/** Names of the statements PostgreSQL prepared for compiled queries, by SQL text. */
const preparedNames = new Map<string, string>();

/**
 * A compiled query as a named statement: each connection of the pool parses and plans it once (pg keeps the names
 * it prepared per connection). A statement the server no longer accepts (a schema changed under a long-lived
 * pool: a restore) is run once more unnamed, as Kysely would.
 */
async function runPrepared<Row>(pool: pg.Pool, query: CompiledQuery<Row>): Promise<Row[]> {
  let name = preparedNames.get(query.sql);
  if (!name) {
    name = `tisse_${preparedNames.size}`;
    preparedNames.set(query.sql, name);
  }
  const values = query.parameters as unknown[];
  try {
    return (await pool.query<Row & pg.QueryResultRow>({ name, text: query.sql, values })).rows;
  } catch (error) {
    if (!STALE_STATEMENT_CODES.has((error as { code?: string }).code ?? '')) throw error;
    return (await pool.query<Row & pg.QueryResultRow>(query.sql, values)).rows;
  }
}

/** feature_not_supported ("cached plan must not change result type"), undefined_table, undefined_column. */
const STALE_STATEMENT_CODES = new Set(['0A000', '42P01', '42703']);

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

/** The SQLite file of a site (TISSE_DATABASE_URL sqlite:FILE, else <dataDir>/tisse.sqlite); makes the data directory. */
export function sqliteFileOf(options: Pick<DatabaseOptions, 'dataDir' | 'databaseUrl'>): string {
  const url = options.databaseUrl;
  return url?.startsWith('sqlite:') ? resolve(url.slice('sqlite:'.length)) : join(ensureDataDir(options.dataDir), 'tisse.sqlite');
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
  const statements = withStatementCache(raw);
  const kysely = new Kysely<Database>({ dialect: immediateSqliteDialect({ database: statements }) });
  const dataVersion = raw.prepare('PRAGMA data_version').pluck();
  let localWrites = 0;
  // Prepared on first use: the table exists once the migrations ran.
  let lastChange: BetterSqlite3.Statement | undefined;
  let changesAfter: BetterSqlite3.Statement | undefined;
  const feed = sqliteChangeFeed({
    last: () => (lastChange ??= raw.prepare('SELECT coalesce(max(id), 0) FROM changes').pluck()).get() as number,
    after: (position) => (changesAfter ??= raw.prepare('SELECT id, scope FROM changes WHERE id > ? ORDER BY id')).all(position) as { id: number; scope: string }[],
  });
  return {
    kysely,
    dialect: sqliteDialect,
    async write(work) {
      const result = await kysely.transaction().execute(work);
      localWrites++;
      if (localWrites % PRUNE_EVERY === 0) await pruneChanges(kysely);
      return result;
    },
    // data_version changes when another connection commits; our own commits are counted apart.
    version: () => (dataVersion.get() as number) * 1_000_000 + localWrites,
    changes: {
      position: feed.position,
      // Read on this connection while one of its transactions is open, the table would show that transaction's
      // rows before they commit (or roll back): the answer is then '*', and the rows are read again later.
      since: (position) => (raw.inTransaction ? { position, scopes: '*' } : feed.since(position)),
    },
    async run<Row>(query: CompiledQuery<Row>): Promise<Row[]> {
      const statement = statements.prepare(query.sql);
      // A transaction holds the connection across awaits: its rows are not ours to see, so wait for it as any
      // query does. A statement that returns no rows goes the usual way too (Kysely reports what it changed).
      if (raw.inTransaction || !statement.reader) return (await kysely.executeQuery(query)).rows;
      return statement.all(query.parameters) as Row[];
    },
    close: () => kysely.destroy(),
  };
}

async function openPostgres(url: string, listenerOptions: ChangeListenerOptions): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {}); // an idle client's error is reported by the next query that needs it
  let listener: Awaited<ReturnType<typeof listenForChanges>> | undefined;
  const feed = memoryChangeFeed(() => listener?.connected() ?? false);
  // Each server's writes carry its name, so it does not record its own scopes twice.
  const node = randomUUID();
  try {
    await pool.query('select 1');
    listener = await listenForChanges(url, listenerOptions, {
      // This server counted its own write when it committed (localWrites, feed.record): its echo is no news.
      isOwn: (payload) => payload.startsWith(`${node} `),
      onNotification(payload) {
        const space = payload.indexOf(' ');
        // A payload without a name comes from a server older than migration 033: anything may have changed.
        feed.record(space < 0 ? '*' : parseScopes(payload.slice(space + 1)));
      },
      onGap: () => feed.record('*'),
    });
  } catch (cause) {
    await pool.end().catch(() => {});
    const where = url.replace(/\/\/[^@/]*@/, '//');
    throw new TisseError('DATABASE_UNREACHABLE', { key: 'errors.db.postgresUnreachable', params: { where, reason: (cause as Error).message } }, { cause });
  }
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new EmptyInListPlugin()] });
  const changeListener = listener;
  let localWrites = 0;
  return {
    kysely,
    dialect: postgresDialect,
    async write(work) {
      let written = '';
      const result = await kysely.transaction().execute(async (trx) => {
        const value = await work(trx);
        // The scopes this transaction's triggers wrote, taken back and sent with its NOTIFY (at most 8000 bytes).
        const { rows } = await sql<{ scopes: string | null }>`
          WITH taken AS (DELETE FROM changes WHERE tx = txid_current() RETURNING scope),
            joined AS (SELECT string_agg(DISTINCT scope, ' ') AS scopes FROM taken)
          SELECT scopes, pg_notify(${CHANGE_CHANNEL}, ${node} || ' ' || CASE WHEN length(coalesce(scopes, '')) > 7900 THEN '*' ELSE coalesce(scopes, '') END)
          FROM joined`.execute(trx);
        written = rows[0]?.scopes ?? '';
        return value;
      });
      feed.record(parseScopes(written));
      localWrites++;
      if (localWrites % PRUNE_EVERY === 0) await pruneChanges(kysely);
      return result;
    },
    version: () => changeListener.received() * 1_000_000 + localWrites,
    changes: feed,
    run: (query) => runPrepared(pool, query),
    async close() {
      await changeListener.close();
      await kysely.destroy();
    },
  };
}
