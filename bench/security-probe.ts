// The hardening probe of issue 15, re-run from outside against this tree, on SQLite and on PostgreSQL: a real
// server (bin/tisse.js, the bundle `npm start` runs) in a child process on loopback, and the probe as a client
// over HTTP, reading the database only to count what was stored. Each figure is written, next to the issue's
// "before" figure and the test that guards it, into the marked section of docs/security.md.
//
// The server trusts 127.0.0.1 as a reverse proxy (TISSE_TRUSTED_PROXIES), so the probe plays many clients through
// X-Forwarded-For (TEST-NET and benchmark addresses only; every socket stays on loopback). A password was checked
// when the answer is 401 (wrong) or 303 (right); a 429 is refused before any password work (log-in.ts).
// The machine is small and shared: timings are medians, and every step has a timeout.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type Db } from '../src/db/connect.ts';
import { POLICY_KEY } from '../src/forum/policy.ts';
import { createUser } from '../src/users/operations/create-user.ts';
import { table, writeMarkedSection } from './report.ts';
import { freePort } from './loopback.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE = '/benoit-hamon-en-visite-a-niort';
const ADMIN = { email: 'admin@example.org', password: 'motdepasse-probe' };
const POSTGRES_URL = process.env.TISSE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Seconds of each autocannon run; ROUNDS runs per cookie, alternating, median kept. */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = 3;
const CONNECTIONS = 32;
/** Samples per side for login timing (known vs unknown email). */
const TIMING_SAMPLES = Number(process.env.PROBE_TIMING_SAMPLES ?? 15);
/** The forum's minimum delay on this server (the default). */
const FORUM_DELAY_MS = 3_000;

type Dialect = 'sqlite' | 'postgres';

// ---------------------------------------------------------------- plumbing

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function within<T>(label: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function statusCount(statuses: number[]): string {
  const count = new Map<number, number>();
  for (const s of statuses) count.set(s, (count.get(s) ?? 0) + 1);
  return [...count].sort(([a], [b]) => a - b).map(([s, n]) => `${n} × ${s}`).join(', ');
}

interface Site {
  dialect: Dialect;
  child: ChildProcess;
  base: string;
  port: number;
  db: Db;
  /** fetch relative to the site, without following redirects, with a timeout. */
  get(path: string, init?: RequestInit, ms?: number): Promise<Response>;
  close(): Promise<void>;
}

async function startSite(dialect: Dialect): Promise<Site> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-probe-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (dialect === 'postgres') {
    // A fresh database per run, as test/helpers/database.ts makes them.
    const name = `tisse_probe_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await within('PostgreSQL', 10_000, admin.connect());
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(root, 'bin/tisse.js'), 'serve'], {
    env: {
      ...process.env,
      TISSE_WORKERS: '1',
      TISSE_DATA_DIR: dataDir,
      TISSE_HOST: '127.0.0.1',
      TISSE_PORT: String(port),
      TISSE_LOG_LEVEL: 'warn',
      TISSE_ADMIN_EMAIL: ADMIN.email,
      TISSE_ADMIN_PASSWORD: ADMIN.password,
      TISSE_TRUSTED_PROXIES: '127.0.0.1',
      TISSE_FORUM_MIN_SECONDS: String(FORUM_DELAY_MS / 1000),
      TISSE_PAGE_CACHE: 'on',
      TISSE_DATABASE_URL: databaseUrl ?? '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = performance.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(base + ARTICLE, { signal: AbortSignal.timeout(5_000) })).status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('server exited before answering');
    if (performance.now() > deadline) throw new Error('server did not serve the demo article within 120 s');
    await sleep(50);
  }
  const db = await openDatabase({ dataDir, databaseUrl });
  return {
    dialect,
    child,
    base,
    port,
    db,
    get: (path, init, ms = 60_000) => fetch(base + path, { redirect: 'manual', signal: AbortSignal.timeout(ms), ...init }),
    async close() {
      await db.close();
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const exited = new Promise((resolve) => child.once('exit', resolve));
        if ((await Promise.race([exited, sleep(10_000).then(() => 'late')])) === 'late') {
          child.kill('SIGKILL');
          await exited;
        }
      }
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function login(site: Site, email: string, password: string, client: string, cookie?: string): Promise<Response> {
  const response = await site.get('/ecrire/login', {
    method: 'POST',
    headers: {
      origin: site.base,
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': client,
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams({ email, password }),
  });
  await response.arrayBuffer();
  return response;
}

function cookieOf(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`));
}

