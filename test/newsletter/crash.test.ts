// Issue 20: a send killed half-way (kill -9 of a real `tisse serve` process) resumes after the restart, and every
// subscriber has at most one copy — exactly one, except the deliveries that were in flight at the kill, which are
// recorded 'uncertain' and not sent again (decision 029); on PostgreSQL, two app servers share the send (SKIP
// LOCKED) and the survivor finishes what the killed one held. The SMTP receiver is a real smtp-server on
// loopback, slowed a little so the kill lands mid-send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { forEachDialect, openTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { saveSiteSettings } from '../../src/settings/index.ts';
import { saveIssue, saveList, scheduleIssue } from '../../src/newsletter/index.ts';
import { addSubscribers, issueStatus } from './helpers.ts';

const cli = join(import.meta.dirname, '..', '..', 'src', 'cli.ts');
const SUBSCRIBERS = 300;

interface Receiver {
  port: number;
  copies: Map<string, number>;
  total(): number;
  close(): Promise<void>;
}

async function slowReceiver(delayMs: number): Promise<Receiver> {
  const copies = new Map<string, number>();
  let total = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () =>
        setTimeout(() => {
          for (const r of session.envelope.rcptTo) copies.set(r.address, (copies.get(r.address) ?? 0) + 1);
          total++;
          callback();
        }, delayMs),
      );
    },
  });
  // The sender is killed mid-conversation on purpose: its connection reset is expected, not a failure of the test.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as { port: number }).port,
    copies,
    total: () => total,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function serve(t: TestDatabase, smtpPort: number): { child: ChildProcess; output: () => string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TISSE_')));
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--no-demo'], {
    env: {
      ...env,
      NODE_ENV: 'production',
      TISSE_DATA_DIR: t.dataDir,
      ...(t.url ? { TISSE_DATABASE_URL: t.url } : {}),
      TISSE_PORT: '0',
      TISSE_HOST: '127.0.0.1',
      TISSE_LOG_LEVEL: 'warn',
      TISSE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return { child, output: () => output };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 90_000, stepMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}

forEachDialect('newsletter send killed half-way', (dialect) => {
  test(dialect === 'postgres' ? 'two app servers, one killed with kill -9: the other finishes, nobody gets two copies' : 'kill -9 half-way, restart: the send resumes, nobody gets two copies', { timeout: 400_000 }, async () => {
    const t = await openTestDatabase(dialect);
    const receiver = await slowReceiver(8);
    const servers: ChildProcess[] = [];
    try {
      await saveSiteSettings(t.db, { newsletter: { ...(await import('../../src/settings/index.ts')).newsletterSettingsSchema.parse({}), ratePerMinute: 0, batchSize: 40 } });
      const listId = await saveList(t.db, { name: 'La lettre' });
      await addSubscribers(t.db, listId, Array.from({ length: SUBSCRIBERS }, (_, i) => ({ email: `abonne${i}@example.org` })));
      const issueId = await saveIssue(t.db, { listId, subject: 'Numéro spécial', body: 'Bonjour.' }, t.adminId);
      await scheduleIssue(t.db, issueId);

      const first = serve(t, receiver.port);
      servers.push(first.child);
      const second = dialect === 'postgres' ? serve(t, receiver.port) : undefined;
      if (second) servers.push(second.child);
      await until(() => receiver.total() >= SUBSCRIBERS * 0.3, `a third of the send (${first.output()})`, 180_000, 2);
      first.child.kill('SIGKILL');
      const atKill = receiver.total();
      assert.ok(atKill < SUBSCRIBERS, 'killed before the end of the send');

      if (!second) servers.push(serve(t, receiver.port).child);
      await until(async () => (await issueStatus(t.db, issueId)) === 'sent', 'the send finishes after the kill', 180_000, 100);

      const deliveries = await t.db.kysely
        .selectFrom('newsletter_deliveries as d')
        .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
        .select(['s.email', 'd.status'])
        .where('d.issue_id', '=', issueId)
        .execute();
      assert.equal(deliveries.length, SUBSCRIBERS, 'one delivery per subscriber');
      const twice = [...receiver.copies].filter(([, n]) => n > 1);
      assert.deepEqual(twice, [], 'nobody received two copies');
      const uncertain = deliveries.filter((d) => d.status === 'uncertain');
      assert.ok(uncertain.length <= 4, `at most the messages in flight at the kill are uncertain (${uncertain.length})`);
      for (const d of deliveries) {
        if (d.status === 'sent') assert.equal(receiver.copies.get(d.email), 1, `${d.email}: sent, so exactly one copy`);
        else assert.equal(d.status, 'uncertain', `${d.email}: ${d.status}`);
      }
      const missing = deliveries.filter((d) => !receiver.copies.has(d.email));
      assert.ok(missing.every((d) => d.status === 'uncertain'), 'a subscriber without a copy is one of the uncertain ones');
      console.log(`# ${dialect}: ${atKill} received at the kill, ${receiver.total()} at the end, ${uncertain.length} uncertain (${uncertain.filter((d) => receiver.copies.has(d.email)).length} of them delivered)`);
    } finally {
      for (const child of servers) if (child.exitCode === null) child.kill('SIGKILL');
      await receiver.close();
      await t.close();
    }
  });
});
