// Databases for operation tests that need no HTTP server: a migrated SQLite file in a fresh data
// directory, or a fresh PostgreSQL database (dropped at close). Same dialect loop as helpers/site.ts,
// without loading the whole application.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createUser } from '../../src/content/operations/create-user.ts';

export type TestDialect = 'sqlite' | 'postgres';

const postgresUrl = process.env.TISSE_TEST_POSTGRES_URL;

export interface TestDatabase {
  db: Db;
  dataDir: string;
  /** The first administrator, as a fresh site has one. */
  adminId: number;
  close(): Promise<void>;
}

/** Declares the suite once per database; PostgreSQL is skipped (visibly) without TISSE_TEST_POSTGRES_URL, except in CI. */
export function forEachDatabase(name: string, suite: (dialect: TestDialect) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const missing = dialect === 'postgres' && !postgresUrl;
    if (missing && process.env.CI) throw new Error('CI: TISSE_TEST_POSTGRES_URL must be set, the suite runs on PostgreSQL too');
    describe(`${name} [${dialect}]`, { skip: missing ? 'TISSE_TEST_POSTGRES_URL unset' : false }, () => suite(dialect));
  }
}

export async function openTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-db-test-'));
  let drop = async () => {};
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    const name = `tisse_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(postgresUrl!);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const db = await openDatabase({ dataDir, databaseUrl });
  await migrateToLatest(db);
  const { user } = await createUser(db, { email: 'admin@example.org', name: 'Administrateur', role: 'administrator', password: 'motdepasse-admin' });
  return {
    db,
    dataDir,
    adminId: user.id,
    async close() {
      await db.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