interface Session {
  cookie: string;
  csrf: string;
}

async function adminSession(site: Site): Promise<Session> {
  const response = await login(site, ADMIN.email, ADMIN.password, '192.0.2.1');
  const cookie = cookieOf(response, 'tisse_session');
  if (response.status !== 303 || !cookie) throw new Error(`administrator login: ${response.status}`);
  const home = await (await site.get('/ecrire/', { headers: { cookie } })).text();
  return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(home)![1]! };
}

function postForm(site: Site, session: Session, path: string, fields: Record<string, string>, ms?: number): Promise<Response> {
  return site.get(
    path,
    {
      method: 'POST',
      headers: { origin: site.base, 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
      body: new URLSearchParams({ _csrf: session.csrf, ...fields }),
    },
    ms,
  );
}

// ---------------------------------------------------------------- the probes

/** Eight clients each announce and send a 45 MB login body at once; the server's RSS is sampled meanwhile. */
async function bigLogins(site: Site): Promise<{ before: number; peak: number; statuses: string; sentMiB: number }> {
  const pid = site.child.pid!;
  for (let i = 0; i < 20; i++) await (await site.get(ARTICLE)).arrayBuffer();
  await sleep(500);
  const before = rssMiB(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 10);
  const size = 45 * 1024 * 1024;
  const head = `POST /ecrire/login HTTP/1.1\r\nHost: 127.0.0.1:${site.port}\r\nOrigin: ${site.base}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${size}\r\n\r\nemail=`;
  const results = await Promise.all(Array.from({ length: 8 }, () => sendBody(site.port, head, size, 30_000)));
  await sleep(500);
  clearInterval(sampler);
  peak = Math.max(peak, rssMiB(pid));
  return { before, peak, statuses: statusCount(results.map((r) => r.status)), sentMiB: median(results.map((r) => r.sent / 2 ** 20)) };
}

/** Sends `head` and then `size` bytes until the server answers or closes; the status (0: none) and bytes sent. */
function sendBody(port: number, head: string, size: number, ms: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, '127.0.0.1');
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let received = '';
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0), sent });
    };
    const timer = setTimeout(finish, ms);
    socket.on('data', (data) => {
      received += data.toString('latin1');
      if (/^HTTP\/1\.1 \d{3}/.test(received)) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', async () => {
      socket.write(head);
      while (!done && sent < size) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += piece.length;
        if (!socket.write(piece)) await new Promise((resolve) => { socket.once('drain', resolve); socket.once('close', resolve); });
      }
    });
  });
}

