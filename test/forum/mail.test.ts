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
  test('messages posted between two runs reach the moderators in one email; an imported message is not news', async () => {
    mailbox ??= await startMailbox(port);
    const { id } = await site.db.kysely.selectFrom('articles').select('id').where('title', '=', 'L’alchimie de l’écosystème financier solidaire').executeTakeFirstOrThrow();
    // A message stored without a post (an import): the moderators were never to be told of it.
    await site.db.kysely
      .insertInto('forum_messages')
      .values({ kind: 'public', article_id: id, thread_id: null, parent_id: null, title: 'Importé', status: 'published', text: 'Message venu de SPIP.', author_name: 'Ancien', author_email: 'ancien@example.net', author_url: '', user_id: null, ip: '', created_at: new Date().toISOString(), moderated_at: null, moderated_by: null })
      .execute();
    await site.jobs.stop();
    const { startJobs } = await import('../../src/jobs/start.ts');
    const jobs = startJobs(site.db, site.config, site.log, { pollMs: 3_600_000 });
    const postAs = async (name: string, text: string) =>
      postMessage(site.db, site.config, {
        articleId: id,
        parentId: null,
        fields: { name, email: `${name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}@example.net`, title: '', text, linkUrl: '' },
        token: await issueFormToken(site.db, id, null),
        honeypot: '',
        ip: '127.0.0.10',
      });
    try {
      const before = mailbox.received.length;
      const posted = [await postAs('Inès', 'Première réaction au programme.'), await postAs('Yann', 'Deuxième réaction, plus longue.'), await postAs('Zoé', 'Troisième réaction.')];
      const waiting = await site.db.kysely.selectFrom('jobs').select('id').where('type', '=', 'forum-notification').where('status', '=', 'queued').execute();
      assert.equal(waiting.length, 1, 'one job for the article, however many posts');
      await jobs.runDue();
      await jobs.runDue();
      assert.equal(mailbox.received.length, before + 1, 'one email for the three messages');
      const digest = mailbox.received.at(-1)!;
      assert.deepEqual(digest.to, ['admin@example.org']);
      assert.match(digest.subject, /^3 nouveaux messages sur « .+ », à valider$/);
      assert.match(digest.text, /^3 nouveaux messages sur l’article « .+ », dont 3 à valider :/);
      for (const text of ['Première réaction au programme.', 'Deuxième réaction, plus longue.', 'Troisième réaction.']) assert.ok(digest.text.includes(text), text);
      for (const message of posted) assert.ok(digest.text.includes(`#message${message.id}`), `a link to message ${message.id}`);
      assert.doesNotMatch(digest.text, /Message venu de SPIP/);

      // The next message alone: the email of one message, as before.
      const alone = await postAs('Inès', 'Une précision.');
      await jobs.runDue();
      await jobs.runDue();
      assert.equal(mailbox.received.length, before + 2);
      const single = mailbox.received.at(-1)!;
      assert.match(single.subject, /^Message à valider sur/);
      assert.match(single.text, /Une précision\./);
      assert.match(single.text, new RegExp(`#message${alone.id}`));
      assert.doesNotMatch(single.text, /Première réaction/, 'messages already told of are not told again');
    } finally {
      await jobs.stop();
    }
  });
});
