// `tisse serve --workers N` (issue 21, item 4): the demo article page from the page cache and rendered from the
// database on every request (TISSE_PAGE_CACHE=off), with one worker and with two, against nginx serving the same
// HTML as a static file, all in the same run. wrk (C) is the load generator when installed: autocannon, in Node,
// saturates before two workers do. Server and load generator share the machine's cores.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { table, writeBenchSection } from './report.ts';
import { hasWrk, wrkLoad } from './wrk.ts';
import { freePort } from './loopback.ts';
import { serveStaticWithNginx } from './nginx.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE = '/benoit-hamon-en-visite-a-niort';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;

interface Figures {
  rps: number;
  p99: number;
  errors: number;
}

async function serve(dataDir: string, workers: number, pageCache: boolean, requestLog = false): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bin/tisse.js'), 'serve', '--workers', String(workers)], {
    env: { ...process.env, TISSE_DATA_DIR: dataDir, TISSE_PORT: String(port), TISSE_REQUEST_LOG: requestLog ? 'on' : 'off', TISSE_LOG_LEVEL: requestLog ? 'info' : 'warn', TISSE_PAGE_CACHE: pageCache ? 'on' : 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}${ARTICLE}`;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status === 200) {
        await response.text();
        break;
      }
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('server exited before answering');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Every worker warm (its cache filled, its templates parsed): fresh connections go to each in turn.
  for (let i = 0; i < 4 * workers; i++) await (await fetch(url, { headers: { connection: 'close' } })).text();
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

async function load(url: string): Promise<Figures> {
  const wrk = wrkLoad(url, { connections: CONNECTIONS, seconds: DURATION });
  if (wrk) return { rps: wrk.rps, p99: Math.round(wrk.p99 * 10) / 10, errors: wrk.errors };
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, pipelining: 1 });
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const dataDir = mkdtempSync(join(tmpdir(), 'tisse-bench-workers-'));
const loadBefore = loadavg()[0]!.toFixed(1);
try {
  // The demo site, made once by a first start.
  const first = await serve(dataDir, 1, true);
  const html = await (await fetch(first.url)).text();
  await stop(first.child);

  const rows: (string | number)[][] = [];
  const measured: Record<string, Figures> = {};
  for (const workers of [1, 2]) {
    for (const cache of [true, false]) {
      const server = await serve(dataDir, workers, cache);
      const figures = await load(server.url);
      await stop(server.child);
      const name = `${cache ? 'cached' : 'uncached'}-${workers}`;
      measured[name] = figures;
      rows.push([`Article page, page cache ${cache ? 'on' : 'off'}, --workers ${workers}`, figures.rps, figures.p99, figures.errors]);
    }
  }
  // The request log's cost: one pino line per request, written to stdout (here /dev/null: the formatting and the
  // write, not a disk's speed).
  const logged = await serve(dataDir, 1, true, true);
  measured['logged-1'] = await load(logged.url);
  await stop(logged.child);
  rows.push(['Article page, page cache on, --workers 1, request log on (stdout to /dev/null)', measured['logged-1'].rps, measured['logged-1'].p99, measured['logged-1'].errors]);
  const nginx = await serveStaticWithNginx(html);
  let nginxFigures: Figures | undefined;
  if (nginx) {
    try {
      nginxFigures = await load(nginx.url);
      rows.push(['nginx serving the same HTML as a static file (1 worker process)', nginxFigures.rps, nginxFigures.p99, nginxFigures.errors]);
    } finally {
      await nginx.stop();
    }
  }
  const ratio = (a: Figures | undefined, b: Figures | undefined) => (a && b && b.rps ? `${((a.rps / b.rps) * 100).toFixed(0)} %` : '—');
  const body = [
    `${hasWrk ? `wrk -t1 -c${CONNECTIONS}` : `autocannon (wrk not installed), ${CONNECTIONS} connections`}, ${DURATION} s per run, on loopback; page of ${Math.round(html.length / 1024)} KB; server and load generator share the machine's ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()} cores. Every worker is warmed before its run. Load average (1 min) before the runs ${loadBefore}, after ${loadavg()[0]!.toFixed(1)}: the machine is shared, compare figures of one run only.`,
    table(['Run', 'Requests/s', 'p99 latency (ms)', 'Errors/non-2xx'], rows),
    table(
      ['Ratio', 'Page cache on', 'Page cache off'],
      [
        ['--workers 2 / --workers 1', ratio(measured['cached-2'], measured['cached-1']), ratio(measured['uncached-2'], measured['uncached-1'])],
        ['--workers 1 / nginx', ratio(measured['cached-1'], nginxFigures), ratio(measured['uncached-1'], nginxFigures)],
        ['--workers 2 / nginx', ratio(measured['cached-2'], nginxFigures), ratio(measured['uncached-2'], nginxFigures)],
        ['request log on / off (--workers 1)', ratio(measured['logged-1'], measured['cached-1']), '—'],
      ],
    ),
  ].join('\n\n');
  console.log(body);
  writeBenchSection('workers', 'Workers (bench/workers.ts, issue 21)', 'npm run bench -- workers', body);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