/**
 * The reader of the preview probe, in a worker thread: the cached article every 20 ms until told to stop, then
 * how many answers came and the longest wait. In a thread of its own, so that the probe's own work (sending a
 * large body) never counts as the server's.
 */
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
parentPort.on('message', () => { stop = true; });
(async () => {
  let served = 0;
  let worst = 0;
  parentPort.postMessage('started');
  while (!stop) {
    const t = performance.now();
    try {
      await (await fetch(workerData.url, { signal: AbortSignal.timeout(60000) })).arrayBuffer();
      served++;
    } catch {}
    worst = Math.max(worst, performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  parentPort.postMessage({ served, worst });
})();
`;

/** A back-office preview of `text` while a reader asks for the cached article every 20 ms: time, status, reader's worst wait. */
async function previewUnderLoad(site: Site, session: Session, path: string, text: string): Promise<{ ms: number; status: number; served: number; worstMs: number }> {
  // The body is encoded before the clock starts: only sending it and the server's work are timed.
  const body = Buffer.from(new URLSearchParams({ _csrf: session.csrf, title: 'Table', sectionId: '1', text, apercu: '1' }).toString());
  const reader = new Worker(READER, { eval: true, workerData: { url: site.base + ARTICLE } });
  try {
    await new Promise((resolve) => reader.once('message', resolve));
    await sleep(200);
    const started = performance.now();
    let status = 0;
    try {
      const response = await site.get(
        path,
        { method: 'POST', headers: { origin: site.base, 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie }, body },
        120_000,
      );
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 0;
    }
    const ms = performance.now() - started;
    await sleep(100);
    const report = new Promise<{ served: number; worst: number }>((resolve) => reader.once('message', resolve));
    reader.postMessage('stop');
    const { served, worst } = await within('preview reader', 70_000, report);
    return { ms, status, served, worstMs: worst };
  } finally {
    await reader.terminate();
  }
}

async function requestsPerSecond(url: string, cookie?: string): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...(cookie ? { headers: { cookie } } : {}) });
  if (result.non2xx || result.errors) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return Math.round(result.requests.average);
}

async function count(db: Db, table: 'edit_locks' | 'articles'): Promise<number> {
  const row = await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function storedMessages(db: Db, text: string): Promise<number> {
  const row = await db.kysely.selectFrom('forum_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('text', '=', text).executeTakeFirstOrThrow();
  return Number(row.n);
}

function forumPost(site: Site, fields: Record<string, string>): Promise<Response> {
  return site.get('/forum/poster', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ title: '', link_url: '', ...fields }).toString(),
  });
}

function tokenIn(html: string): string {
  return /name="token" value="([^"]*)"/.exec(html)?.[1] ?? '';
}

type Figures = Record<string, string>;

async function probe(dialect: Dialect): Promise<Figures> {
  const f: Figures = {};
  const site = await startSite(dialect);
  const step = async (name: string, ms: number, work: () => Promise<void>) => {
    const started = performance.now();
    try {
      await within(name, ms, work());
    } catch (error) {
      f[name] = `not measured (${(error as Error).message})`;
      console.error(`[${dialect}] ${name}: ${(error as Error).message}`);
    }
    console.log(`[${dialect}] ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  try {
    // Memory first, on a server that has done nothing else yet (scrypt's 128 MiB per hash would blur it later).
    await step('rss', 90_000, async () => {
      const r = await bigLogins(site);
      f.rss = `RSS ${r.before.toFixed(0)} → peak ${r.peak.toFixed(0)} MB (${r.statuses}, after ${r.sentMiB.toFixed(0)} MB sent, median)`;
    });

    const admin = await adminSession(site);
    const articleId = (await site.db.kysely.selectFrom('articles').select('id').where('slug', '=', ARTICLE.slice(1)).executeTakeFirstOrThrow()).id;
    const sectionId = (await site.db.kysely.selectFrom('sections').select('id').orderBy('id').executeTakeFirstOrThrow()).id;

    await step('preview', 240_000, async () => {
      const table10 = '| a | b |\n'.repeat(1_000_000);
      const editor = await previewUnderLoad(site, admin, '/ecrire/articles/nouveau', table10);
      const endpoint = await previewUnderLoad(site, admin, '/ecrire/articles/apercu', table10);
      const largest = await previewUnderLoad(site, admin, '/ecrire/articles/apercu', '| a | b |\n'.repeat(19_999));
      const show = (r: Awaited<ReturnType<typeof previewUnderLoad>>) =>
        `${r.status} in ${r.ms.toFixed(0)} ms, reader's worst wait ${r.worstMs.toFixed(0)} ms`;
      f.preview = `editor form (10 MB): ${show(editor)}; preview endpoint (10 MB): ${show(endpoint)}; largest previewed (200,000 chars): ${show(largest)}`;
    });

    await step('cookie', 120_000, async () => {
      const none: number[] = [];
      const bogus: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        none.push(await requestsPerSecond(site.base + ARTICLE));
        bogus.push(await requestsPerSecond(site.base + ARTICLE, 'tisse_session=bogus'));
      }
      f.cookie = `${median(none).toLocaleString('en')} req/s without cookie, ${median(bogus).toLocaleString('en')} with \`tisse_session=bogus\``;
    });

    await step('lock', 30_000, async () => {
      const before = await count(site.db, 'edit_locks');
      const opened = await site.get(`/ecrire/articles/${articleId}`, { headers: { cookie: admin.cookie } });
      await opened.arrayBuffer();
      const afterGet = await count(site.db, 'edit_locks');
      const locked = await postForm(site, admin, `/ecrire/articles/${articleId}/verrou`, {});
      await locked.arrayBuffer();
      const afterPost = await count(site.db, 'edit_locks');
      f.lock = `GET ${opened.status}: ${afterGet - before} lock written; POST …/verrou ${locked.status}: ${afterPost - afterGet}`;
    });

    await step('input', 60_000, async () => {
      const before = await count(site.db, 'articles');
      const base = { title: 'Sonde', sectionId: String(sectionId) };
      const forms: Record<string, string>[] = [
        { writtenAt: 'abc' },
        { sectionId: 'abc' },
        { text: 'nul \u0000 ici' },
        { authorIds: '99999999999999999999' },
      ];
      const statuses: number[] = [];
      for (const bad of forms) {
        const response = await postForm(site, admin, '/ecrire/articles/nouveau', { ...base, ...bad });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      for (const path of ['/ecrire/articles/99999999999999999999', '/spip.php?id_article=99999999999999999999', '/auteur/e%00', `/forum/ecrire/${articleId}?repondre=abc`]) {
        const response = await site.get(path, { headers: { cookie: admin.cookie } });
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      f.input = `${statusCount(statuses)}; ${(await count(site.db, 'articles')) - before} draft written`;

      const dated: number[] = [];
      for (const publishedAt of ['2024-02-30T10:00', '+275760-09-13T00:00']) {
        const response = await postForm(site, admin, '/ecrire/articles/nouveau', { ...base, title: 'Datée', publishedAt });
        await response.arrayBuffer();
        dated.push(response.status);
      }
      f.dates = `2024-02-30: ${dated[0]}, +275760-09-13: ${dated[1]}; ${(await count(site.db, 'articles')) - before} article written`;
    });

    await step('reset', 30_000, async () => {
      const started = new Date(Date.now() - 1000).toISOString();
      const asked = await site.get('/ecrire/mot-de-passe-oublie', {
        method: 'POST',
        headers: { origin: site.base, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.50' },
        body: new URLSearchParams({ email: ADMIN.email }),
      });
      await asked.arrayBuffer();
      const jobs = await site.db.kysely.selectFrom('jobs').select('payload').where('created_at', '>=', started).execute();
      const links = jobs.flatMap((job) => [...job.payload.matchAll(/\/ecrire\/reinitialiser\/([A-Za-z0-9_-]+)/g)].map((m) => m[1]!));
      const opened: number[] = [];
      for (const token of links) {
        const response = await site.get(`/ecrire/reinitialiser/${token}`);
        await response.arrayBuffer();
        opened.push(response.status);
      }
      const works = opened.filter((s) => s === 200).length;
      f.reset = `request ${asked.status}; ${jobs.length} job(s) queued, ${links.length} link(s) in jobs.payload, ${works} of them open the reset form${opened.length ? ` (${statusCount(opened)})` : ''}`;
    });

    await step('forum', 60_000, async () => {
      // Posts come from loopback: the per-address and per-email limits are raised, as an operator would for a load test.
      await site.db.write((trx) =>
        trx
          .insertInto('settings')
          .values({ key: POLICY_KEY, value: JSON.stringify({ perIp: { count: 100_000, minutes: 1 }, perEmail: { count: 100_000, minutes: 1 } }), updated_at: new Date().toISOString() })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') }))
          .execute(),
      );
      const who = (n: string) => ({ article: String(articleId), name: `Sonde ${n}`, email: `sonde-${n}@example.net` });
      // A bot: the cached article page, its form posted 14 ms later, then the same token again.
      await (await site.get(ARTICLE)).arrayBuffer();
      const page = await (await site.get(ARTICLE)).text();
      const held = tokenIn(page);
      await sleep(14);
      const botText = `Message de robot ${dialect} : achetez maintenant.`;
      const first = await forumPost(site, { ...who('robot'), token: held, text: botText, step: 'send' });
      await first.arrayBuffer();
      const again = await forumPost(site, { ...who('robot'), token: held, text: `${botText} Encore.`, step: 'send' });
      await again.arrayBuffer();
      const botStored = (await storedMessages(site.db, botText)) + (await storedMessages(site.db, `${botText} Encore.`));
      // A bot that fetches the token of one view as the page's script would, and posts 14 ms later.
      const jeton = await (await site.get(`/forum/jeton?article=${articleId}`)).text();
      await sleep(14);
      const quick = await forumPost(site, { ...who('robot2'), token: jeton, text: `${botText} Vite.`, step: 'send' });
      await quick.arrayBuffer();
      f.bot = `cached page carries a token: ${held ? 'yes' : 'no'}; its form posted 14 ms later: ${first.status}, again: ${again.status}, ${botStored} stored; a /forum/jeton token posted 14 ms later: ${quick.status}, ${await storedMessages(site.db, `${botText} Vite.`)} stored`;

      // A quick human: the form, 3.2 s of reading and typing, the preview, then « Message définitif » at once.
      const form = await (await site.get(`/forum/ecrire/${articleId}`)).text();
      const humanText = `Message de lectrice ${dialect} : merci pour ce compte rendu.`;
      await sleep(FORUM_DELAY_MS + 200);
      const preview = await forumPost(site, { ...who('humaine'), token: tokenIn(form), text: humanText, step: 'preview' });
      const previewToken = tokenIn(await preview.text());
      const previewedAt = performance.now();
      const sent = await forumPost(site, { ...who('humaine'), token: previewToken, text: humanText, step: 'send' });
      await sent.arrayBuffer();
      f.definitif = `« Message définitif » ${(performance.now() - previewedAt).toFixed(0)} ms after the preview: ${sent.status}, ${await storedMessages(site.db, humanText)} stored`;

      // 20 identical comments at once, each with the token of its own view, past the delay.
      const tokens = await Promise.all(Array.from({ length: 20 }, async () => (await site.get(`/forum/jeton?article=${articleId}`)).text()));
      await sleep(FORUM_DELAY_MS + 200);
      const sameText = `Message identique ${dialect} : vingt fois le même.`;
      const answers = await Promise.all(tokens.map((token) => forumPost(site, { ...who('double'), token, text: sameText, step: 'send' })));
      await Promise.all(answers.map((a) => a.arrayBuffer()));
      f.duplicates = `${await storedMessages(site.db, sameText)} stored (${statusCount(answers.map((a) => a.status))})`;
    });

    // Logins. Each scenario uses its own account and its own client addresses, so no scenario's throttling
    // leaks into another's.
    await step('parallel', 120_000, async () => {
      await createUser(site.db, { email: 'cible40@example.org', name: 'Cible 40', role: 'editor', password: 'le-bon-secret' });
      const guesses = Array.from({ length: 39 }, (_, i) => `mauvais-${i}`).concat('le-bon-secret');
      const answers = await Promise.all(guesses.map((password, i) => login(site, 'cible40@example.org', password, `198.18.0.${i + 1}`)));
      const session = answers[39]!.status === 303;
      const checked = answers.filter((a) => a.status === 401 || a.status === 303).length;
      f.parallel = `${checked} passwords checked (${statusCount(answers.map((a) => a.status))}); the right one, last: ${answers[39]!.status}${session ? ' (session)' : ', no session'}`;
    });

    await step('burst', 180_000, async () => {
      await createUser(site.db, { email: 'cible300@example.org', name: 'Cible 300', role: 'editor', password: 'le-bon-secret' });
      const varied = await Promise.all(Array.from({ length: 300 }, (_, i) => login(site, 'cible300@example.org', `mauvais-${i}`, `198.19.${i >> 8}.${(i & 255) + 1}`)));
      await createUser(site.db, { email: 'cible300b@example.org', name: 'Cible 300 b', role: 'editor', password: 'le-bon-secret' });
      const single = await Promise.all(Array.from({ length: 300 }, (_, i) => login(site, 'cible300b@example.org', `mauvais-${i}`, '192.0.2.77')));
      const checked = (answers: Response[]) => answers.filter((a) => a.status === 401).length;
      f.burst = `${checked(varied)} of 300 checked from 300 addresses (${statusCount(varied.map((a) => a.status))}); ${checked(single)} of 300 from one address`;
    });

    await step('lockout', 60_000, async () => {
      await createUser(site.db, { email: 'tenace@example.org', name: 'Tenace', role: 'editor', password: 'le-bon-secret' });
      const first = await login(site, 'tenace@example.org', 'le-bon-secret', '192.0.2.10');
      const device = cookieOf(first, 'tisse_device');
      for (let i = 0; i < 5; i++) await login(site, 'tenace@example.org', `mauvais-${i}`, `203.0.113.${10 + i}`);
      const known = await login(site, 'tenace@example.org', 'le-bon-secret', '192.0.2.10', device);
      const stranger = await login(site, 'tenace@example.org', 'le-bon-secret', '192.0.2.99');
      f.lockout = `known browser (device cookie): ${known.status}; new browser: ${stranger.status}, Retry-After ${stranger.headers.get('retry-after') ?? '—'} s`;
    });

    await step('timing', 240_000, async () => {
      // One fresh account per known sample: a wrong password on it is its first attempt, never throttled.
      const emails = Array.from({ length: TIMING_SAMPLES + 1 }, (_, i) => `connue-${i}@example.org`);
      for (let i = 0; i < emails.length; i += 4) {
        await Promise.all(emails.slice(i, i + 4).map((email) => createUser(site.db, { email, name: email, role: 'editor', password: 'le-bon-secret' })));
      }
      const timed = async (email: string, client: string) => {
        const started = performance.now();
        const response = await login(site, email, 'mauvais', client);
        if (response.status !== 401) throw new Error(`timing sample answered ${response.status}`);
        return performance.now() - started;
      };
      // A warm-up pair, then samples interleaved, each from its own address.
      await timed(emails[0]!, '100.64.0.1');
      await timed('inconnue-0@example.org', '100.64.0.2');
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 1; i <= TIMING_SAMPLES; i++) {
        known.push(await timed(emails[i]!, `100.64.1.${i}`));
        unknown.push(await timed(`inconnue-${i}@example.org`, `100.64.2.${i}`));
      }
      f.timing = `${median(known).toFixed(0)} ms known vs ${median(unknown).toFixed(0)} ms unknown (medians of ${TIMING_SAMPLES})`;
    });
  } finally {
    await site.close();
  }
  return f;
}

// ---------------------------------------------------------------- the report

interface Row {
  finding: string;
  before: string;
  key: string;
  test: string;
}

const rows: Row[] = [
  {
    finding: '40 parallel logins on one account, right password last',
    before: '39 × 401, then a session',
    key: 'parallel',
    test: '`src/admin/login-routes.test.ts` « 39 wrong guesses and the right password last, in parallel… »',
  },
  {
    finding: 'Burst of 300 wrong logins on one account',
    before: '233 passwords checked',
    key: 'burst',
    test: '`src/admin/login-routes.test.ts` « 300 parallel guesses on one account, from 300 addresses… »',
  },
  {
    finding: 'Right password after 5 wrong ones',
    before: '429 for 15 minutes, from anywhere',
    key: 'lockout',
    test: '`src/admin/login-routes.test.ts` « under attack, the owner’s known browser still logs in… »; `src/users/operations/log-in.test.ts` « past the account’s budget, attempts wait a delay that doubles… »',
  },
  {
    finding: 'Login time, known vs unknown email (wrong password)',
    before: '126 ms vs 15 ms',
    key: 'timing',
    test: '`src/users/operations/log-in.test.ts` « an unknown email takes about as long to refuse as a wrong password… »',
  },
  {
    finding: 'Password reset links at rest',
    before: 'in plain text in `jobs.payload`',
    key: 'reset',
    test: '`src/users/operations/password-reset.test.ts` « the outbox holds no link; the mailed link works once… »',
  },
  {
    finding: 'Bot posting a cached page’s form 14 ms later, twice',
    before: 'accepted, and the same token accepted again',
    key: 'bot',
    test: '`test/forum/anti-spam.test.ts` « item 5: a cached article page carries no token… », « item 5: the token of one view… »',
  },
  {
    finding: '« Message définitif » < 3 s after the preview',
    before: 'rejected',
    key: 'definitif',
    test: '`test/forum/anti-spam.test.ts` « item 6: a quick human… »',
  },
  {
    finding: '20 identical comments at once',
    before: '6 stored on PostgreSQL, 1 on SQLite',
    key: 'duplicates',
    test: '`test/forum/anti-spam.test.ts` « item 7: 20 identical posts at once store one message… »',
  },
  {
    finding: 'Bad inputs (writtenAt=abc, sectionId=abc, NUL, huge ids in URLs…)',
    before: '500 or half-written drafts',
    key: 'input',
    test: '`test/input.test.ts` « item 9 » (three tests); `test/fuzz.test.ts` (every route)',
  },
  {
    finding: 'Dates 2024-02-30 and +275760-09-13',
    before: 'stored as 1 March; public now',
    key: 'dates',
    test: '`test/input.test.ts` « item 10: dates are real calendar dates… »; `src/kernel/input.test.ts`',
  },
  {
    finding: '8 concurrent anonymous 45 MB `POST /ecrire/login`',
    before: 'RSS 121 → 769 MB',
    key: 'rss',
    test: '`test/input.test.ts` « item 11: a body over the route’s limit is answered 413 before it is read »',
  },
  {
    finding: 'Editor preview of a 10 MB table',
    before: 'event loop blocked 19 s',
    key: 'preview',
    test: '`test/input.test.ts` « item 12: a preview too long to render on request is refused at once »',
  },
  {
    finding: 'Cached page with `Cookie: tisse_session=bogus`',
    before: '588 req/s instead of 24,434',
    key: 'cookie',
    test: '`test/input.test.ts` « item 12: only a valid session cookie bypasses the page cache »',
  },
  {
    finding: '`GET /ecrire/articles/:id`',
    before: 'wrote an edit lock',
    key: 'lock',
    test: '`test/input.test.ts` « item 13: opening the editor writes nothing… »',
  },
  {
    finding: 'PostgreSQL change listener after a lost connection',
    before: 'never reconnects; connections double 2 → 4 → 8 → 16',
    key: 'listener',
    test: '`test/postgres-restart.test.ts` (PostgreSQL only) « the listener’s backend terminated while connections are refused… », « three losses in a row leave one listening connection, not 2, 4, 8 »',
  },
  {
    finding: 'Jobs of a killed process',
    before: '`running` for 10 minutes',
    key: 'jobs',
    test: '`src/jobs/runner.test.ts` « the jobs of a killed process go back to the queue at a peer’s first sweep after three missed heartbeats »',
  },
];

const notProbed: Record<string, string> = {
  listener: 'not probed here: needs the listener’s backend terminated while the database refuses connections; the test does it',
  jobs: 'not probed here: needs a runner killed while it holds a job; the test does it',
};

const dialects = (process.env.PROBE_DIALECTS ?? 'sqlite,postgres').split(',') as Dialect[];
const results: Partial<Record<Dialect, Figures>> = {};
spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
for (const dialect of dialects) {
  try {
    results[dialect] = await probe(dialect);
  } catch (error) {
    console.error(`[${dialect}] probe failed: ${(error as Error).stack}`);
    results[dialect] = {};
  }
}

const cell = (dialect: Dialect, key: string) => notProbed[key] ?? results[dialect]?.[key] ?? 'not measured (the run failed before this step)';
const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || '?';
const body = [
  '## Probe figures, before and now',
  '',
  `- Command: \`npm run bench -- security-probe\` (bench/security-probe.ts)`,
  `- Machine: ${nproc} cores (\`nproc\`), Node ${process.version}, PostgreSQL at ${new URL(POSTGRES_URL).host}; load average when the run ended ${loadavg().map((l) => l.toFixed(1)).join(', ')}`,
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  '',
  'Generated by the bench: do not edit by hand. "Before" is the issue 15 probe on the old code; "now" is this tree,',
  'a server in a child process on loopback, once on SQLite and once on a fresh PostgreSQL database. The machine is',
  `small and shared with other work: timings are medians (login timing of ${TIMING_SAMPLES} samples a side, requests per`,
  `second of ${ROUNDS} autocannon runs of ${SECONDS} s, ${CONNECTIONS} connections) and move from run to run. A password was`,
  'checked when the answer was 401 or 303; 429 answers are refused before any password work. The server trusts',
  '127.0.0.1 as its reverse proxy, so the probe plays its clients through `X-Forwarded-For`. Forum delay: 3 s (the',
  'default); per-address and per-email forum limits raised for the run, as for a load test.',
  '',
  table(
    ['Probe finding', 'Before', 'Now, SQLite', 'Now, PostgreSQL', 'Guarded by'],
    rows.map((row) => [row.finding, row.before, cell('sqlite', row.key), cell('postgres', row.key), row.test]),
  ),
].join('\n');
writeMarkedSection(join(root, 'docs', 'security.md'), 'security-probe', body, '# Security\n');
console.log(body);
if (dialects.some((d) => Object.keys(results[d] ?? {}).length === 0 || Object.values(results[d]!).some((v) => v.startsWith('not measured')))) process.exitCode = 1;
