// Issue 21, item 3 — several app servers, proven: two `tisse serve` processes on one database (PostgreSQL, or one
// SQLite file) and one S3 storage, each with its own data folder. What is done through A is seen through B at once
// (each page asked of B first, so that B's page cache holds the old one): a publication, an edit, a forum message
// validated, a settings change, a document upload, and a publication scheduled through A that B shows when its time
// comes. Mail jobs queued through A are sent once, whichever runner takes them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import sharp from 'sharp';
import { openDatabase, type Db } from '../src/db/connect.ts';
import { isoToLocalInput } from '../src/kernel/time-zone.ts';
import { createUser } from '../src/users/index.ts';
import { createTestDatabase, forEachDialect } from './helpers/database.ts';
import { startServerProcess, type ServerProcess } from './helpers/server-process.ts';
import { startS3Server, s3Env, type S3TestServer } from './helpers/s3-server.ts';
import { startMailbox, type Mailbox } from './helpers/mailbox.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Session {
  cookie: string;
  csrf: string;
}

forEachDialect('two app servers on one database and one S3 storage', (dialect) => {
  let database: { url: string; drop(): Promise<void> } | undefined;
  let s3: S3TestServer;
  let mailbox: Mailbox;
  let a: ServerProcess;
  let b: ServerProcess;
  let db: Db;
  let sqliteDir: string | undefined;
  let admin: Session;

  before(async () => {
    s3 = await startS3Server();
    mailbox = await startMailbox();
    database = dialect === 'postgres' ? await createTestDatabase() : undefined;
    sqliteDir = dialect === 'sqlite' ? mkdtempSync(join(tmpdir(), 'tisse-shared-')) : undefined;
    const databaseUrl = database?.url ?? `sqlite:${join(sqliteDir!, 'tisse.sqlite')}`;
    const env = { ...s3Env, TISSE_DATABASE_URL: databaseUrl, TISSE_STORAGE_URL: s3.storageUrl(`deux-${dialect}`), TISSE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` };
    // A creates the site (demo content); B starts on it once it exists.
    a = await startServerProcess({ env });
    b = await startServerProcess({ env });
    db = await openDatabase({ dataDir: a.dataDir, databaseUrl });
    admin = await logIn(a);
  });
  after(async () => {
    for (const server of [a, b]) server?.child.kill('SIGKILL');
    await db?.close();
    await database?.drop();
    await s3.close();
    await mailbox.close();
    for (const dir of [a?.dataDir, b?.dataDir, sqliteDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function logIn(server: ServerProcess): Promise<Session> {
    const response = await server.get('/ecrire/login', {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@example.org', password: 'motdepasse-admin' }),
    });
    assert.equal(response.status, 303);
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const home = await (await server.get('/ecrire/', { headers: { cookie } })).text();
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(home)![1]! };
  }

  function post(server: ServerProcess, path: string, fields: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams({ _csrf: admin.csrf });
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return server.get(path, { method: 'POST', headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', cookie: admin.cookie }, body });
  }

  const page = async (server: ServerProcess, path: string) => {
    const response = await server.get(path);
    return { status: response.status, text: await response.text() };
  };

  /**
   * B's page once it shows `expected`: « at once » is as soon as B has the change notification (PostgreSQL NOTIFY,
   * delivered within milliseconds; SQLite data_version, at B's next lookup). Bounded at 2 s, then the page as it is.
   */
  const seen = async (server: ServerProcess, path: string, expected: RegExp) => {
    const until = Date.now() + 2000;
    let shown = await page(server, path);
    while (!expected.test(shown.text) && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      shown = await page(server, path);
    }
    return shown;
  };

  async function newArticle(title: string, text: string): Promise<number> {
    const section = await db.kysely.selectFrom('sections').select('id').orderBy('id').executeTakeFirstOrThrow();
    const created = await post(a, '/ecrire/articles/nouveau', { title, text, sectionId: String(section.id), authorIds: '1' });
    assert.equal(created.status, 303);
    return Number(/\/ecrire\/articles\/(\d+)/.exec(created.headers.get('location')!)![1]);
  }

  const slugOf = async (id: number) => (await db.kysely.selectFrom('articles').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug;

  test('what is done through one server is seen through the other at once', { timeout: 240_000 }, async () => {
    // Scheduled first: its minute comes while the rest runs.
    const scheduledId = await newArticle('Article programmé sur A', 'Il paraîtra bientôt.');
    const at = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
    const scheduled = await post(a, `/ecrire/articles/${scheduledId}/statut`, { action: 'schedule', publishAt: isoToLocalInput(at.toISOString(), 'Europe/Paris') });
    assert.equal(scheduled.status, 303);
    const scheduledSlug = await slugOf(scheduledId);
    assert.equal((await page(b, `/${scheduledSlug}`)).status, 404, 'not before its time');

    // Publication.
    assert.doesNotMatch((await page(b, '/')).text, /Publié par A/);
    const id = await newArticle('Publié par A', 'Premier texte.');
    assert.equal((await post(a, `/ecrire/articles/${id}/statut`, { action: 'publish' })).status, 303);
    const slug = await slugOf(id);
    assert.match((await seen(b, '/', /Publié par A/)).text, /Publié par A/);
    assert.match((await seen(b, `/${slug}`, /Premier texte/)).text, /Premier texte/);

    // Edit.
    const section = await db.kysely.selectFrom('articles').select('section_id').where('id', '=', id).executeTakeFirstOrThrow();
    const { updated_at: updatedAt } = await db.kysely.selectFrom('articles').select('updated_at').where('id', '=', id).executeTakeFirstOrThrow();
    const edited = await post(a, `/ecrire/articles/${id}`, { title: 'Publié par A', text: 'Texte revu sur A.', sectionId: String(section.section_id), authorIds: '1', expectedUpdatedAt: updatedAt });
    assert.equal(edited.status, 303, await edited.text());
    assert.match((await seen(b, `/${slug}`, /Texte revu sur A/)).text, /Texte revu sur A/);

    // Forum validation.
    const message = await db.kysely
      .insertInto('forum_messages')
      .values({ kind: 'public', article_id: id, thread_id: null, parent_id: null, status: 'pending', title: '', text: 'Un avis de lectrice.', author_name: 'Lectrice', author_email: 'l@example.org', author_url: '', user_id: null, ip: '127.0.0.1', created_at: new Date().toISOString(), moderated_at: null, moderated_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    assert.doesNotMatch((await page(b, `/${slug}`)).text, /Un avis de lectrice/);
    assert.equal((await post(a, '/ecrire/forum/moderer', { one: `validate:${message.id}` })).status, 303);
    assert.match((await seen(b, `/${slug}`, /Un avis de lectrice/)).text, /Un avis de lectrice/);

    // Settings.
    assert.equal((await post(a, '/ecrire/reglages', { name: 'Labo à deux serveurs', lang: 'fr', forumMode: 'pri', smtpSecurity: 'starttls' })).status, 303);
    assert.match((await seen(b, '/', /Labo à deux serveurs/)).text, /Labo à deux serveurs/);

    // A document uploaded through A is served by B.
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#2a7f62' } }).png().toBuffer();
    const form = new FormData();
    form.append('_csrf', admin.csrf);
    form.append('title', 'Photo partagée');
    form.append('file', new Blob([new Uint8Array(png)]), 'partagee.png');
    const uploaded = await a.get('/ecrire/documents/ajouter', { method: 'POST', headers: { origin: a.url, cookie: admin.cookie }, body: form });
    assert.equal(uploaded.status, 303);
    const { file } = await db.kysely.selectFrom('documents').select('file').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const served = await b.get(`/documents/${file}`);
    assert.equal(served.status, 200);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), png);
    assert.equal((await b.get(`/images/320/${file}`)).status, 200);

    // The scheduled article appears on B when its time comes, without anyone touching B.
    while (Date.now() < at.getTime()) await new Promise((resolve) => setTimeout(resolve, 500));
    let shown = await page(b, `/${scheduledSlug}`);
    for (let i = 0; i < 20 && shown.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      shown = await page(b, `/${scheduledSlug}`);
    }
    assert.equal(shown.status, 200);
    assert.match((await page(b, '/')).text, /Article programmé sur A/);
  });

  test('mail queued through one server is sent once, whichever runner takes it', { timeout: 60_000 }, async () => {
    const emails = ['un@example.org', 'deux@example.org', 'trois@example.org', 'quatre@example.org'];
    for (const email of emails) await createUser(db, { email, name: email.split('@')[0]!, role: 'editor', password: 'motdepasse-long' });
    const before = mailbox.received.length;
    for (const [index, email] of emails.entries()) {
      const server = index % 2 ? b : a;
      const response = await server.get('/ecrire/mot-de-passe-oublie', { method: 'POST', headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email }) });
      assert.ok(response.status < 400);
    }
    const deadline = Date.now() + 30_000;
    while (mailbox.received.length - before < emails.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    // Both runners poll every second: give a second chance to a double send.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const sent = mailbox.received.slice(before).flatMap((mail) => mail.to);
    assert.deepEqual([...sent].sort(), [...emails].sort(), 'each mail once');
    const jobs = await db.kysely.selectFrom('jobs').select(['status', 'attempts']).where('type', '=', 'mail-reset-link').execute();
    assert.ok(jobs.every((job) => job.status === 'done' && job.attempts === 1));
  });
});
