// Where mail goes: the SMTP server set in the back office's settings when TISSE_SMTP_URL is unset, and
// nowhere (the mail waits, attempts untouched) when neither is set. A real SMTP server on loopback.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { startMailbox, type Mailbox } from '../../test/helpers/mailbox.ts';
import { loadConfig } from '../kernel/config.ts';
import { saveSiteSettings } from '../settings/settings.ts';
import { enqueueMail } from '../outbox/mail.ts';
import { smtpTransportOptions } from './send-mail.ts';
import { startJobs } from './start.ts';

test('TISSE_SMTP_URL wins over the settings; an empty host means no server', () => {
  const smtp = { host: 'mail.example.org', port: 465, security: 'tls' as const, user: 'u', password: 'p' };
  assert.equal(smtpTransportOptions('smtp://relay:25', smtp), 'smtp://relay:25');
  assert.deepEqual(smtpTransportOptions(undefined, smtp), {
    host: 'mail.example.org', port: 465, secure: true, requireTLS: false, ignoreTLS: false, auth: { user: 'u', pass: 'p' },
  });
  assert.equal(smtpTransportOptions(undefined, { ...smtp, host: '' }), undefined);
});

forEachDatabase('mail through the back-office SMTP settings', (dialect) => {
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


  test('without any server the mail waits; once one is set in the settings, it leaves', async () => {
    const config = loadConfig({ TISSE_DATA_DIR: site.dataDir, TISSE_PORT: '0' });
    const jobs = startJobs(site.db, config, pino({ level: 'silent' }), { pollMs: 3_600_000 });
    try {
      await site.db.write((trx) => enqueueMail(trx, { to: 'moderation@example.org', subject: 'Un message attend', text: 'Bonjour' }));
      await jobs.runDue();
      const waiting = await site.db.kysely.selectFrom('jobs').selectAll().where('type', '=', 'mail').executeTakeFirstOrThrow();
      assert.equal(waiting.status, 'queued');
      assert.equal(waiting.attempts, 0, 'a missing setting costs the mail no attempt');
      assert.equal(mailbox.received.length, 0);

      await saveSiteSettings(site.db, { smtp: { host: '127.0.0.1', port: mailbox.port, security: 'none', user: '', password: '' } });
      await site.db.kysely.updateTable('jobs').set({ run_at: new Date(0).toISOString() }).execute();
      await jobs.runDue();
      const sent = await site.db.kysely.selectFrom('jobs').selectAll().where('type', '=', 'mail').executeTakeFirstOrThrow();
      assert.equal(sent.status, 'done');
      assert.equal(mailbox.received.length, 1);
      assert.equal(mailbox.received[0]!.subject, 'Un message attend');
      assert.deepEqual(mailbox.received[0]!.to, ['moderation@example.org']);
    } finally {
      await jobs.stop();
    }
  });
});
