// Empties a database of everything Tisse put in it, inside the caller's transaction (a restore replaces the whole
// schema: the archive's migrations rebuild it). Both databases roll DDL back with the transaction, so a restore
// that fails leaves the site as it was.
import { sql, type Kysely } from 'kysely';
import type { Database, Trx } from './schema.ts';

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every table of the database, by name (SQLite's own and FTS5 shadow tables left out). */
export async function listTablesSqlite(trx: Kysely<Database>): Promise<string[]> {
  const found = await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(trx);
  return found.rows.map((r) => r.name);
}

export async function listTablesPostgres(trx: Kysely<Database>): Promise<string[]> {
  const found = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`.execute(trx);
  return found.rows.map((r) => r.name);
}

export async function dropSchemaSqlite(trx: Trx): Promise<void> {
  // Virtual tables first: dropping one drops its shadow tables, which may not be dropped on their own.
  const virtual = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`.execute(trx);
  for (const { name } of virtual.rows) await sql.raw(`DROP TABLE ${quoted(name)}`).execute(trx);
  const others = await sql<{ type: string; name: string }>`SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger') AND name NOT LIKE 'sqlite_%'`.execute(trx);
  for (const { type, name } of others.rows) await sql.raw(`DROP ${type.toUpperCase()} IF EXISTS ${quoted(name)}`).execute(trx);
  // A DROP TABLE deletes its rows first, under the foreign keys, which look up the parent table: children go
  // before their parents (checks deferred to the commit, when nothing is left to check).
  await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
  const links = await sql<{ child: string; parent: string }>`
    SELECT m.name AS child, f."table" AS parent FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`.execute(trx);
  let remaining = await listTablesSqlite(trx);
  while (remaining.length) {
    const referenced = new Set(links.rows.filter((l) => l.child !== l.parent && remaining.includes(l.child)).map((l) => l.parent));
    const leaves = remaining.filter((table) => !referenced.has(table));
    // A cycle between tables (none in Tisse's schema) would leave no leaf: drop what is left as it comes.
    for (const table of leaves.length ? leaves : remaining) await sql.raw(`DROP TABLE IF EXISTS ${quoted(table)}`).execute(trx);
    remaining = remaining.filter((table) => leaves.length && !leaves.includes(table));
  }
}

export async function dropSchemaPostgres(trx: Trx): Promise<void> {
  for (const name of await listTablesPostgres(trx)) await sql.raw(`DROP TABLE IF EXISTS ${quoted(name)} CASCADE`).execute(trx);
  // The migrations' functions (search vectors, folding, triggers); functions of extensions are not ours.
  const functions = await sql<{ signature: string }>`
    SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
    WHERE p.pronamespace = current_schema()::regnamespace AND p.proname LIKE 'tisse\\_%'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`.execute(trx);
  for (const { signature } of functions.rows) await sql.raw(`DROP FUNCTION IF EXISTS ${signature} CASCADE`).execute(trx);
}
