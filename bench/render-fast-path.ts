// Issue 19's figures: the demo article page rendered from the database (TISSE_PAGE_CACHE=off), from the page
// cache, and for a logged-in team member, with the server's CPU time per page, against nginx serving the same HTML
// in the same run; then what a glossary edit costs on a site of 10,000 articles (the renders it drops and their
// making anew). BENCH_COMPARE_ROOT=<another checkout> measures that tree too, pair by pair with this one
// (before, after, before, after), so a noisy machine moves both alike.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pino from 'pino';
import { table, writeBenchSection } from './report.ts';
import { freePort, waitForAnswer } from './loopback.ts';
import { cpuSeconds, shortCommit } from './processes.ts';
import { serveStaticWithNginx } from './nginx.ts';
import { hasWrk, wrkLoad } from './wrk.ts';
import { fill } from './_back-office-data.ts';
import { startTestSite } from '../test/helpers/site.ts';
import { createTestDatabase } from '../test/helpers/database.ts';
import { saveTerm } from '../src/glossary/index.ts';
import { createArticle, updateArticle } from '../src/articles/index.ts';
import { createSection } from '../src/sections/index.ts';
import { loadActor } from '../src/users/index.ts';
import { refreshStaleRenders } from '../src/web/refresh-renders.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE = '/benoit-hamon-en-visite-a-niort';
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 16;

interface Served {
  child: ChildProcess;
  url: string;
}

async function serve(tree: string, dataDir: string, env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(tree, 'bin/tisse.js'), 'serve'], {
    env: { ...process.env, TISSE_WORKERS: '1', TISSE_DATA_DIR: dataDir, TISSE_PORT: String(port), TISSE_LOG_LEVEL: 'warn', TISSE_ADMIN_EMAIL: 'admin@example.org', TISSE_ADMIN_PASSWORD: 'motdepasse-bench', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForAnswer(child, url + ARTICLE);
  return { child, url };
}

async function stop(served: Served): Promise<void> {
  served.child.kill('SIGTERM');
  await new Promise((resolve) => served.child.once('exit', resolve));
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU per request, µs. */
  cpuMicros?: number;
}

/** One run against `url` with wrk when installed (bench/wrk.ts), else autocannon; the server's CPU per request when `pid` is given. */
async function load(url: string, pid?: number, cookie?: string): Promise<Load> {
  const before = pid ? cpuSeconds(pid) : 0;
  const headers = cookie ? { cookie } : undefined;
  let out: Load;
  let total: number;
  const wrk = wrkLoad(url, { connections: CONNECTIONS, seconds: DURATION, ...(headers ? { headers } : {}) });
  if (wrk) {
    if (wrk.errors) throw new Error(`${url}: ${wrk.errors} errors or non-2xx answers`);
    out = { rps: wrk.rps, p50: wrk.p50, p99: wrk.p99 };
    total = wrk.total;
  } else {
    const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...(headers ? { headers } : {}) });
    if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    out = { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
    total = result.requests.total;
  }
  if (pid) out.cpuMicros = Math.round(((cpuSeconds(pid) - before) * 1e6) / total);
  return out;
}

