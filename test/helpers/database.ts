// Test databases on both dialects: the dialect loop every integration suite uses, fresh PostgreSQL
// databases (created from TISSE_TEST_POSTGRES_URL, dropped at close), and migrated databases for
// operation tests that need no HTTP server (helpers/site.ts starts a whole site on top of the same pieces).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createUser } from '../../src/users/operations/create-user.ts';

export type TestDialect = 'sqlite' | 'postgres';

export const postgresUrl = process.env.TISSE_TEST_POSTGRES_URL;

let warned = false;

/**
 * Declares the same suite once per database. Without TISSE_TEST_POSTGRES_URL the PostgreSQL run is
 * skipped with a visible message, except in CI, where it must run.
 */
export function forEachDialect(name: string, suite: (dialect: TestDialect) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const missing = dialect === 'postgres' && !postgresUrl;
    if (missing && process.env.CI) throw new Error('CI: TISSE_TEST_POSTGRES_URL must be set, the suite runs on PostgreSQL too');
    if (missing && !warned) {
      warned = true;
      console.warn('⚠ TISSE_TEST_POSTGRES_URL is unset: PostgreSQL integration tests are SKIPPED.');
    }
    describe(`${name} [${dialect}]`, { skip: missing ? 'TISSE_TEST_POSTGRES_URL unset' : false }, () => suite(dialect));
  }
}

export const forEachDatabase = forEachDialect;

/** A fresh, empty PostgreSQL database on the test server. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tisse_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface TestDatabase {
  db: Db;
  dataDir: string;
  /** The first administrator, as a fresh site has one. */
  adminId: number;
  /** The PostgreSQL database's URL (undefined on SQLite: the file is in dataDir), for a second process. */
  url: string | undefined;
  close(): Promise<void>;
}

export async function openTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-db-test-'));
  const database = dialect === 'postgres' ? await createTestDatabase() : undefined;
  const db = await openDatabase({ dataDir, databaseUrl: database?.url });
  await migrateToLatest(db);
  const { user } = await createUser(db, { email: 'admin@example.org', name: 'Administrateur', role: 'administrator', password: 'motdepasse-admin' });
  return {
    db,
    dataDir,
    adminId: user.id,
    url: database?.url,
    async close() {
      await db.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
