// The rebuild shared by both databases: empty the index, then refill it table by table in id ranges,
// inside one transaction (readers see the old index until the new one is complete).
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { fillStatement, indexedTables } from '../db/migrations/010-search.ts';

const BATCH = 2000;

export async function rebuildIndex(db: Db, empty: string, progress: (done: number, total: number) => void): Promise<{ indexed: number }> {
  return db.write(async (trx) => {
    const ranges: { table: (typeof indexedTables)[number]; min: number; max: number; rows: number }[] = [];
    for (const table of indexedTables) {
      const row = await sql<{ min: number | null; max: number | null; n: number | string }>`
        SELECT min(id) AS min, max(id) AS max, count(*) AS n FROM ${sql.table(table.table)}`.execute(trx);
      const r = row.rows[0]!;
      if (r.min !== null && r.max !== null) ranges.push({ table, min: Number(r.min), max: Number(r.max), rows: Number(r.n) });
    }
    const total = ranges.reduce((sum, r) => sum + r.rows, 0);
    await sql.raw(empty).execute(trx);
    let done = 0;
    progress(0, total);
    for (const { table, min, max, rows } of ranges) {
      const perId = rows / (max - min + 1);
      for (let from = min; from <= max; from += BATCH) {
        await sql.raw(fillStatement(db.dialect, table, [from, from + BATCH])).execute(trx);
        done = Math.min(total, done + Math.round(BATCH * perId));
        progress(done, total);
      }
    }
    progress(total, total);
    const count = await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(db.dialect === 'sqlite' ? 'search_fts' : 'search_entries')}`.execute(trx);
    return { indexed: Number(count.rows[0]!.n) };
  });
}
