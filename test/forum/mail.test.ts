// Moderators' email through the jobs table and a real SMTP server on loopback: the content of the mail, and a
// dead SMTP server that delays mail without losing it. Runs on both databases.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { forEachDialect, startTestSite, type TestSite } from '../helpers/site.ts';
import { startMailbox, type Mailbox } from '../helpers/mailbox.ts';
import { articleId } from './helpers.ts';
import { postMessage } from '../../src/forum/operations/post-message.ts';
import { issueFormToken } from '../../src/forum/form-token.ts';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

forEachDialect('forum mail', (dialect) => {
  let site: TestSite;
  let mailbox: Mailbox | undefined;
  let port: number;

  before(async () => {
    port = await freePort();
    site = await startTestSite(dialect, { env: { TISSE_SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  after(async () => {
    await site.close();
    await mailbox?.close();
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
      assert.equal(mailbox, undefined, 'no server yet');

      mailbox = await startMailbox(port);
      await site.db.kysely.updateTable('jobs').set({ run_at: new Date().toISOString() }).where('id', '=', job.id).execute();
      await jobs.runDue();
      job = await site.db.kysely.selectFrom('jobs').selectAll().where('id', '=', job.id).executeTakeFirstOrThrow();
      assert.equal(job.status, 'done', job.last_error);
      assert.equal(mailbox.received.length, 1);
      const mail = mailbox.received[0]!;
      assert.deepEqual(mail.to, ['admin@example.org']);
      assert.match(mail.subject, /^Message à valider/);
      assert.match(mail.text, /Un nouveau message attend votre validation sur l’article « Benoît Hamon en visite à Niort »/);
      assert.match(mail.text, /Maëlle <maelle@example\.net>/);
      assert.match(mail.text, /Le \{\{PTCE\}\} de Niort existe-t-il encore \?/);
      assert.match(mail.text, new RegExp(`/ecrire/forum\\?statut=pending#message${posted.id}`));
      assert.notEqual(mail.html, '', 'an HTML part too');
    } finally {
      await jobs.stop();
    }
  });
});