async function logIn(url: string): Promise<string> {
  const response = await fetch(`${url}/ecrire/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'admin@example.org', password: 'motdepasse-bench' }),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

interface TreeFigures {
  uncached: Load;
  cached: Load;
  session: Load;
  /** The page from the database on PostgreSQL (TISSE_TEST_POSTGRES_URL set), a fresh demo database of its own. */
  uncachedPostgres?: Load;
  html: string;
}

async function measure(tree: string): Promise<TreeFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-bench-fast-'));
  try {
    const uncachedServer = await serve(tree, dataDir, { TISSE_PAGE_CACHE: 'off' });
    const html = await (await fetch(uncachedServer.url + ARTICLE)).text();
    const uncached = await load(uncachedServer.url + ARTICLE, uncachedServer.child.pid);
    await stop(uncachedServer);
    const server = await serve(tree, dataDir, {});
    const cached = await load(server.url + ARTICLE, server.child.pid);
    const session = await load(server.url + ARTICLE, server.child.pid, await logIn(server.url));
    await stop(server);
    return { uncached, cached, session, html, ...(process.env.TISSE_TEST_POSTGRES_URL ? { uncachedPostgres: await uncachedOnPostgres(tree) } : {}) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function uncachedOnPostgres(tree: string): Promise<Load> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-bench-fast-pg-'));
  try {
    const server = await serve(tree, dataDir, { TISSE_PAGE_CACHE: 'off', TISSE_DATABASE_URL: database.url });
    try {
      return await load(server.url + ARTICLE, server.child.pid);
    } finally {
      await stop(server);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

/** A glossary term added on a site of 10,000 articles: its save (the renders it may reach dropped), then those made anew. */
async function glossaryEdit(dialect: 'sqlite' | 'postgres'): Promise<(string | number)[]> {
  const site = await startTestSite(dialect, { demo: false });
  try {
    await fill(site);
    const log = pino({ level: 'silent' });
    const all = await refreshStaleRenders(site.db, log).done;
    const stored = async () => Number((await site.db.kysely.selectFrom('article_renders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows: (string | number)[] = [dialect, all.articles];
    for (const term of ['Tontine', 'Mutuelle']) {
      const before = await stored();
      const started = performance.now();
      await saveTerm(site.db, { term, definition: `Définition de ${term.toLowerCase()}.` });
      const saveMs = performance.now() - started;
      const dropped = before - (await stored());
      const remade = performance.now();
      await refreshStaleRenders(site.db, log).done;
      rows.push(`${saveMs.toFixed(0)} ms, ${dropped} dropped, made anew in ${((performance.now() - remade) / 1000).toFixed(1)} s`);
    }
    return rows;
  } finally {
    await site.close();
  }
}

/**
 * The issue's bad input: on a glossary of 10,000 terms, a term saved and an article saved (through the editor's
 * operation) then rendered; an article citing 1,000 other articles by [->artN], saved then rendered.
 */
async function largeSaves(dialect: 'sqlite' | 'postgres'): Promise<(string | number)[]> {
  const site = await startTestSite(dialect, { demo: false });
  try {
    const section = await createSection(site.db, { title: 'Analyses' });
    const admin = await loadActor(site.db, { id: (await site.db.kysely.selectFrom('users').select('id').executeTakeFirstOrThrow()).id, role: 'administrator' });
    const at = new Date().toISOString();
    const terms = Array.from({ length: 10_000 }, (_, i) => ({ term: `Notion ${i} du lexique`, slug: `notion-${i}-du-lexique`, variants: '[]', definition: `Définition ${i}.`, presentation: '', link_url: '', created_at: at, updated_at: at }));
    await site.db.write(async (trx) => {
      for (let i = 0; i < terms.length; i += 500) await trx.insertInto('glossary_terms').values(terms.slice(i, i + 500)).execute();
    });
    const targets: number[] = [];
    for (let i = 0; i < 1_000; i++) targets.push((await createArticle(site.db, { sectionId: section.id, title: `Article cité ${i}`, status: 'published' })).id);
    const timed = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return `${(performance.now() - started).toFixed(0)} ms`;
    };
    const glossaryText = Array.from({ length: 200 }, (_, i) => `La notion ${i * 37} du lexique éclaire la suivante.`).join('\n\n');
    const linksText = targets.map((id) => `[->art${id}]`).join(', ');
    const edited = await createArticle(site.db, { sectionId: section.id, title: 'Lexique en action', status: 'published' });
    const linking = await createArticle(site.db, { sectionId: section.id, title: 'Mille renvois', status: 'published' });
    const form = (title: string, text: string) => ({ title, text, sectionId: String(section.id) });
    const termSave = await timed(() => saveTerm(site.db, { term: 'Tontine', definition: 'Épargne tournante.' }));
    const glossarySave = await timed(() => updateArticle(site.db, admin, edited.id, form('Lexique en action', glossaryText)));
    const glossaryRender = await timed(() => site.get(`/${edited.slug}`).then((r) => r.text()));
    const linksSave = await timed(() => updateArticle(site.db, admin, linking.id, form('Mille renvois', linksText)));
    const linksRender = await timed(() => site.get(`/${linking.slug}`).then((r) => r.text()));
    return [dialect, termSave, glossarySave, glossaryRender, linksSave, linksRender];
  } finally {
    await site.close();
  }
}

const compare = process.env.BENCH_COMPARE_ROOT;

const trees: [string, string][] = [...(compare ? ([[process.env.BENCH_COMPARE_LABEL ?? `before (${shortCommit(compare)})`, compare]] as [string, string][]) : []), ['this tree', root]];
for (const [, tree] of trees) spawnSync(process.execPath, [join(tree, 'scripts/build.mjs')], { stdio: 'inherit' });
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const figures = new Map<string, TreeFigures[]>();
for (let round = 0; round < rounds; round++) {
  for (const [label, tree] of trees) {
    const list = figures.get(label) ?? [];
    list.push(await measure(tree));
    figures.set(label, list);
  }
}
const nginxServer = await serveStaticWithNginx(figures.get('this tree')![0]!.html);
const nginx = nginxServer ? await load(nginxServer.url) : undefined;
await nginxServer?.stop();

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const pct = (rps: number) => (nginx ? `${((rps / nginx.rps) * 100).toFixed(1)} %` : '—');
const rows: (string | number)[][] = [];
for (const [label] of trees) {
  const runs = figures.get(label)!;
  for (const kind of ['uncached', 'uncachedPostgres', 'cached', 'session'] as const) {
    if (runs.some((r) => !r[kind])) continue;
    const rps = median(runs.map((r) => r[kind]!.rps));
    rows.push([
      label,
      {
        uncached: 'Page cache off (rendered from the database)',
        uncachedPostgres: 'Page cache off, on PostgreSQL (its own CPU not counted)',
        cached: 'Page cache on',
        session: 'Logged-in team member (valid session cookie)',
      }[kind],
      runs.map((r) => r[kind]!.rps).join(' / '),
      pct(rps),
      median(runs.map((r) => r[kind]!.p50)),
      median(runs.map((r) => r[kind]!.p99)),
      median(runs.map((r) => r[kind]!.cpuMicros ?? 0)),
    ]);
  }
}
const dialects: ('sqlite' | 'postgres')[] = ['sqlite', ...(process.env.TISSE_TEST_POSTGRES_URL ? (['postgres'] as const) : [])];
const glossary: (string | number)[][] = [];
const saves: (string | number)[][] = [];
for (const dialect of dialects) {
  glossary.push(await glossaryEdit(dialect));
  saves.push(await largeSaves(dialect));
}

const body = [
  `${hasWrk ? 'wrk (-t1, C: bench/wrk.ts)' : 'autocannon (wrk not installed: it holds fast servers, nginx included, near 10,000 req/s)'} on loopback, ${CONNECTIONS} connections, ${DURATION} s per run, ${rounds} rounds alternating the trees; the demo article (${Math.round(figures.get('this tree')![0]!.html.length / 1024)} KB). Requests/s of each round, then the medians' ratio to nginx serving the same HTML in the same run${nginx ? ` (${nginx.rps} req/s, p99 ${nginx.p99} ms)` : ' (nginx not installed)'}. Server CPU per request from /proc (user + system) over the run.`,
  '',
  table(['Tree', 'Article page', 'Requests/s per round', 'Median vs nginx', 'p50 (ms)', 'p99 (ms)', 'Server CPU µs/request'], rows),
  '',
  'A glossary term added on a site of 10,000 articles (bench/_back-office-data.ts: every published article rendered and stored first). "Tontine" appears in no text; "Mutuelle" in many. The save includes dropping the renders the term may reach (db/article-renders.ts); those are then made anew by the start-up refresh (web/refresh-renders.ts), as readers would otherwise on their first visit.',
  '',
  table(['Database', 'Renders stored first', 'Term in no text', 'Term in many texts'], glossary),
  '',
  'Large inputs (the issue\'s bad input: saves under a second). A glossary of 10,000 terms: a term added, then an article of 200 paragraphs naming 200 of them saved through the editor\'s operation (updateArticle: validation, revision, the stored render dropped) and its page rendered uncached (the terms found and marked, the render stored). Then an article citing 1,000 published articles by `[->artN]`: saved, and its page rendered (every link resolved to a title and address).',
  '',
  table(['Database', 'Term added (10,000 in the glossary)', 'Article saved (200 terms named)', 'Its page rendered', 'Article saved (1,000 links)', 'Its page rendered'], saves),
  '',
  `Machine load average when the run ended: ${loadavg().map((l) => l.toFixed(1)).join(', ')}.`,
].join('\n');
writeBenchSection('render-fast-path', 'Render fast path (bench/render-fast-path.ts, issue 19)', 'BENCH_COMPARE_ROOT=<checkout before> npm run bench -- render-fast-path', body);
console.log(body);
