// What operators and load balancers ask a Tisse server, none of it a page: GET /sante (liveness: the process
// answers), GET /sante/pret (readiness: the database answers, every migration is applied, document storage
// answers; 503 while the server is stopping, so a load balancer stops sending it requests before it closes), and
// GET /metriques (Prometheus text, behind the bearer token of TISSE_METRICS_TOKEN). Never cached, never logged
// as pages: `cache-control: no-store`.
import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from './context.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { databaseRegistry, jobsByStatus, metricsRegistry } from '../kernel/metrics.ts';
import { t } from '../kernel/i18n/index.ts';

export const operationsRoutes = new Hono<AppEnv>();

const NO_STORE = { 'cache-control': 'no-store' };

/** A readiness check taking longer than this has failed: a load balancer's own timeout is a few seconds. */
const CHECK_TIMEOUT_MS = 2000;

operationsRoutes.get('/sante', (c) => c.json({ status: 'ok' }, 200, NO_STORE));

operationsRoutes.get('/sante/pret', async (c) => {
  const app = c.get('app');
  if (app.lifecycle?.stopping()) return c.json({ status: 'stopping', checks: {} }, 503, NO_STORE);
  const [database, migrations, storage] = await Promise.all([
    check(async () => {
      await sql`select 1`.execute(app.db.kysely);
    }),
    check(async () => {
      const pending = await pendingMigrations(app.db);
      if (pending.length) throw new Error(`pending: ${pending.join(', ')}`);
    }),
    check(() => app.storage.check()),
  ]);
  const checks = { database, migrations, storage };
  const ready = Object.values(checks).every((result) => result === 'ok');
  if (!ready) app.log.warn({ checks }, 'readiness: not ready');
  return c.json({ status: ready ? 'ready' : 'unavailable', checks }, ready ? 200 : 503, NO_STORE);
});

async function check(work: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      work(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 200) : String(error);
  } finally {
    clearTimeout(timer);
  }
}

operationsRoutes.get('/metriques', async (c) => {
  const { config, db } = c.get('app');
  if (!config.metricsToken) return c.text(t('errors.metrics.disabled'), 404, NO_STORE);
  const sent = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
  if (!sameSecret(sent, config.metricsToken)) return c.text(t('errors.metrics.unauthorized'), 401, { ...NO_STORE, 'www-authenticate': 'Bearer realm="metriques"' });
  const counts = await db.kysely.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<number | string>().as('n')]).where('status', 'in', ['queued', 'running', 'failed']).groupBy('status').execute();
  for (const status of ['queued', 'running', 'failed']) jobsByStatus.set({ status }, Number(counts.find((row) => row.status === status)?.n ?? 0));
  const processes = c.get('app').metrics ? await c.get('app').metrics!() : await metricsRegistry.metrics();
  const body = `${processes.trimEnd()}\n\n${await databaseRegistry.metrics()}`;
  return c.text(body, 200, { ...NO_STORE, 'content-type': metricsRegistry.contentType });
});

/** Compares two secrets in a time that does not tell how much of them matched. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
