// Issue 21, item 6 — SIGTERM stops a server without losing what it acknowledged: a real `tisse serve` process
// takes article creations from several clients at once; it is sent SIGTERM while they go on. Every creation it
// answered with its redirect must be in the database afterwards, with its title, and a request whose body was
// still arriving when the signal came must be finished and answered, not cut. The process exits 0, in time.
// On both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { rmSync } from 'node:fs';
import { openDatabase, type Db } from '../src/db/connect.ts';
import { createTestDatabase, forEachDialect } from './helpers/database.ts';
import { startServerProcess, type ServerProcess } from './helpers/server-process.ts';

forEachDialect('graceful shutdown', (dialect) => {
  let database: { url: string; drop(): Promise<void> } | undefined;
  let server: ServerProcess;
  let db: Db;

  before(async () => {
    database = dialect === 'postgres' ? await createTestDatabase() : undefined;
    server = await startServerProcess({ args: ['--no-demo'], env: { TISSE_SHUTDOWN_SECONDS: '10', ...(database ? { TISSE_DATABASE_URL: database.url } : {}) } });
    db = await openDatabase({ dataDir: server.dataDir, databaseUrl: database?.url });
  });
  after(async () => {
    server.child.kill('SIGKILL');
    await db.close();
    await database?.drop();
    rmSync(server.dataDir, { recursive: true, force: true });
  });

  test('SIGTERM: every acknowledged write is kept, the request in flight is answered, the process exits 0', async () => {
    const login = await server.get('/ecrire/login', {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@example.org', password: 'motdepasse-admin' }),
    });
    assert.equal(login.status, 303);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const home = await (await server.get('/ecrire/', { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home)![1]!;
    const section = await server.get('/ecrire/rubriques/nouvelle', {
      method: 'POST',
      headers: { origin: server.url, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, title: 'Arrêts' }),
    });
    assert.equal(section.status, 303);
    const sectionId = (await db.kysely.selectFrom('sections').select('id').executeTakeFirstOrThrow()).id;
    const form = (title: string) => new URLSearchParams({ _csrf: csrf, title, sectionId: String(sectionId), authorIds: '1' }).toString();

    const acknowledged = new Map<number, string>();
    let signalled = false;
    let refusedAfterSignal = 0;
    let counter = 0;
    const client = async () => {
      for (;;) {
        const title = `Écrit ${++counter}`;
        try {
          const response = await server.get('/ecrire/articles/nouveau', { method: 'POST', headers: { origin: server.url, cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: form(title) });
          if (response.status === 303) {
            const id = Number(/\/ecrire\/articles\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1]);
            acknowledged.set(id, title);
          } else {
            await response.text();
            if (!signalled) assert.fail(`status ${response.status} before the signal`);
          }
        } catch {
          // The server has stopped accepting: nothing was acknowledged for this one.
          assert.ok(signalled, 'no connection refused before the signal');
          if (++refusedAfterSignal >= 3) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const clients = [client(), client(), client(), client()];
    while (acknowledged.size < 15) await new Promise((resolve) => setTimeout(resolve, 10));
    // A request whose body is half sent when the signal comes, and finished after it.
    const slowTitle = 'Article envoyé lentement';
    const slowBody = Buffer.from(form(slowTitle));
    let finishSlow = () => {};
    const slow = new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/ecrire/articles/nouveau`, { method: 'POST', agent: false, headers: { origin: server.url, cookie, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(slowBody.length) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(slowBody.subarray(0, 10));
      finishSlow = () => req.end(slowBody.subarray(10));
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sentAt = Date.now();
    signalled = true;
    server.child.kill('SIGTERM');
    setTimeout(() => finishSlow(), 700);
    await Promise.all(clients);
    const code = await server.exited;
    assert.equal(code, 0, server.output());
    assert.ok(Date.now() - sentAt < 10_000, 'stopped within TISSE_SHUTDOWN_SECONDS');
    assert.equal(await slow, 303, 'the request in flight was finished');

    const rows = await db.kysely.selectFrom('articles').select(['id', 'title']).execute();
    const stored = new Map(rows.map((row) => [row.id, row.title]));
    assert.ok(acknowledged.size >= 15);
    for (const [id, title] of acknowledged) assert.equal(stored.get(id), title, `article ${id} acknowledged, then lost`);
    assert.ok(rows.some((row) => row.title === slowTitle));
  });
});
