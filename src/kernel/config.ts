// Settings read from TISSE_* environment variables, validated once at start.
// Every entry point (server, CLI, tests) builds its Config here, so names and defaults live in one place.
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { messageOrText, render, type Lang, type MessageRef } from './i18n/index.ts';
import './zod-messages.ts';
import { parseIpRanges } from './ip-ranges.ts';

const portSchema = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  TISSE_PORT: portSchema.default(8080),
  TISSE_HOST: z.string().min(1).default('127.0.0.1'),
  TISSE_DATA_DIR: z.string().min(1).default('./data'),
  TISSE_DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'doit commencer par postgres:// ou sqlite:')
    .optional(),
  TISSE_SITE_URL: z.string().url().optional(),
  TISSE_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'doit commencer par smtp:// ou smtps://').optional(),
  TISSE_ADMIN_EMAIL: z.string().email().optional(),
  TISSE_ADMIN_PASSWORD: z.string().min(8, 'au moins 8 caractères').optional(),
  TISSE_FORUM_MIN_SECONDS: z.coerce.number().min(0).default(3),
  TISSE_PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  TISSE_THEME_RENDERER: z.enum(['sync', 'liquidjs']).default('sync'),
  TISSE_TEST_SYNDICATION_LOOPBACK: z.enum(['on', 'off']).default('off'),
  TISSE_THEME_DIR: z.string().min(1).optional(),
  TISSE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TISSE_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  TISSE_METRICS_TOKEN: z.string().min(16, 'au moins 16 caractères').optional(),
  TISSE_REQUEST_LOG: z.enum(['on', 'off']).default('on'),
  TISSE_SHUTDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(20),
  TISSE_STORAGE_URL: z.string().regex(/^s3:\/\/[^/?]+/, 'doit être de la forme s3://seau/prefixe?endpoint=…&region=…').optional(),
  TISSE_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((text, ctx) => {
      const parsed = parseIpRanges(text);
      if (parsed.ok) return parsed.ranges;
      ctx.addIssue({ code: 'custom', message: `« ${parsed.invalid} » n’est ni une adresse IP ni une plage CIDR` });
      return z.NEVER;
    }),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** undefined: an SQLite file in the data directory. */
  databaseUrl: string | undefined;
  /** Public base URL, without trailing slash; derived from host and port when unset. */
  siteUrl: string;
  smtpUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  forumMinSeconds: number;
  pageCache: boolean;
  /** How templates are walked: Tisse's synchronous loop (themes/sync-renderer.ts), or LiquidJS's generators (comparison). */
  themeRenderer: 'sync' | 'liquidjs';
  /**
   * Tests only: syndication may fetch feeds from loopback addresses (127.0.0.0/8, ::1), where tests serve them.
   * Every other private address stays refused; off by default, and no site should turn it on.
   */
  syndicationAllowLoopback: boolean;
  /** Files here override the active theme's files of the same relative path (default <dataDir>/theme). */
  themeDir: string;
  logLevel: string;
  /** Processes serving together (`tisse serve`); undefined: one per core, at most four. `--workers` wins. */
  workers: number | undefined;
  /** Bearer token that /metriques asks for; undefined: metrics are not served. */
  metricsToken: string | undefined;
  /** Whether every request is written to the log (method, path, status, time). */
  requestLog: boolean;
  /** On SIGTERM, how long requests in flight and the running job may take to finish before the process stops anyway. */
  shutdownSeconds: number;
  /** Where documents are stored: undefined (the data folder) or s3://bucket/prefix?endpoint=…&region=… */
  storageUrl: string | undefined;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses and CIDR ranges); empty: the socket's address is the client. */
  trustedProxies: string[];
}

/** A bad setting in the environment: its message comes from the catalogue (French by default, `messageIn('en')`). */
export class ConfigError extends Error {
  readonly text: MessageRef;

  constructor(text: MessageRef) {
    super(render(text));
    this.name = 'ConfigError';
    this.text = text;
  }

  messageIn(lang: Lang): string {
    return render(this.text, lang);
  }
}

/** Reads the configuration from an environment (process.env by default); throws ConfigError naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('TISSE_') && v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const message = messageOrText(issue.message);
    throw new ConfigError({ key: 'errors.config.invalid', params: { name: String(issue.path[0]), message } });
  }
  const e = parsed.data;
  const shownHost = e.TISSE_HOST === '0.0.0.0' || e.TISSE_HOST === '::' ? 'localhost' : e.TISSE_HOST;
  return {
    port: e.TISSE_PORT,
    host: e.TISSE_HOST,
    dataDir: resolve(e.TISSE_DATA_DIR),
    databaseUrl: e.TISSE_DATABASE_URL,
    siteUrl: (e.TISSE_SITE_URL ?? `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${e.TISSE_PORT}`).replace(/\/+$/, ''),
    smtpUrl: e.TISSE_SMTP_URL,
    adminEmail: e.TISSE_ADMIN_EMAIL,
    adminPassword: e.TISSE_ADMIN_PASSWORD,
    forumMinSeconds: e.TISSE_FORUM_MIN_SECONDS,
    pageCache: e.TISSE_PAGE_CACHE === 'on',
    themeRenderer: e.TISSE_THEME_RENDERER,
    syndicationAllowLoopback: e.TISSE_TEST_SYNDICATION_LOOPBACK === 'on',
    themeDir: resolve(e.TISSE_THEME_DIR ?? join(e.TISSE_DATA_DIR, 'theme')),
    logLevel: e.TISSE_LOG_LEVEL,
    trustedProxies: e.TISSE_TRUSTED_PROXIES,
    workers: e.TISSE_WORKERS,
    metricsToken: e.TISSE_METRICS_TOKEN,
    requestLog: e.TISSE_REQUEST_LOG === 'on',
    shutdownSeconds: e.TISSE_SHUTDOWN_SECONDS,
    storageUrl: e.TISSE_STORAGE_URL,
  };
}
