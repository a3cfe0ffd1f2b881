// Writes many rows, table by table, inside one transaction (the SPIP import's write path).
//   SQLite: multi-row INSERTs of a fixed row count, so every full chunk is the same SQL text and the
//     connection's statement cache prepares it once.
//   PostgreSQL: one array per column, `INSERT … SELECT * FROM unnest($1::integer[], $2::text[], …)`: a statement
//     of a few parameters whatever the row count, instead of a VALUES list of 16,000 parameters that the server
//     parses and plans each time (measured: a third of the time of 100,000 forum messages).
import { sql } from 'kysely';
import type { Trx } from './schema.ts';

/** Rows per PostgreSQL statement: big enough that round trips do not count, small enough to stream progress. */
const POSTGRES_ROWS = 2000;
/** Parameters per SQLite statement (its cap is 32,766). */
const SQLITE_PARAMETERS = 16_000;

/** SQLite: multi-row INSERTs of a fixed row count. */
export async function insertRowsSqlite(trx: Trx, table: string, rows: Record<string, unknown>[], advance: (rows: number) => void = () => {}): Promise<void> {
  for (const { columns, run } of runsOfSameColumns(rows)) {
    const perStatement = Math.max(1, Math.floor(SQLITE_PARAMETERS / columns.length));
    for (let i = 0; i < run.length; i += perStatement) {
      const chunk = run.slice(i, i + perStatement);
      await trx.insertInto(table as never).values(chunk as never).execute();
      advance(chunk.length);
    }
  }
}

/** PostgreSQL: one array per column through unnest. */
export async function insertRowsPostgres(trx: Trx, table: string, rows: Record<string, unknown>[], advance: (rows: number) => void = () => {}): Promise<void> {
  for (const { columns, run } of runsOfSameColumns(rows)) await insertPostgres(trx, table, columns, run, advance);
}

/**
 * Consecutive rows that name the same columns, in order. A column a row leaves out must take its default,
 * and neither path can say DEFAULT for one row only: SQLite has no DEFAULT in a VALUES list (Kysely writes
 * NULL there), and unnest() gives every row every column. So each run is written with its own column list.
 */
function runsOfSameColumns(rows: Record<string, unknown>[]): { columns: string[]; run: Record<string, unknown>[] }[] {
  const runs: { columns: string[]; key: string; run: Record<string, unknown>[] }[] = [];
  for (const row of rows) {
    const columns = Object.keys(row);
    // The same columns in another order are the same run: mappers build rows by spreading objects.
    const key = [...columns].sort().join('\0');
    const last = runs[runs.length - 1];
    if (last?.key === key) last.run.push(row);
    else runs.push({ columns, key, run: [row] });
  }
  return runs;
}

async function insertPostgres(trx: Trx, table: string, columns: string[], rows: Record<string, unknown>[], advance: (rows: number) => void): Promise<void> {
  const found = await sql<{ name: string; type: string }>`
    SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
    WHERE attrelid = ${table}::regclass AND attnum > 0 AND NOT attisdropped`.execute(trx);
  const types = new Map(found.rows.map((r) => [r.name, r.type]));
  const casts = columns.map((c) => {
    const type = types.get(c);
    if (!type) throw new Error(`${table}.${c}: no such column`);
    return sql.raw(`::${type}[]`);
  });
  const target = sql`${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})`;
  for (let i = 0; i < rows.length; i += POSTGRES_ROWS) {
    const chunk = rows.slice(i, i + POSTGRES_ROWS);
    // pg sends each JS array as one array literal; null and undefined become NULL.
    const arrays = columns.map((c, n) => sql`${chunk.map((r) => r[c] ?? null)}${casts[n]!}`);
    await sql`INSERT INTO ${target} SELECT * FROM unnest(${sql.join(arrays)})`.execute(trx);
    advance(chunk.length);
  }
}
