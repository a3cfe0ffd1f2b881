// Newsletter benchmark (issue 20): 10,000 confirmed subscribers, one issue (a body and three articles), a real
// SMTP receiver (smtp-server) on loopback in this process, the rate limit off (settings newsletter.ratePerMinute
// 0). A `tisse serve` child (SQLite, the demo site) sends through its jobs runner and nodemailer's pooled
// transport. Measured: the time from the send's start to the last message handed to SMTP, the server's CPU
// seconds and peak memory meanwhile, and the article page's throughput (autocannon) idle and during the send, in
// the same run. Afterwards every subscriber must have exactly one copy.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../src/db/connect.ts';
import { newsletterSettingsSchema, saveSiteSettings } from '../src/settings/index.ts';
import { saveIssue, saveList, scheduleIssue } from '../src/newsletter/index.ts';
import { table, writeBenchSection } from './report.ts';
import { freePort } from './loopback.ts';
import { cpuSeconds } from './processes.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLE = '/benoit-hamon-en-visite-a-niort';
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

function procStatus(child: ChildProcess, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return line ? Number(/(\d+)/.exec(line)![1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const copies = new Map<string, number>();
let received = 0;
let lastAt = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    stream.resume();
    stream.on('end', () => {
      for (const r of session.envelope.rcptTo) copies.set(r.address, (copies.get(r.address) ?? 0) + 1);
      received++;
      lastAt = performance.now();
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = (smtp.server.address() as { port: number }).port;

const dataDir = mkdtempSync(join(tmpdir(), 'tisse-bench-newsletter-'));
const port = await freePort();
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli.ts'), 'serve'], {
  env: { ...process.env, TISSE_DATA_DIR: dataDir, TISSE_PORT: String(port), TISSE_LOG_LEVEL: 'warn', TISSE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;

async function pageLoad(seconds: number, until?: () => boolean) {
  return new Promise<{ rps: number; p50: number; p99: number; errors: number }>((resolve, reject) => {
    const instance = autocannon({ url: base + ARTICLE, connections: CONNECTIONS, duration: seconds, pipelining: 1 }, (error, result) => {
      if (error) return reject(error);
      resolve({ rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx });
    });
    if (until) {
      const timer = setInterval(() => {
        if (until()) {
          clearInterval(timer);
          instance.stop();
        }
      }, 20);
    }
  });
}

try {
  for (;;) {
    try {
      if ((await fetch(base + ARTICLE)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error('server exited before answering');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const db = await openDatabase({ dataDir });
  try {
    await saveSiteSettings(db, { newsletter: { ...newsletterSettingsSchema.parse({}), ratePerMinute: 0, batchSize: 100 } });
    const listId = await saveList(db, { name: 'La lettre mensuelle' });
    const now = new Date().toISOString();
    await db.write(async (trx) => {
      for (let i = 0; i < SUBSCRIBERS; i += 500) {
        const chunk = Array.from({ length: Math.min(500, SUBSCRIBERS - i) }, (_, k) => ({
          email: `abonne${i + k}@example.org`, name: `Abonné ${i + k}`, status: 'confirmed' as const, consent_at: now, consent_source: 'bench', consent_text: 'bench',
          created_at: now, confirmed_at: now, unsubscribed_at: null, bounced_at: null, bounce_reason: '',
        }));
        const ids = await trx.insertInto('newsletter_subscribers').values(chunk).returning('id').execute();
        await trx.insertInto('newsletter_subscriptions').values(ids.map((r) => ({ subscriber_id: r.id, list_id: listId, created_at: now, confirmed_at: now, unsubscribed_at: null }))).execute();
      }
    });
    const articleIds = (await db.kysely.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('published_at', 'desc').limit(3).execute()).map((a) => a.id);
    const issue = (subject: string) => saveIssue(db, { listId, subject, body: 'Bonjour,\n\nCe mois-ci, {{trois publications}} à ne pas manquer.', articleIds }, null);
    const firstIssue = await issue('La lettre de décembre');
    const secondIssue = await issue('La lettre de janvier');
    const statusOf = async (id: number) => (await db.kysely.selectFrom('newsletter_issues').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const untilSent = async (id: number) => {
      for (let i = 0; i < 6000 && (await statusOf(id)) !== 'sent'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      return statusOf(id);
    };

    // Phase 1: the send alone, timed from its start to the last message the receiver accepted.
    const cpuBefore = cpuSeconds(child.pid!);
    let peakRss = procStatus(child, 'VmRSS') ?? 0;
    const rssAtStart = peakRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, procStatus(child, 'VmRSS') ?? 0);
    }, 50);
    const started = performance.now();
    await scheduleIssue(db, firstIssue);
    const status = await untilSent(firstIssue);
    const sendSeconds = (lastAt - started) / 1000;
    clearInterval(sampler);
    const cpu = cpuSeconds(child.pid!) - cpuBefore;
    const firstReceived = received;

    // Phase 2: the article page idle, then while the second issue is sent, in the same run.
    const idle = await pageLoad(SECONDS);
    const before2 = received;
    const started2 = performance.now();
    await scheduleIssue(db, secondIssue);
    const during = await pageLoad(SECONDS);
    const duringMessages = received - before2;
    const duringSeconds = (performance.now() - started2) / 1000;
    await untilSent(secondIssue);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const twice = [...copies.values()].filter((n) => n !== 2).length;

    const body = [
      `${SUBSCRIBERS.toLocaleString('en')} confirmed subscribers, the rate limit off; \`tisse serve\` (SQLite, the demo site, one process, its jobs runner: batches of 100 recipients, 4 pooled SMTP connections) hands every message to an smtp-server on loopback in the bench process. First an issue (a body in SPIP markup and three articles with their lead) is sent alone and timed; then the article page is loaded by autocannon (${CONNECTIONS} connections, ${SECONDS} s) idle, and again while a second issue is being sent. Server, SMTP receiver and load generator share the machine's cores.`,
      '',
      table(
        ['Send of one issue', 'Figure'],
        [
          ['Messages handed to SMTP (first issue)', `${firstReceived.toLocaleString('en')}`],
          ['Time from the send’s start to the last message accepted', `${sendSeconds.toFixed(1)} s (${Math.round(firstReceived / sendSeconds)} messages/s)`],
          ['Server CPU during the send', `${cpu.toFixed(1)} s (${((cpu / sendSeconds) * 100).toFixed(0)} % of one core)`],
          ['Server resident memory: at the start, peak during the send', `${rssAtStart.toFixed(0)} MiB, ${peakRss.toFixed(0)} MiB`],
          ['Issue status afterwards', status],
        ],
      ),
      '',
      table(
        ['Article page (page cache warm)', 'Requests/s', 'p50 latency (ms)', 'p99 latency (ms)', 'Errors/non-2xx'],
        [
          ['Idle', idle.rps, idle.p50, idle.p99, idle.errors],
          ['During the send of the second issue', during.rps, during.p50, during.p99, during.errors],
        ],
      ),
      '',
      `Meanwhile the second issue went on: ${duringMessages.toLocaleString('en')} messages in ${duringSeconds.toFixed(1)} s under the page load (${Math.round(duringMessages / duringSeconds)}/s). After both sends: ${received.toLocaleString('en')} messages for ${copies.size.toLocaleString('en')} addresses, ${twice} address(es) without exactly one copy of each issue.`,
      '',
      `Machine load average when the run ended: ${loadavg().map((l) => l.toFixed(1)).join(', ')} (other work on the machine lowers every figure).`,
    ].join('\n');
    writeBenchSection('newsletter', 'Newsletter (bench/newsletter.ts)', 'npm run bench -- newsletter', body);
    console.log(body);
    if (twice > 0 || copies.size !== SUBSCRIBERS) process.exitCode = 1;
  } finally {
    await db.close();
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
}
