// Issue 21, item 4 — `tisse serve --workers 2`: two processes share the port. A settings change made through
// whichever worker answers is shown by both at once (their page caches follow the database); the metrics add up
// both workers; mail jobs run once; a worker killed with SIGKILL under load is replaced while the other keeps
// answering; SIGTERM stops them all cleanly. On both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../src/db/connect.ts';
import { createUser } from '../src/users/index.ts';
import { createTestDatabase, forEachDialect } from './helpers/database.ts';
import { startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { startMailbox, type Mailbox } from './helpers/mailbox.ts';

const ARTICLE = '/benoit-hamon-en-visite-a-niort';
const TOKEN = 'jeton-des-mesures-0123456789';

/** The workers' pids, from the primary's « processus N prêt » lines, in order. */
const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');
/** A home page override naming its version. */
const home = (version: number) => `{% layout 'layout' %}\n{% block content %}\n<p class="marqueur">version ${version}</p>\n{% endblock %}`;

const workerPids = (server: ServerProcess) => [...server.output().matchAll(/processus (\d+) prêt/g)].map((m) => Number(m[1]));

forEachDialect('tisse serve --workers 2', (dialect) => {
  let database: { url: string; drop(): Promise<void> } | undefined;
  let server: ServerProcess;
  let mailbox: Mailbox;
  let db: Db;

  before(async () => {
    mailbox = await startMailbox();
    database = dialect === 'postgres' ? await createTestDatabase() : undefined;
    const dataDir = mkdtempSync(join(tmpdir(), 'tisse-workers-'));
    mkdirSync(join(dataDir, 'theme'));
    writeFileSync(join(dataDir, 'theme', 'home.liquid'), home(1));
    server = await startServerProcess({
      args: ['--workers', '2'],
      dataDir,
      env: { NODE_ENV: 'production', TISSE_METRICS_TOKEN: TOKEN, TISSE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, ...(database ? { TISSE_DATABASE_URL: database.url } : {}) },
    });
    db = await openDatabase({ dataDir: server.dataDir, databaseUrl: database?.url });
  });
  after(async () => {
    server.child.kill('SIGKILL');
    for (const pid of workerPids(server)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await db.close();
    await database?.drop();
    await mailbox.close();
    rmSync(server.dataDir, { recursive: true, force: true });
  });

  test('both workers serve, a change through one is shown by both at once, metrics add up both', async () => {
    assert.equal(workerPids(server).length, 2);
    for (let i = 0; i < 6; i++) assert.equal((await server.get('/')).status, 200);
    const login = await server.get('/ecrire/login', {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@example.org', password: 'motdepasse-admin' }),
    });
    assert.equal(login.status, 303);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await server.get('/ecrire/', { headers: { cookie } })).text())![1]!;
    const saved = await server.get('/ecrire/reglages', {
      method: 'POST',
      headers: { origin: server.url, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, name: 'Labo à deux processus', lang: 'fr', forumMode: 'pri', smtpSecurity: 'starttls' }),
    });
    assert.equal(saved.status, 303);
    // The other worker learns of the change from the database (SQLite data_version at its next lookup; PostgreSQL's
    // NOTIFY, delivered within milliseconds): wait for that delivery, at most 2 s, then every answer shows it.
    const until = Date.now() + 2000;
    let streak = 0;
    while (streak < 2 && Date.now() < until) streak = /Labo à deux processus/.test(await (await server.get('/', { headers: { connection: 'close' } })).text()) ? streak + 1 : 0;
    // Fresh connections: the primary hands them to the workers in turn, so both are asked.
    for (let i = 0; i < 6; i++) {
      const home = await server.get('/', { headers: { connection: 'close' } });
      assert.match(await home.text(), /Labo à deux processus/, `request ${i}`);
    }

    const scrape = async () => {
      const response = await server.get('/metriques', { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(response.status, 200);
      const text = await response.text();
      // Every request of every route: one worker's counters alone would hold about half of them.
      return [...text.matchAll(/^tisse_http_requests_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    };
    const before = await scrape();
    for (let i = 0; i < 10; i++) await (await server.get(ARTICLE, { headers: { connection: 'close' } })).text();
    assert.ok((await scrape()) - before >= 10, 'the requests of both workers are counted');
  });

  test('tisse theme reload reaches every worker', { timeout: 60_000 }, async () => {
    const version = async () => /version (\d+)/.exec(await (await server.get('/', { headers: { connection: 'close' } })).text())?.[1];
    for (let i = 0; i < 4; i++) assert.equal(await version(), '1');
    writeFileSync(join(server.dataDir, 'theme', 'home.liquid'), home(2));
    const reload = spawnSync(process.execPath, ['--import', 'tsx', cli, 'theme', 'reload'], { env: { ...process.env, TISSE_DATA_DIR: server.dataDir }, encoding: 'utf8', timeout: 60_000 });
    assert.equal(reload.status, 0, reload.stderr);
    const deadline = Date.now() + 10_000;
    let streak = 0;
    while (streak < 6 && Date.now() < deadline) streak = (await version()) === '2' ? streak + 1 : 0;
    assert.equal(streak, 6, 'six answers in a row, from both workers, show the new template');
  });

  test('mail jobs run once across the workers', { timeout: 60_000 }, async () => {
    const emails = ['un@example.org', 'deux@example.org', 'trois@example.org'];
    for (const email of emails) await createUser(db, { email, name: email.split('@')[0]!, role: 'editor', password: 'motdepasse-long' });
    for (const email of emails) {
      const response = await server.get('/ecrire/mot-de-passe-oublie', { method: 'POST', headers: { origin: server.url, connection: 'close', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email }) });
      assert.ok(response.status < 400);
    }
    const deadline = Date.now() + 30_000;
    while (mailbox.received.length < emails.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.deepEqual(mailbox.received.flatMap((mail) => mail.to).sort(), [...emails].sort());
  });

  test('a worker killed with SIGKILL under load is replaced; the other keeps serving', { timeout: 150_000 }, async () => {
    const [victim] = workerPids(server);
    let ok = 0;
    let failed = 0;
    let okAfterKill = 0;
    let killed = false;
    const stopAt = Date.now() + 4000;
    const client = async () => {
      while (Date.now() < stopAt) {
        try {
          // Bounded: a request lost with the killed worker must not hold the test.
          const response = await server.get(ARTICLE, { signal: AbortSignal.timeout(5000) });
          await response.arrayBuffer();
          if (response.status === 200) {
            ok++;
            if (killed) okAfterKill++;
          } else failed++;
        } catch {
          failed++;
        }
      }
    };
    const clients = [client(), client(), client(), client()];
    await new Promise((resolve) => setTimeout(resolve, 1000));
    process.kill(victim!, 'SIGKILL');
    killed = true;
    await Promise.all(clients);
    assert.ok(okAfterKill > 50, `served after the kill: ${okAfterKill}`);
    assert.ok(failed <= 12, `only requests in flight on the killed worker fail: ${failed} of ${ok + failed}`);
    // A new worker starts from the sources through tsx: seconds, more on a busy machine.
    const deadline = Date.now() + 90_000;
    while (!new RegExp(`remplace ${victim}`).test(server.output()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(server.output(), new RegExp(`processus \\d+ prêt \\(remplace ${victim}\\)`));
    const pids = workerPids(server);
    assert.equal(pids.length, 3);
    // The replacement serves: fresh connections reach both live workers.
    for (let i = 0; i < 6; i++) assert.equal((await server.get(ARTICLE, { headers: { connection: 'close' }, signal: AbortSignal.timeout(10_000) })).status, 200);
  });

  test('SIGTERM stops every worker, then the primary, cleanly', { timeout: 60_000 }, async () => {
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    for (const pid of workerPids(server)) assert.throws(() => process.kill(pid, 0), `worker ${pid} gone`);
  });
});
