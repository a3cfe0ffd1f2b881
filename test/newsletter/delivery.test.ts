// Issue 20, delivery, on both databases, through the jobs table to a real SMTP receiver on loopback read with
// mailparser: a digest reaches the confirmed subscribers only, once each, with the RFC 8058 headers, the visible
// unsubscribe link and a plain-text part, every address absolute; the one-click POST unsubscribes (idempotent,
// no session, a wrong signature refused); an SMTP server answering 451 then 250 delivers once, after a retry;
// 550 marks the address bounced and is not retried.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { forEachDialect, startTestSite, type TestSite } from '../helpers/site.ts';
import { startMailbox, type Mailbox } from '../helpers/mailbox.ts';
import { buildDigest, saveIssue, saveList, scheduleIssue } from '../../src/newsletter/index.ts';
import { addSubscribers, issueStatus, runJobsUntil } from './helpers.ts';

forEachDialect('newsletter delivery', (dialect) => {
  let site: TestSite;
  let mailbox: Mailbox;

  before(async () => {
    mailbox = await startMailbox();
    site = await startTestSite(dialect, { env: { TISSE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` } });
  });
  after(async () => {
    await site.close();
    await mailbox.close();
  });

  test('a digest goes to confirmed subscribers only, once each, with one-click unsubscribe headers and absolute addresses', async () => {
    const listId = await saveList(site.db, { name: 'La lettre mensuelle', digestSize: 3 });
    await addSubscribers(site.db, listId, [
      { email: 'a@example.org' },
      { email: 'b@example.org' },
      { email: 'c@example.org' },
      { email: 'pending@example.org', status: 'pending' },
      { email: 'left@example.org', unsubscribed: true },
      { email: 'bounced@example.org', status: 'bounced' },
    ]);
    const issueId = await buildDigest(site.db, listId);
    assert.ok(issueId, 'a first digest carries the latest articles');
    const issue = await site.db.kysely.selectFrom('newsletter_issues').selectAll().where('id', '=', issueId).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(issue.article_ids).length, 3, 'as many as the list sets');
    await scheduleIssue(site.db, issueId);
    await runJobsUntil(site, async () => (await issueStatus(site.db, issueId)) === 'sent', 'digest');

    const letters = mailbox.received.filter((m) => /les dernières publications/.test(m.subject));
    assert.deepEqual(letters.map((m) => m.to[0]).sort(), ['a@example.org', 'b@example.org', 'c@example.org']);
    const letter = letters[0]!;
    const headerLine = (key: string) => letter.parsed.headerLines.find((h) => h.key === key)?.line ?? '';
    const listUnsubscribe = headerLine('list-unsubscribe');
    assert.match(listUnsubscribe, /<https?:\/\/[^>]+\/lettre\/desinscription\/[^>]+>/);
    assert.match(listUnsubscribe, /<mailto:[^>]+>/);
    assert.equal(headerLine('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    assert.match(letter.html, /Se désinscrire/);
    assert.doesNotMatch(letter.html, /(src|href)="\//, 'every address absolute');
    assert.doesNotMatch(letter.html, /%%TISSE/);
    assert.match(letter.text, /Se désinscrire : http/);
    const reports = await site.db.kysely.selectFrom('newsletter_deliveries').select('status').where('issue_id', '=', issueId).execute();
    assert.deepEqual(reports.map((r) => r.status), ['sent', 'sent', 'sent']);
    const list = await site.db.kysely.selectFrom('newsletter_lists').selectAll().where('id', '=', listId).executeTakeFirstOrThrow();
    assert.equal(list.last_digest_at, issue.covers_until);
    assert.equal(await buildDigest(site.db, listId), undefined, 'nothing new since: no second digest');

    // One click (RFC 8058): a POST with no session and no token, from the header's URL; twice is the same.
    const url = /<(https?:\/\/[^>]+)>/.exec(listUnsubscribe)![1]!;
    const path = new URL(url).pathname;
    for (let i = 0; i < 2; i++) {
      const response = await site.get(path, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(response.status, 200);
      assert.match(await response.text(), /Désinscription enregistrée/);
    }
    const who = letter.to[0]!;
    const subscriber = await site.db.kysely.selectFrom('newsletter_subscribers').selectAll().where('email', '=', who).executeTakeFirstOrThrow();
    assert.equal(subscriber.status, 'unsubscribed');
    const forged = await site.get(path.slice(0, -4) + 'AAAA', { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /Ce lien n’est pas valide/);
    // The visible link's GET asks, and changes nothing.
    const others = await site.db.kysely.selectFrom('newsletter_subscribers').select('status').where('email', 'in', ['a@example.org', 'b@example.org', 'c@example.org']).execute();
    assert.equal(others.filter((o) => o.status === 'confirmed').length, 2);
  });
});

forEachDialect('newsletter delivery, SMTP refusals', (dialect) => {
  let site: TestSite;
  let server: SMTPServer;
  let port: number;
  const received: string[] = [];
  /** Per address: the reply codes to give before accepting (451: later; 550: never). */
  const plan = new Map<string, number[]>();

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const codes = plan.get(address.address.toLowerCase());
        const code = codes?.shift();
        if (code) return callback(Object.assign(new Error(code === 451 ? 'Greylisted, try later' : 'No such mailbox'), { responseCode: code }));
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream).then(() => {
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as { port: number }).port;
    site = await startTestSite(dialect, { env: { TISSE_SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  after(async () => {
    await site.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('451 then 250: delivered once after a retry; 550: the address is bounced, never retried', async () => {
    const listId = await saveList(site.db, { name: 'Refus' });
    const [, , gone] = await addSubscribers(site.db, listId, [{ email: 'ok@example.org' }, { email: 'later@example.org' }, { email: 'gone@example.org' }]);
    plan.set('later@example.org', [451]);
    plan.set('gone@example.org', [550]);
    const issueId = await saveIssue(site.db, { listId, subject: 'Numéro 1', body: 'Bonjour {{tout le monde}}.' }, null);
    await scheduleIssue(site.db, issueId);
    const deliveries = () => site.db.kysely.selectFrom('newsletter_deliveries').select(['subscriber_id', 'status', 'attempts']).where('issue_id', '=', issueId).orderBy('id').execute();
    await runJobsUntil(site, async () => (await deliveries()).some((d) => d.status === 'bounced'), 'first pass');
    await runJobsUntil(site, async () => !(await deliveries()).some((d) => d.status === 'sending'), 'first pass settles');
    let rows = await deliveries();
    assert.deepEqual(rows.map((r) => r.status), ['sent', 'queued', 'bounced']);
    assert.deepEqual(received.sort(), ['ok@example.org']);
    const bounced = await site.db.kysely.selectFrom('newsletter_subscribers').selectAll().where('id', '=', gone!).executeTakeFirstOrThrow();
    assert.equal(bounced.status, 'bounced');
    assert.match(bounced.bounce_reason, /550/);

    // The runner retries the batch later, with backoff: bring that moment now.
    const job = await site.db.kysely.selectFrom('jobs').selectAll().where('type', '=', 'newsletter-batch').executeTakeFirstOrThrow();
    assert.equal(job.status, 'queued', JSON.stringify(await site.db.kysely.selectFrom('jobs').selectAll().execute()));
    assert.ok(job.run_at > new Date().toISOString(), 'retried later');
    await site.db.kysely.updateTable('jobs').set({ run_at: new Date().toISOString() }).where('id', '=', job.id).execute();
    await runJobsUntil(site, async () => (await issueStatus(site.db, issueId)) === 'sent', 'retry');
    rows = await deliveries();
    assert.deepEqual(rows.map((r) => r.status), ['sent', 'sent', 'bounced']);
    assert.deepEqual(received.sort(), ['later@example.org', 'ok@example.org'], 'one copy each, none to the bounced address');
  });
});
