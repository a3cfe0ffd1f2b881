// Page cache and session cookies: the demo article from the cache for a reader without a cookie, for a reader
// sending a cookie that names no session (`tisse_session=bogus`: before issue 15 it bypassed the cache and had
// the page rendered each time), and for a logged-in editor (a valid session: rendered until issue 19, served from the cache since).
// BENCH_COMPARE_ROOT=<another checkout, built> measures that tree too, for a before/after table.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { table, writeBenchSection } from './report.ts';
import { freePort, waitForAnswer } from './loopback.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE = '/benoit-hamon-en-visite-a-niort';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;

async function serve(tree: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(tree, 'bin/tisse.js'), 'serve'], {
    env: { ...process.env, TISSE_WORKERS: '1', TISSE_DATA_DIR: dataDir, TISSE_PORT: String(port), TISSE_LOG_LEVEL: 'warn', TISSE_ADMIN_EMAIL: 'admin@example.org', TISSE_ADMIN_PASSWORD: 'motdepasse-bench' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForAnswer(child, url + ARTICLE);
  return { child, url };
}

async function rps(url: string, cookie?: string): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...(cookie ? { headers: { cookie } } : {}) });
  if (result.non2xx || result.errors) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return Math.round(result.requests.average);
}

async function measure(tree: string): Promise<(string | number)[]> {
  spawnSync(process.execPath, [join(tree, 'scripts/build.mjs')], { stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-bench-cookie-'));
  const { child, url } = await serve(tree, dataDir);
  try {
    const login = await fetch(`${url}/ecrire/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@example.org', password: 'motdepasse-bench' }),
    });
    const session = login.headers.get('set-cookie')!.split(';')[0]!;
    return [await rps(url + ARTICLE), await rps(url + ARTICLE, 'tisse_session=bogus'), await rps(url + ARTICLE, session)];
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rows: (string | number)[][] = [];
const compare = process.env.BENCH_COMPARE_ROOT;
if (compare) rows.push([`before (${process.env.BENCH_COMPARE_LABEL ?? compare})`, ...(await measure(compare))]);
rows.push(['this tree', ...(await measure(root))]);
const body = [
  `autocannon on loopback, ${CONNECTIONS} connections, ${DURATION} s per run, requests per second for the demo article.`,
  '',
  table(['Tree', 'No cookie', 'Cookie naming no session', 'Valid session'], rows),
  '',
  'Since issue 19 a public page is the same for every reader and served from the cache whatever the cookie; a team member’s own links come apart (admin/team-bar-routes.ts). Before it, a cookie naming no session was judged once per change of data and a valid session had the page rendered.',
].join('\n');
writeBenchSection('session-cookie', 'Page cache and session cookies (bench/session-cookie.ts)', 'npm run bench -- session-cookie', body);
console.log(body);
