// Moderators' email through the jobs table and a real SMTP server on loopback: the content of the mail, and a
// dead SMTP server that delays mail without losing it. Runs on both databases.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { forEachDialect, startTestSite, type TestSite } from '../helpers/site.ts';
import { articleId } from './helpers.ts';
import { postMessage } from '../../src/forum/operations/post-message.ts';
import { issueFormToken } from '../../src/forum/form-token.ts';

interface Received {
  to: string[];
  raw: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

function startSmtp(port: number, inbox: Received[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** The decoded text part of a raw message (quoted-printable, as nodemailer sends accented text). */
function decodeQuotedPrintable(raw: string): string {
  return Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
}

forEachDialect('forum mail', (dialect) => {
  let site: TestSite;
  let smtp: SMTPServer | undefined;
  let port: number;
  const inbox: Received[] = [];

  before(async () => {
    port = await freePort();
    site = await startTestSite(dialect, { env: { TISSE_SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  after(async () => {
    await site.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  test('a dead SMTP server delays the mail; once it answers, moderators get the message', async () => {
    const id = await articleId(site);
    await site.jobs.stop(); // this test drives the runner by hand
    const { startJobs } = await import('../../src/jobs/start.ts');
    const jobs = startJobs(site.db, site.config, site.log, { pollMs: 3_600_000 });
    try {
      const posted = await postMessage(site.db, site.config, {
        articleId: id,
        parentId: null,
        fields: { name: 'Maëlle', email: 'maelle@example.net', title: 'Une question', text: 'Le {{PTCE}} de Niort existe-t-il encore ?', linkUrl: 'https://maelle.example' },
        token: await issueFormToken(site.db, id, null),
        honeypot: '',
        ip: '127.0.0.9',
      });
      await jobs.runDue();
      let job = await site.db.kysely.selectFrom('jobs').selectAll().where('type', '=', 'mail').executeTakeFirstOrThrow();
      assert.equal(job.status, 'queued', 'kept for a later attempt');
      assert.equal(job.attempts, 1);
      assert.notEqual(job.last_error, '');
      assert.ok(job.run_at > new Date().toISOString(), 'retried later, with backoff');
      assert.equal(inbox.length, 0);

      smtp = await startSmtp(port, inbox);
      await site.db.kysely.updateTable('jobs').set({ run_at: new Date().toISOString() }).where('id', '=', job.id).execute();
      await jobs.runDue();
      job = await site.db.kysely.selectFrom('jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
      assert.equal(job.status, 'done', job.last_error);
      assert.equal(inbox.length, 1);
      const mail = inbox[0]!;
      assert.deepEqual(mail.to, ['admin@example.org']);
      const text = decodeQuotedPrintable(mail.raw);
      assert.match(text, /Subject: =\?UTF-8\?Q\?Message_à_valider/);
      assert.match(text, /Un nouveau message attend votre validation sur l’article « Benoît Hamon en visite à Niort »/);
      assert.match(text, /Maëlle <maelle@example\.net>/);
      assert.match(text, /Le \{\{PTCE\}\} de Niort existe-t-il encore \?/);
      assert.match(text, new RegExp(`/ecrire/forum\\?statut=pending#message${posted.id}`));
      assert.match(text, /Content-Type: text\/html/);
    } finally {
      await jobs.stop();
    }
  });
});
