// A bulk load fills the search index itself instead of through the index's insert triggers (the SPIP import): the same entries,
// in the same transaction, set-based once at the end (figures in docs/benchmarks.md, SPIP import).
//   SQLite: the insert triggers are dropped inside the import's transaction (DDL is transactional there), the
//     index is filled by migration 011's own fill statements, and the triggers are created again from their SQL.
//   PostgreSQL: the insert triggers are disabled inside the transaction (ALTER TABLE … DISABLE TRIGGER, also
//     transactional; other writers of these tables wait for the commit, readers do not), the index is filled by
//     the same fill statements, and its GIN index is built once at the end rather than grown entry by entry.
// Both rely on the tables being empty before the import (importer.ts refuses a site with content): the index
// has no entry of theirs, and every row of theirs is indexed.
// Tried and left out: computing the PostgreSQL vectors on a second connection while the transaction inserts
// (two backends on two cores): on this shared machine it saved nothing and cost 80 MB. Parallel workers of the
// fill query itself do help (below).
import { sql } from 'kysely';
import type { Db, Trx } from '../db/connect.ts';
import { fillStatements, searchTables } from '../db/search-index.ts';

export interface SuspendedIndex {
  /** Fills the index from the suspended tables and puts their triggers back. */
  resume(): Promise<void>;
}

const run = (trx: Trx, statement: string) => sql.raw(statement).execute(trx);
const triggerNames = searchTables.map((t) => `search_${t.table}_insert`);
const tableOf = (name: string) => searchTables.find((t) => t.table === name)!;

export async function suspendSearchIndex(db: Db, trx: Trx): Promise<SuspendedIndex> {
  return db.dialect.name === 'sqlite' ? suspendSqlite(trx) : suspendPostgres(trx);
}

async function suspendSqlite(trx: Trx): Promise<SuspendedIndex> {
  const found = await sql<{ name: string; tbl_name: string; sql: string }>`
    SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${sql.join(triggerNames)})`.execute(trx);
  for (const trigger of found.rows) await run(trx, `DROP TRIGGER ${trigger.name}`);
  return {
    async resume() {
      for (const trigger of found.rows) {
        for (const statement of fillStatements('sqlite', tableOf(trigger.tbl_name), undefined, true)) await run(trx, statement);
        await run(trx, trigger.sql);
      }
    },
  };
}

async function suspendPostgres(trx: Trx): Promise<SuspendedIndex> {
  const found = await sql<{ name: string; table: string }>`
    SELECT t.tgname AS name, c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND t.tgname IN (${sql.join(triggerNames)}) AND c.relnamespace = current_schema()::regnamespace`.execute(trx);
  for (const trigger of found.rows) await run(trx, `ALTER TABLE ${trigger.table} DISABLE TRIGGER ${trigger.name}`);
  return {
    async resume() {
      if (!found.rows.length) return;
      // The index table's secondary indexes (GIN) go while it is filled, and come back from their own definitions.
      const indexes = await sql<{ name: string; definition: string }>`
        SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = 'search_entries'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`.execute(trx);
      for (const index of indexes.rows) await run(trx, `DROP INDEX ${index.name}`);
      await run(trx, "SET LOCAL maintenance_work_mem = '256MB'");
      // Computing the vectors is most of the import's work. An INSERT … SELECT runs on one core; a CREATE TABLE
      // … AS SELECT may use the parallel workers the server allows (they see the transaction's rows), so the
      // vectors go through a temporary table. The planner would not bother for tables whose heap is small (the
      // texts are in TOAST): parallel costs are set to nothing for this transaction.
      for (const setting of ['parallel_setup_cost = 0', 'parallel_tuple_cost = 0', 'min_parallel_table_scan_size = 0']) await run(trx, `SET LOCAL ${setting}`);
      const insert = 'INSERT INTO search_entries(kind, object_id, visible_from, vector) ';
      for (const trigger of found.rows) {
        for (const statement of fillStatements('postgres', tableOf(trigger.table), undefined, true)) {
          if (!statement.startsWith(insert)) {
            await run(trx, statement);
            continue;
          }
          await run(trx, `CREATE TEMPORARY TABLE tisse_import_search (kind, object_id, visible_from, vector) ON COMMIT DROP AS ${statement.slice(insert.length)}`);
          await run(trx, `${insert}SELECT * FROM tisse_import_search`);
          await run(trx, 'DROP TABLE tisse_import_search');
        }
        await run(trx, `ALTER TABLE ${trigger.table} ENABLE TRIGGER ${trigger.name}`);
      }
      for (const setting of ['parallel_setup_cost', 'parallel_tuple_cost', 'min_parallel_table_scan_size']) await run(trx, `SET LOCAL ${setting} TO DEFAULT`);
      for (const index of indexes.rows) await run(trx, index.definition);
      await run(trx, 'ANALYZE search_entries');
    },
  };
}
