// Integration-test sites: a real Tisse server on a random loopback port, over a fresh SQLite data
// directory or a fresh PostgreSQL database (created from TISSE_TEST_POSTGRES_URL, dropped at close).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import pg from 'pg';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config.ts';
import { startSite, type RunningSite } from '../../src/server.ts';

export type TestDialect = 'sqlite' | 'postgres';

export const postgresUrl = process.env.TISSE_TEST_POSTGRES_URL;

export interface TestSite extends RunningSite {
  config: Config;
  dialect: TestDialect;
  /** fetch relative to the site, without following redirects. */
  get(path: string, init?: RequestInit): Promise<Response>;
}

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

export async function startTestSite(
  dialect: TestDialect,
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-test-'));
  const database = dialect === 'postgres' ? await createTestDatabase() : undefined;
  const config = loadConfig({
    TISSE_PORT: '0',
    TISSE_HOST: '127.0.0.1',
    TISSE_DATA_DIR: dataDir,
    TISSE_ADMIN_EMAIL: 'admin@example.org',
    TISSE_ADMIN_PASSWORD: 'motdepasse-admin',
    TISSE_FORUM_MIN_SECONDS: '0',
    ...(database ? { TISSE_DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const site = await startSite(config, { demo: options.demo ?? true, log: pino({ level: 'silent' }) });
  const base = site.url;
  config.siteUrl = base;
  return {
    ...site,
    config,
    dialect,
    get: (path, init) => fetch(base + path, { redirect: 'manual', ...init }),
    async close() {
      await site.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
