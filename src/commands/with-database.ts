// Every CLI command that touches the site: open the configured database, bring it up to date, run the
// command, close the database whatever happens.
import { loadConfig, type Config } from '../kernel/config.ts';
import { openDatabase, type Db } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

export async function withDatabase<T>(work: (db: Db, config: Config) => Promise<T>, config: Config = loadConfig()): Promise<T> {
  const db = await openDatabase(config);
  try {
    await migrateToLatest(db);
    return await work(db, config);
  } finally {
    await db.close();
  }
}
