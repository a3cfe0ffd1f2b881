// Page-serving benchmark: the demo article from the page cache, the same page rendered from the database
// on every request, a single client's latency (the Nagle/delayed-ACK trap shows as a flat ~40 ms), and
// cold start to first byte. When nginx is installed, it serves the same HTML as a static file in the
// same run: the physical limit a page server can approach on this machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { table, writeBenchSection } from './report.ts';
import { hasWrk, wrkLoad } from './wrk.ts';
import { freePort } from './loopback.ts';
import { serveStaticWithNginx } from './nginx.ts';
import pino from 'pino';
import { loadConfig } from '../src/kernel/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { createPageCache } from '../src/web/page-cache.ts';
import { resolvePath } from '../src/urls/index.ts';
import { loadArticle } from '../src/articles/index.ts';
import { articlePage } from '../src/site/public-routes.ts';
import { pageData } from '../src/site/render-page.ts';
import { themeEngineOf } from '../src/web/theme.ts';
import { localStorage } from '../src/documents/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE = '/benoit-hamon-en-visite-a-niort';
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = 32;


interface Served {
  child: ChildProcess;
  port: number;
  /** Milliseconds from spawn to the first 200 on the article page. */
  firstByteMs: number;
}

async function serve(dataDir: string, env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const started = performance.now();
  // bin/tisse.js is what `npm start` runs: the bundled application (docs/decisions/003).
  const child = spawn(process.execPath, [join(root, 'bin/tisse.js'), 'serve'], {
    env: { ...process.env, TISSE_WORKERS: '1', TISSE_DATA_DIR: dataDir, TISSE_PORT: String(port), TISSE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${ARTICLE}`);
      if (response.status === 200) {
        await response.text();
        return { child, port, firstByteMs: performance.now() - started };
      }
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('server exited before answering');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function stop(served: Served): Promise<void> {
  served.child.kill('SIGTERM');
  await new Promise((resolve) => served.child.once('exit', resolve));
}

async function load(url: string, connections = CONNECTIONS, duration = DURATION) {
  const result = await autocannon({ url, connections, duration, pipelining: 1 });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** wrk as a second load generator (bench/wrk.ts): autocannon, in Node, saturates before a fast server does. */
function wrkRate(url: string): number | undefined {
  return wrkLoad(url, { connections: CONNECTIONS, seconds: DURATION })?.rps;
}

async function nginxStatic(html: string): Promise<{ rps: number; p50: number; p99: number; errors: number; wrk: number | undefined } | undefined> {
  const nginx = await serveStaticWithNginx(html);
  if (!nginx) return undefined;
  try {
    return { ...(await load(nginx.url)), wrk: wrkRate(nginx.url) };
  } finally {
    await nginx.stop();
  }
}

/**
 * The article page's template alone (themes/default/article.liquid with its layout and partials, parsed once):
 * the data gathered once in this process, then rendered again and again. Microseconds per page, median of 5 rounds.
 */
async function templateRendering(dataDir: string): Promise<number> {
  const log = pino({ level: 'silent' });
  const config = loadConfig({ TISSE_DATA_DIR: dataDir, TISSE_LOG_LEVEL: 'silent' });
  const db = await openDatabase({ dataDir, databaseUrl: undefined, log });
  try {
    const app = { db, config, cache: createPageCache({ enabled: false, version: db.version }), log, storage: localStorage(dataDir) };
    const target = await resolvePath(db, ARTICLE);
    const article = await loadArticle(db, target!.objectId);
    const page = await articlePage(app, article!);
    const data = await pageData(app, page.head, page.data, page.shared);
    const engine = themeEngineOf(app);
    for (let i = 0; i < 500; i++) await engine.render('article', data);
    const rounds: number[] = [];
    for (let round = 0; round < 5; round++) {
      const n = 2000;
      const started = performance.now();
      for (let i = 0; i < n; i++) await engine.render('article', data);
      rounds.push(((performance.now() - started) * 1000) / n);
    }
    return rounds.sort((a, b) => a - b)[2]!;
  } finally {
    await db.close();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'tisse-bench-'));
// Build the bundle now, so that no start below pays for it.
spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
try {
  // Cold start on an empty data directory: migrations, first administrator, demo content, first page.
  const first = await serve(dataDir, {});
  const html = await (await fetch(`http://127.0.0.1:${first.port}${ARTICLE}`)).text();
  await stop(first);
  // Cold start of an existing site: what a restart or a deploy costs.
  const restart = await serve(dataDir, {});
  const cached = await load(`http://127.0.0.1:${restart.port}${ARTICLE}`);
  const single = await load(`http://127.0.0.1:${restart.port}${ARTICLE}`, 1, Math.min(DURATION, 5));
  const cachedWrk = wrkRate(`http://127.0.0.1:${restart.port}${ARTICLE}`);
  await stop(restart);

  const uncachedServer = await serve(dataDir, { TISSE_PAGE_CACHE: 'off' });
  const uncached = await load(`http://127.0.0.1:${uncachedServer.port}${ARTICLE}`);
  const uncachedWrk = wrkRate(`http://127.0.0.1:${uncachedServer.port}${ARTICLE}`);
  const singleUncached = await load(`http://127.0.0.1:${uncachedServer.port}${ARTICLE}`, 1, Math.min(DURATION, 5));
  await stop(uncachedServer);

  const nginx = await nginxStatic(html);
  const templateMicros = await templateRendering(dataDir);

  const rows: (string | number)[][] = [
    ['Article page, page cache on', CONNECTIONS, cached.rps, cached.p50, cached.p99, cached.errors],
    ['Article page, page cache off (rendered from the database)', CONNECTIONS, uncached.rps, uncached.p50, uncached.p99, uncached.errors],
    ['Article page, cache on, single client', 1, single.rps, single.p50, single.p99, single.errors],
    ['Article page, cache off, single client', 1, singleUncached.rps, singleUncached.p50, singleUncached.p99, singleUncached.errors],
  ];
  if (nginx) rows.push(['nginx serving the same HTML as a static file', CONNECTIONS, nginx.rps, nginx.p50, nginx.p99, nginx.errors]);

  const body = [
    `autocannon on loopback, ${DURATION} s per run, page of ${Math.round(html.length / 1024)} KB; server and load generator share the machine's cores.`,
    '',
    table(['Run', 'Connections', 'Requests/s', 'p50 latency (ms)', 'p99 latency (ms)', 'Errors/non-2xx'], rows),
    '',
    table(
      ['Cold start', 'Time to first byte of the article (ms)'],
      [
        ['First start on an empty data directory (migrations, admin, demo content)', Math.round(first.firstByteMs)],
        ['Restart of an existing site', Math.round(restart.firstByteMs)],
      ],
    ),
    '',
    table(['Template rendering alone (themes/default/article.liquid, data gathered once, in process)', 'µs per article page'], [['Article page', templateMicros.toFixed(0)]]),
    '',
    nginx
      ? `Ratio to nginx serving a static file: cached ${(cached.rps / nginx.rps * 100).toFixed(0)} %, uncached ${(uncached.rps / nginx.rps * 100).toFixed(1)} %.`
      : 'nginx is not installed (`apt-get install -y nginx`): no static-file reference in this run.',
    '',
    hasWrk
      ? table(
          ['Same runs with wrk (-t1 -c' + CONNECTIONS + ')', 'Requests/s'],
          [
            ['Article page, page cache on', cachedWrk ?? '—'],
            ['Article page, page cache off', uncachedWrk ?? '—'],
            ...(nginx ? [['nginx, static file', nginx.wrk ?? '—'] as (string | number)[]] : []),
          ],
        )
      : 'wrk is not installed (`apt-get install -y wrk`): autocannon only. autocannon runs in Node and saturates near the rates a fast server reaches.',
    '',
    'Aims (issue 2): ≥ 25,000 cached pages/s, ≥ 3,000 uncached pages/s, cold start under 1 s, no flat ~40 ms single-client latency. For scale on this machine: nginx static ~110,000 req/s; WordPress behind fastcgi cache ~45,000; SPIP 4.1 with its cache ~690; Ghost 5 ~73.',
  ].join('\n');
  writeBenchSection('pages', 'Pages (bench/pages.ts)', 'npm run bench -- pages', body);
  console.log(body);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
