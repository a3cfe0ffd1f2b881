// What differs between the two databases Tisse runs on, as one interface (in the way Kysely's `Dialect` is one):
// code elsewhere asks the dialect to do a thing and never tests which database it is. Each method lives here
// or in the file it names; search/ has its own backend per database (search/backend.ts).
import { sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database, Trx } from './schema.ts';
import { insertRowsPostgres, insertRowsSqlite } from './bulk-insert.ts';
import { resetIdSequencesPostgres } from './sequences.ts';
import { dropSchemaPostgres, dropSchemaSqlite, listTablesPostgres, listTablesSqlite } from './drop-schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Dialect {
  readonly name: DialectName;
  /**
   * Rows a worker takes for itself: on PostgreSQL `FOR UPDATE SKIP LOCKED`, so two processes never take
   * the same row; SQLite has one writer at a time, and its transaction is already the lock.
   */
  claimRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /**
   * Rows read to decide a write, held until the transaction ends against writers of them (PostgreSQL's
   * `FOR SHARE`); SQLite's transaction already excludes every other writer.
   */
  holdRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O>;
  /** Writes many rows of one table inside `trx` (the import's write path), reporting progress as it goes. */
  insertRows(trx: Trx, table: string, rows: Record<string, unknown>[], advance?: (rows: number) => void): Promise<void>;
  /** After rows were inserted with explicit ids: the next ordinary insert must not collide with them. */
  resetIdSequences(trx: Trx): Promise<void>;
  /**
   * A text lower-cased without accents, computed by the query (the back office's searches of short lists;
   * articles keep theirs in title_folded): tisse_fold() on SQLite (french-stem.ts), tisse_search_fold() on PostgreSQL.
   */
  fold(text: Expression<string>): RawBuilder<string>;
  /** Every table of the database, by name (drop-schema.ts). */
  listTables(q: Kysely<Database>): Promise<string[]>;
  /** Drops every table, trigger and function of the site inside `trx` (a restore rebuilds them: drop-schema.ts). */
  dropSchema(trx: Trx): Promise<void>;
}

export const sqliteDialect: Dialect = {
  name: 'sqlite',
  claimRows: (query) => query,
  holdRows: (query) => query,
  insertRows: (trx, table, rows, advance) => insertRowsSqlite(trx, table, rows, advance),
  // AUTOINCREMENT always continues after the largest id.
  resetIdSequences: async () => {},
  fold: (text) => sql<string>`tisse_fold(${text})`,
  listTables: listTablesSqlite,
  dropSchema: dropSchemaSqlite,
};

export const postgresDialect: Dialect = {
  name: 'postgres',
  claimRows: (query) => query.forUpdate().skipLocked(),
  holdRows: (query) => query.forShare(),
  insertRows: (trx, table, rows, advance) => insertRowsPostgres(trx, table, rows, advance),
  resetIdSequences: (trx) => resetIdSequencesPostgres(trx),
  fold: (text) => sql<string>`tisse_search_fold(${text})`,
  listTables: listTablesPostgres,
  dropSchema: dropSchemaPostgres,
};
