// Integration-test sites: a real Tisse server on a random loopback port, over a fresh SQLite data
// directory or a fresh PostgreSQL database (created from TISSE_TEST_POSTGRES_URL, dropped at close).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { loadConfig, type Config } from '../../src/kernel/config.ts';
import { startSite, type RunningSite, type StartOptions } from '../../src/server.ts';
import { createTestDatabase, forEachDialect, type TestDialect } from './database.ts';

export { forEachDialect, type TestDialect };

export interface TestSite extends RunningSite {
  config: Config;
  dialect: TestDialect;
  /** fetch relative to the site, without following redirects. */
  get(path: string, init?: RequestInit): Promise<Response>;
}

export async function startTestSite(
  dialect: TestDialect,
  options: {
    demo?: boolean;
    env?: Record<string, string>;
    log?: Logger;
    listener?: StartOptions['listener'];
    /** An existing data directory (and PostgreSQL database), which the caller keeps: a restored site. */
    at?: { dataDir: string; databaseUrl?: string | undefined };
  } = {},
): Promise<TestSite> {
  const dataDir = options.at?.dataDir ?? mkdtempSync(join(tmpdir(), 'tisse-test-'));
  const database = options.at ? (options.at.databaseUrl ? { url: options.at.databaseUrl, drop: async () => {} } : undefined) : dialect === 'postgres' ? await createTestDatabase() : undefined;
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
  const site = await startSite(config, { demo: options.demo ?? true, log: options.log ?? pino({ level: 'silent' }), ...(options.listener ? { listener: options.listener } : {}) });
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
      if (!options.at) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
