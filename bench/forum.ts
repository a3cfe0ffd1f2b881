// Forum benchmark: accepted posts per second with 16 concurrent posters going through the real form (for each post,
// the token of one view from the address the article page's form names, then POST /forum/poster: tokens are single use), the article page's throughput alone and while posts flow (pending
// posts leave the page cache warm; the server's one event loop is shared with the posts), and a count afterwards:
// every acknowledged post (303) must be in the database. The anti-spam thresholds are raised for the run through the `forumPolicy`
// setting, as an operator would for a load test; the minimum fill time is 0 (TISSE_FORUM_MIN_SECONDS).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/connect.ts';
import { POLICY_KEY } from '../src/forum/policy.ts';
import { table, writeBenchSection } from './report.ts';
import { freePort, waitForAnswer } from './loopback.ts';
import { cpuSecondsIfKnown, shortCommit } from './processes.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE = '/benoit-hamon-en-visite-a-niort';
const POSTERS = 16;
const CONNECTIONS = 16;
/** Seconds per phase; three phases keep the whole run under a minute on a small machine. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** The server on core 0 (taskset, from util-linux) when the machine has another core for the load. */
const PIN = availableParallelism() >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;


/**
 * The bundled server of `tree` (what `npm start` runs), one process, pinned to the first core when taskset is there:
 * the posters and autocannon run in this process, on the other core, so the figures say how the server shares its
 * own time, not how the machine shares its cores.
 */
async function serve(tree: string, dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const command = [process.execPath, join(tree, 'bin/tisse.js'), 'serve'];
  const pinned = PIN ? ['taskset', '-c', '0', ...command] : command;
  const child = spawn(pinned[0]!, pinned.slice(1), {
    env: { ...process.env, TISSE_WORKERS: '1', TISSE_DATA_DIR: dataDir, TISSE_PORT: String(port), TISSE_LOG_LEVEL: 'warn', TISSE_FORUM_MIN_SECONDS: '0', TISSE_REQUEST_LOG: 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForAnswer(child, base + ARTICLE, 20);
  return { child, base };
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

interface PostingResult {
  acknowledged: string[];
  refused: Map<number, number>;
  seconds: number;
}

/** 16 people posting as fast as the server answers, each post with the token of a view of the article page's form. */
async function postFor(base: string, seconds: number, tag: string): Promise<PostingResult> {
  const acknowledged: string[] = [];
  const refused = new Map<number, number>();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const { articleId, tokenUrl } = await commentForm(base);
  await Promise.all(
    Array.from({ length: POSTERS }, async (_, poster) => {
      for (let n = 0; performance.now() < deadline; n++) {
        const text = `Message de banc ${tag}-${poster}-${n} : la Maison de l’{{ESS}} avance.`;
        const token = await (await fetch(base + tokenUrl)).text();
        const response = await fetch(`${base}/forum/poster`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ article: articleId, token, name: `Lectrice ${poster}`, email: `lectrice${poster}@example.net`, title: '', text, link_url: '', step: 'send' }).toString(),
        });
        await response.arrayBuffer();
        if (response.status === 303) acknowledged.push(text);
        else refused.set(response.status, (refused.get(response.status) ?? 0) + 1);
      }
    }),
  );
  return { acknowledged, refused, seconds: (performance.now() - started) / 1000 };
}

/** The article page's comment form: its article and the address its script fetches a token from. */
async function commentForm(base: string): Promise<{ articleId: string; tokenUrl: string }> {
  const page = await (await fetch(base + ARTICLE)).text();
  const articleId = /name="article" value="(\d+)"/.exec(page)?.[1];
  const tokenUrl = /data-jeton="([^"]+)"/.exec(page)?.[1]?.replaceAll('&amp;', '&');
  if (!articleId || !tokenUrl) throw new Error('no comment form on the article page');
  return { articleId, tokenUrl };
}

