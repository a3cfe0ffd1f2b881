// The rebuild shared by both databases: empty the index, then refill it table by table in id ranges
// (set-based INSERT … SELECT, a few thousand rows each, for the progress bar), inside one transaction.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { fillStatements, searchTables } from '../db/search-index.ts';

const BATCH = 5000;

export async function rebuildIndex(
  db: Db,
  empty: string[],
  progress: (done: number, total: number) => void,
  finish: string[] = [],
): Promise<{ indexed: number }> {
  return db.write(async (trx) => {
    const ranges: { table: (typeof searchTables)[number]; min: number; max: number; rows: number }[] = [];
    for (const table of searchTables) {
      const row = await sql<{ min: number | null; max: number | null; n: number | string }>`
        SELECT min(id) AS min, max(id) AS max, count(*) AS n FROM ${sql.table(table.table)}`.execute(trx);
      const r = row.rows[0]!;
      if (r.min !== null && r.max !== null) ranges.push({ table, min: Number(r.min), max: Number(r.max), rows: Number(r.n) });
    }
    const total = ranges.reduce((sum, r) => sum + r.rows, 0);
    for (const statement of empty) await sql.raw(statement).execute(trx);
    let done = 0;
    progress(0, total);
    for (const { table, min, max, rows } of ranges) {
      const perId = rows / (max - min + 1);
      for (let from = min; from <= max; from += BATCH) {
        for (const statement of fillStatements(db.dialect.name, table, [from, from + BATCH], true)) await sql.raw(statement).execute(trx);
        done = Math.min(total, done + Math.round(BATCH * perId));
        progress(done, total);
      }
    }
    for (const statement of finish) await sql.raw(statement).execute(trx);
    progress(total, total);
    const count = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(db.dialect.name === 'sqlite' ? 'search_fts' : 'search_entries')}`.execute(trx);
    return { indexed: Number(count.rows[0]!.n) };
  });
}
