// Backup and restore at scale (issue 21): bench/_back-office-data.ts's site (10,000 articles, 100,000 forum
// messages), backed up and restored in a process of its own (time and peak RSS, beside the same process doing
// nothing), on SQLite and PostgreSQL; then an article page's throughput, in the same run, idle, while `tisse
// backup` runs in another process (backups one after the other for the whole measure), and while the backup runs
// inside the server's process (as the scheduled job does).
// Usage: node --import tsx bench/backup.ts   (PostgreSQL runs when TISSE_BENCH_POSTGRES_URL or TISSE_TEST_POSTGRES_URL is set)
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDialect } from '../test/helpers/database.ts';
import { startTestSite, type TestSite } from '../test/helpers/site.ts';
import { createBackup } from '../src/backup/index.ts';
import { pathFor, setCurrentPath } from '../src/urls/index.ts';
import { ARTICLES, MESSAGES, fill } from './_back-office-data.ts';
import { table, writeBenchSection } from './report.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const DURATION = 8;
const CONNECTIONS = 10;

interface ChildFigures {
  ms: number;
  maxRssMb: number;
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TISSE_LOG_LEVEL: 'silent' } }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
  });
}

async function child(...args: string[]): Promise<ChildFigures> {
  const out = await run(process.execPath, ['--import', 'tsx', join(here, '_backup-child.ts'), ...args]);
  return JSON.parse(out.trim().split('\n').pop()!) as ChildFigures;
}

