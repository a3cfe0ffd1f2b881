// PostgreSQL identity columns do not move when rows are inserted with explicit ids (an import keeping the
// source's ids, a restore): the next ordinary insert would then collide. This puts every sequence after its
// table's largest id. SQLite's autoincrement needs nothing (dialect.ts).
import { sql } from 'kysely';
import type { Trx } from './schema.ts';

/** Moves each sequence owned by a column of this schema after that column's largest value, inside the caller's transaction. */
export async function resetIdSequencesPostgres(trx: Trx): Promise<void> {
  // Every owned sequence, not a list of tables: a table added later is covered without a change here.
  const owned = await sql<{ table: string; column: string }>`
    SELECT c.relname AS table, a.attname AS column FROM pg_class s
      JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
      JOIN pg_class c ON c.oid = d.refobjid
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
    WHERE s.relkind = 'S' AND c.relnamespace = current_schema()::regnamespace`.execute(trx);
  for (const { table, column } of owned.rows) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false) from ${sql.table(table)}`.execute(trx);
  }
}