/** The server's CPU per token request (ms), tokens fetched alone as fast as it answers: a post's share of the figure above. */
async function cpuPerToken(base: string, pid: number | undefined): Promise<number | undefined> {
  const { tokenUrl } = await commentForm(base);
  const before = cpuSecondsIfKnown(pid);
  const result = await autocannon({ url: base + tokenUrl, connections: CONNECTIONS, duration: SECONDS, pipelining: 1 });
  const after = cpuSecondsIfKnown(pid);
  if (result.non2xx || result.errors) throw new Error(`${tokenUrl}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return before === undefined || after === undefined ? undefined : ((after - before) * 1000) / result.requests.total;
}

async function pageLoad(url: string, seconds: number) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, pipelining: 1 });
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

interface TreeFigures {
  posting: PostingResult;
  mixed: PostingResult;
  alone: Awaited<ReturnType<typeof pageLoad>>;
  during: Awaited<ReturnType<typeof pageLoad>>;
  cpuPerPost: number | undefined;
  cpuPerToken: number | undefined;
  acknowledged: number;
  missing: string[];
}

/** The three phases on a fresh demo site served by `tree`, then every acknowledged post looked for in its database. */
async function measure(tree: string): Promise<TreeFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-bench-forum-'));
  try {
    const { child, base } = await serve(tree, dataDir);
    const db = await openDatabase({ dataDir });
    let posting: PostingResult;
    let mixed: PostingResult;
    let alone: Awaited<ReturnType<typeof pageLoad>>;
    let during: Awaited<ReturnType<typeof pageLoad>>;
    let cpuPerPost: number | undefined;
    let cpuPerTokenRequest: number | undefined;
    try {
      await db.write((trx) =>
        trx
          .insertInto('settings')
          .values({ key: POLICY_KEY, value: JSON.stringify({ perIp: { count: 1_000_000, minutes: 1 }, perEmail: { count: 1_000_000, minutes: 1 } }), updated_at: new Date().toISOString() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') }))
          .execute(),
      );
      alone = await pageLoad(base + ARTICLE, SECONDS);
      const cpuBefore = cpuSecondsIfKnown(child.pid);
      posting = await postFor(base, SECONDS, 'seul');
      const cpuAfter = cpuSecondsIfKnown(child.pid);
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpuPerPost = ((cpuAfter - cpuBefore) * 1000) / posting.acknowledged.length;
      cpuPerTokenRequest = await cpuPerToken(base, child.pid);
      [during, mixed] = await Promise.all([pageLoad(base + ARTICLE, SECONDS), postFor(base, SECONDS, 'mixte')]);
    } finally {
      await stop(child);
    }
    let stored: Set<string>;
    try {
      const rows = await db.kysely.selectFrom('forum_messages').select('text').where('text', 'like', 'Message de banc %').execute();
      stored = new Set(rows.map((r) => r.text));
    } finally {
      await db.close();
    }
    const acknowledged = [...posting.acknowledged, ...mixed.acknowledged];
    return { posting, mixed, alone, during, cpuPerPost, cpuPerToken: cpuPerTokenRequest, acknowledged: acknowledged.length, missing: acknowledged.filter((text) => !stored.has(text)) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const compare = process.env.BENCH_COMPARE_ROOT;
const trees: [string, string][] = [...(compare ? ([[`before (${shortCommit(compare)})`, compare]] as [string, string][]) : []), ['this tree', root]];
for (const [, tree] of trees) spawnSync(process.execPath, [join(tree, 'scripts/build.mjs')], { stdio: 'inherit' });
const figures: [string, TreeFigures][] = [];
for (const [label, tree] of trees) figures.push([label, await measure(tree)]);

const refusals = (r: PostingResult) => [...r.refused].map(([status, n]) => `${n} × ${status}`).join(', ') || 'none';
const perSecond = (r: PostingResult) => (r.acknowledged.length / r.seconds).toFixed(0);
const body = [
  `${POSTERS} concurrent posters over HTTP on loopback (a form token from /forum/jeton, then POST /forum/poster, a priori moderation: each post is stored pending, which leaves the page cache warm, and a moderators' email is queued), SQLite, ${SECONDS} s per phase (posting alone, tokens fetched alone, then posting while the page is loaded); autocannon with ${CONNECTIONS} connections on the demo article. The server runs bundled (bin/tisse.js), one process${PIN ? ', pinned to core 0 (taskset); posters and autocannon run in the bench process, on the other core' : ', sharing the cores with the posters and the load generator'}.${compare ? ' Each tree on its own fresh site, one after the other.' : ''}`,
  '',
  table(
    ['Tree', 'Posts/s alone', 'Server CPU per post (ms, its token request included)', 'Of which the token request (ms, tokens fetched alone)', 'Posts/s while the page is loaded', 'Refused'],
    figures.map(([label, f]) => [
      label,
      perSecond(f.posting),
      f.cpuPerPost === undefined ? '—' : f.cpuPerPost.toFixed(2),
      f.cpuPerToken === undefined ? '—' : f.cpuPerToken.toFixed(2),
      perSecond(f.mixed),
      `${refusals(f.posting)}; ${refusals(f.mixed)}`,
    ]),
  ),
  '',
  table(
    ['Tree', 'Cached article page alone (req/s, p99 ms)', 'While the 16 posters post (req/s, p99 ms)', 'Share of its idle figure', 'Errors/non-2xx'],
    figures.map(([label, f]) => [label, `${f.alone.rps}, ${f.alone.p99}`, `${f.during.rps}, ${f.during.p99}`, `${((f.during.rps / f.alone.rps) * 100).toFixed(0)} %`, f.alone.errors + f.during.errors]),
  ),
  '',
  `Count after the runs: ${figures.map(([label, f]) => `${label}: ${f.acknowledged} posts acknowledged, ${f.missing.length} missing from the database`).join('; ')}.`,
  '',
  `Machine load average when the run ended: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (other work on the machine lowers every figure).`,
].join('\n');
writeBenchSection('forum', 'Forum (bench/forum.ts)', 'BENCH_COMPARE_ROOT=<checkout before> npm run bench -- forum', body);
console.log(body);
const missing = figures.flatMap(([, f]) => f.missing);
if (missing.length > 0) {
  console.error(`acknowledged posts missing from the database: ${missing.slice(0, 5).join(' | ')}`);
  process.exitCode = 1;
}
