// What differs between the two databases Tisse runs on, as one interface (in the way Kysely's `Dialect` is one):
// code elsewhere asks the dialect to do a thing and never tests which database it is. Each method lives here
// or in the file it names; search/ has its own backend per database (search/backend.ts).
import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { jsonArrayFrom as postgresJsonArray, jsonObjectFrom as postgresJsonObject } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArray, jsonObjectFrom as sqliteJsonObject } from 'kysely/helpers/sqlite';
import type { Database, Trx } from './schema.ts';
import { insertRowsPostgres, insertRowsSqlite } from './bulk-insert.ts';
import { resetIdSequencesPostgres } from './sequences.ts';
import { dropSchemaPostgres, dropSchemaSqlite, listTablesPostgres, listTablesSqlite } from './drop-schema.ts';

export type DialectName = 'sqlite' | 'postgres';

declare const jsonOf: unique symbol;

/**
 * A JSON value as a query returns it: text on SQLite, already parsed by pg's driver on PostgreSQL. Only
 * Dialect.readJson opens it, so no caller uses SQLite's text as if it were the value.
 */
export interface Json<T> {
  readonly [jsonOf]: T;
}

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
  /**
   * The rows of a subquery as one JSON array, in the subquery's order, `[]` when it has none (Kysely's helpers:
   * json_group_array on SQLite, json_agg on PostgreSQL). SQLite needs the subquery's columns named: no selectAll.
   * Every column Tisse stores is text or an integer, which JSON carries as they are.
   */
  jsonArrayFrom<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): RawBuilder<Json<O[]>>;
  /** The first row of a subquery as a JSON object, null when it has none. */
  jsonObjectFrom<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): RawBuilder<Json<O> | null>;
  /** A JSON value a query returned (jsonArrayFrom, jsonObjectFrom), as JavaScript. */
  readJson<T>(value: Json<T>): T;
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
  jsonArrayFrom: (query) => sqliteJsonArray(query) as RawBuilder<never>,
  jsonObjectFrom: (query) => sqliteJsonObject(query) as RawBuilder<never>,
  readJson: (value) => JSON.parse(value as unknown as string),
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
  jsonArrayFrom: (query) => postgresJsonArray(query) as RawBuilder<never>,
  jsonObjectFrom: (query) => postgresJsonObject(query) as RawBuilder<never>,
  // pg parses json columns (its type parser for json).
  readJson: (value) => value as never,
  listTables: listTablesPostgres,
  dropSchema: dropSchemaPostgres,
};

/** The dialect a Kysely instance (the site's database or a transaction on it) speaks, told by its adapter. */
export function dialectOf(kysely: Kysely<Database>): Dialect {
  return kysely.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}