/** autocannon in a process of its own, so that the load generator does not share the server's event loop. */
async function requestsPerSecond(url: string): Promise<{ rps: number; p99: number; errors: number }> {
  const out = await run(join(here, '..', 'node_modules', '.bin', 'autocannon'), ['-c', String(CONNECTIONS), '-d', String(DURATION), '-j', url]);
  const result = JSON.parse(out) as { requests: { average: number }; latency: { p99: number }; errors: number; non2xx: number };
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/** Runs `backup` again and again until `measure` ends; returns how many backups ran during it. */
async function whileBackingUp(measure: Promise<unknown>, backup: () => Promise<unknown>): Promise<number> {
  let done = false;
  let count = 0;
  void measure.finally(() => (done = true));
  while (!done) {
    await backup();
    count++;
  }
  return count;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await work();
  return performance.now() - began;
}

async function sqliteReference(site: TestSite, work: string): Promise<DialectFigures['reference']> {
  const dumpMs = (await child('vacuum', site.config.dataDir, '-', join(work, 'vacuum.sqlite'))).ms;
  return { name: '`VACUUM INTO` (a SQLite file; restoring is copying it)', dumpMs, restoreMs: null };
}

async function postgresReference(url: string, work: string): Promise<DialectFigures['reference']> {
  const file = join(work, 'dump.pgc');
  const dumpMs = await timed(() => run('pg_dump', ['-Fc', '-f', file, url]));
  const target = await createTestDatabase();
  try {
    const restoreMs = await timed(() => run('pg_restore', ['--no-owner', '-d', target.url, file]));
    return { name: '`pg_dump -Fc` / `pg_restore` (PostgreSQL only)', dumpMs, restoreMs };
  } finally {
    await target.drop();
  }
}

interface DialectFigures {
  dialect: TestDialect;
  rows: number;
  archiveMb: number;
  backup: ChildFigures;
  restore: ChildFigures;
  idleProcess: ChildFigures;
  reference: { name: string; dumpMs: number; restoreMs: number | null };
  idle: Awaited<ReturnType<typeof requestsPerSecond>>;
  idleAgain: Awaited<ReturnType<typeof requestsPerSecond>>;
  otherProcess: Awaited<ReturnType<typeof requestsPerSecond>> & { backups: number };
  sameProcess: Awaited<ReturnType<typeof requestsPerSecond>> & { backups: number };
}

async function benchDialect(dialect: TestDialect): Promise<DialectFigures> {
  const work = mkdtempSync(join(tmpdir(), 'tisse-bench-backup-'));
  let site: TestSite | undefined;
  try {
    site = await startTestSite(dialect, { demo: false });
    console.log(`[${dialect}] generating ${ARTICLES} articles and ${MESSAGES} messages…`);
    await fill(site);
    const url = site.config.databaseUrl ?? '-';
    const archive = join(work, 'site.tar.gz');
    console.log(`[${dialect}] backup…`);
    const backup = await child('backup', site.config.dataDir, url, archive);
    const idleProcess = await child('idle');
    // Same-run references: each database's own copy (not portable to the other database, and no documents).
    const reference = dialect === 'sqlite' ? await sqliteReference(site, work) : await postgresReference(site.config.databaseUrl!, work);
    const target = mkdtempSync(join(tmpdir(), 'tisse-bench-restored-'));
    const database = dialect === 'postgres' ? await createTestDatabase() : undefined;
    console.log(`[${dialect}] restore…`);
    const restore = await child('restore', target, database?.url ?? '-', archive);
    await database?.drop();
    rmSync(target, { recursive: true, force: true });

    // The generated articles have no public path (bulk rows): the measured one gets its path as an edit would give it.
    const article = await site.db.kysely.selectFrom('articles').select(['id', 'slug']).where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
    await site.db.write((trx) => setCurrentPath(trx, 'article', article.id, pathFor('article', article.slug)));
    const page = `${site.url}/${article.slug}`;
    const warm = await site.get(`/${article.slug}`);
    if (warm.status !== 200) throw new Error(`${page} answers ${warm.status}`);
    console.log(`[${dialect}] ${page}: idle, backup in another process, backup in the server's process…`);
    const idle = await requestsPerSecond(page);
    const other = requestsPerSecond(page);
    const otherBackups = await whileBackingUp(other, () => child('backup', site!.config.dataDir, url, join(work, 'again.tar.gz')));
    const same = requestsPerSecond(page);
    const sameBackups = await whileBackingUp(same, () => createBackup(site!.config, { to: join(work, 'inside.tar.gz') }));
    // Idle again: how much the machine (shared with other work) moved during the run.
    const idleAgain = await requestsPerSecond(page);
    const rows = await site.db.kysely.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return {
      dialect,
      rows: Number(rows.n),
      archiveMb: statSync(archive).size / 1024 / 1024,
      backup,
      restore,
      idleProcess,
      reference,
      idle,
      idleAgain,
      otherProcess: { ...(await other), backups: otherBackups },
      sameProcess: { ...(await same), backups: sameBackups },
    };
  } finally {
    await site?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

const dialects: TestDialect[] = ['sqlite', ...(process.env.TISSE_BENCH_POSTGRES_URL ?? process.env.TISSE_TEST_POSTGRES_URL ? (['postgres'] as const) : [])];
if (process.env.TISSE_BENCH_POSTGRES_URL) process.env.TISSE_TEST_POSTGRES_URL = process.env.TISSE_BENCH_POSTGRES_URL;
const loadBefore = loadavg()[0]!;
const figures: DialectFigures[] = [];
for (const dialect of dialects) figures.push(await benchDialect(dialect));
const loadAfter = loadavg()[0]!;

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (n: number) => `${Math.round(n)} MB`;
const body = [
  `The site of bench/_back-office-data.ts: ${ARTICLES.toLocaleString('en')} articles, ${MESSAGES.toLocaleString('en')} forum messages, 200 sections, 300 authors ` +
    `(no document files: the documents are hard-linked and hashed, not read into memory). Each backup and restore runs in a child process of its own ` +
    `(\`bench/_backup-child.ts\`, the same code as \`tisse backup\` / \`tisse restore\`); its peak RSS is beside that of the same process doing nothing ` +
    `(Node, tsx and Tisse's modules loaded). The restore goes into an empty site of the same database and includes rebuilding the search index. ` +
    `Load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after.`,
  '',
  table(
    ['database', 'archive', 'backup time', 'backup peak RSS', 'restore time', 'restore peak RSS', 'idle process RSS', 'same-run reference', 'its dump', 'its restore'],
    figures.map((f) => [
      f.dialect,
      `${f.archiveMb.toFixed(1)} MB`,
      s(f.backup.ms),
      mb(f.backup.maxRssMb),
      s(f.restore.ms),
      mb(f.restore.maxRssMb),
      mb(f.idleProcess.maxRssMb),
      f.reference.name,
      s(f.reference.dumpMs),
      f.reference.restoreMs === null ? '—' : s(f.reference.restoreMs),
    ]),
  ),
  '',
  `An article page (cached, as readers get it), autocannon in a process of its own, ${CONNECTIONS} connections, ${DURATION} s per measure, same run: ` +
    'idle; while `tisse backup` runs in another process (one backup after the other for the whole measure); while the backup runs inside the ' +
    'server\'s own process, as the scheduled backup job does; idle again at the end (the spread of the two idle figures is the ' +
    'machine\'s noise: it is shared with other work). Two cores shared by the server, the load generator and the backup.',
  '',
  table(
    ['database', 'idle req/s (before / after)', 'p99', 'backup in another process req/s', 'p99', 'backups', 'backup in the server process req/s', 'p99', 'backups'],
    figures.map((f) => [
      f.dialect,
      `${Math.round(f.idle.rps)} / ${Math.round(f.idleAgain.rps)}`,
      `${f.idle.p99} / ${f.idleAgain.p99} ms`,
      `${Math.round(f.otherProcess.rps)} (${Math.round((100 * f.otherProcess.rps) / f.idle.rps)} %)`,
      `${f.otherProcess.p99} ms`,
      f.otherProcess.backups,
      `${Math.round(f.sameProcess.rps)} (${Math.round((100 * f.sameProcess.rps) / f.idle.rps)} %)`,
      `${f.sameProcess.p99} ms`,
      f.sameProcess.backups,
    ]),
  ),
  '',
  `Errors or non-2xx answers during the measures: ${figures.map((f) => `${f.dialect} ${f.idle.errors + f.idleAgain.errors + f.otherProcess.errors + f.sameProcess.errors}`).join(', ')}.`,
].join('\n');
console.log(body);
writeBenchSection('backup', 'Backup and restore (issue 21)', 'TISSE_TEST_POSTGRES_URL=postgres://… node --import tsx bench/backup.ts', body);
