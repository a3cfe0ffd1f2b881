// One transaction in which the schema itself is rebuilt (a restore: drop, migrate, load, migrate on). Kysely's
// Migrator asks its database handle for a connection, which a Kysely Transaction refuses; so the transaction is
// opened by hand on one pinned connection, whose handle the Migrator accepts. Both databases roll back DDL.
import { sql, type Kysely } from 'kysely';
import type { Db } from './connect.ts';
import type { Database, Trx } from './schema.ts';

export async function inSchemaTransaction<T>(db: Db, work: (trx: Trx, kysely: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.kysely.connection().execute(async (connection) => {
    await sql`begin`.execute(connection);
    try {
      // The pinned connection runs every query of `work`; typed as a transaction for the functions that take one.
      const result = await work(connection as unknown as Trx, connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => {});
      throw error;
    }
  });
}
