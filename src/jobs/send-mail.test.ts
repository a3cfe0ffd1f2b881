// Where mail goes: the SMTP server set in the back office's settings when TISSE_SMTP_URL is unset, and
// nowhere (the mail waits, attempts untouched) when neither is set. A real SMTP server on loopback.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import pino from 'pino';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
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
  let smtp: SMTPServer;
  let port: number;
  const inbox: string[] = [];

  before(async () => {
    site = await openTestDatabase(dialect);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as { port: number }).port;
  });
  after(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
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
      assert.equal(inbox.length, 0);

      await saveSiteSettings(site.db, { smtp: { host: '127.0.0.1', port, security: 'none', user: '', password: '' } });
      await site.db.kysely.updateTable('jobs').set({ run_at: new Date(0).toISOString() }).execute();
      await jobs.runDue();
      const sent = await site.db.kysely.selectFrom('jobs').selectAll().where('type', '=', 'mail').executeTakeFirstOrThrow();
      assert.equal(sent.status, 'done');
      assert.equal(inbox.length, 1);
      assert.match(inbox[0]!, /Subject: Un message attend/);
    } finally {
      await jobs.stop();
    }
  });
});
