// Password reset on both databases (issue 15): the mail outbox never holds a working link (a copy of the
// database opens no account), the link made when the mail leaves works once, and a reset ends every other
// outstanding link and every session of the account. A real SMTP server on loopback receives the mail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { startMailbox, type Mailbox } from '../../../test/helpers/mailbox.ts';
import { loadConfig } from '../../kernel/config.ts';
import { startJobs } from '../../jobs/start.ts';
import { createUser } from './create-user.ts';
import { logIn } from './log-in.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { findValidReset, resetPassword } from './reset-password.ts';
import { RESET_LINK_MAIL_JOB } from '../../outbox/index.ts';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

forEachDatabase('password reset', (dialect) => {
  let site: TestDatabase;
  let mailbox: Mailbox;

  before(async () => {
    site = await openTestDatabase(dialect);
    mailbox = await startMailbox();
  });
  after(async () => {
    await mailbox.close();
    await site.close();
  });


  test('the outbox holds no link; the mailed link works once; a reset ends the other links and the sessions', async () => {
    const siteUrl = 'https://revue.example';
    const { user } = await createUser(site.db, { email: 'oubli@example.org', name: 'Oublieuse', role: 'editor', password: 'ancien-secret' });
    const before = await logIn(site.db, { email: 'oubli@example.org', password: 'ancien-secret', ip: '192.0.2.1', userAgent: '' });
    await requestPasswordReset(site.db, { email: 'oubli@example.org', siteUrl });
    await requestPasswordReset(site.db, { email: 'oubli@example.org', siteUrl });

    const queued = await site.db.kysely.selectFrom('jobs').select(['type', 'payload']).execute();
    assert.ok(queued.length >= 2, 'two mails are queued');
    const linksAtRest = queued.flatMap((job) => [...job.payload.matchAll(/reinitialiser\/([A-Za-z0-9_-]+)/g)].map((m) => m[1]!));
    assert.ok(linksAtRest.length >= 2, 'the mails say where the link goes');
    for (const token of linksAtRest) assert.equal(await findValidReset(site.db, token), undefined, `a link in the outbox opens nothing (${token})`);

    const config = loadConfig({ TISSE_DATA_DIR: site.dataDir, TISSE_PORT: '0', TISSE_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` });
    const jobs = startJobs(site.db, config, pino({ level: 'silent' }), { pollMs: 3_600_000 });
    try {
      await jobs.runDue();
    } finally {
      await jobs.stop();
    }
    const links = mailbox.received.map((mail) => /https:\/\/revue\.example\/ecrire\/reinitialiser\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1]).filter((t) => t !== undefined);
    assert.equal(links.length, 2, 'each mail carries its link');
    const [first, second] = links as [string, string];
    for (const job of await site.db.kysely.selectFrom('jobs').select('payload').execute()) {
      assert.ok(!job.payload.includes(first) && !job.payload.includes(second), 'the sent links are not kept in the outbox');
    }
    assert.ok(await findValidReset(site.db, first));
    assert.ok(await findValidReset(site.db, second));

    await resetPassword(site.db, second, 'nouveau-secret');
    assert.equal(await findValidReset(site.db, first), undefined, 'the other outstanding link no longer works');
    await assert.rejects(resetPassword(site.db, first, 'encore-un-autre'), code('GONE'));
    await assert.rejects(resetPassword(site.db, second, 'encore-un-autre'), code('GONE'));
    const sessions = await site.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    assert.equal(sessions.length, 0, `the session opened before (${before.session.expiresAt}) is closed`);
    await logIn(site.db, { email: 'oubli@example.org', password: 'nouveau-secret', ip: '192.0.2.1', userAgent: '' });
  });

  // The limit was checked before the request was counted: parallel requests all passed the check.
  test('twelve reset requests at once for one address queue at most three mails', async () => {
    await createUser(site.db, { email: 'presse@example.org', name: 'Pressée', role: 'editor', password: 'un-secret-bien-long' });
    await Promise.all(Array.from({ length: 12 }, () => requestPasswordReset(site.db, { email: 'presse@example.org', siteUrl: 'https://revue.example' })));
    const queued = await site.db.kysely.selectFrom('jobs').select('payload').where('type', '=', RESET_LINK_MAIL_JOB).execute();
    assert.equal(queued.filter((job) => job.payload.includes('presse@example.org')).length, 3);
  });
});
