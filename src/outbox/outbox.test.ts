// The outbox on both databases: a job or a mail exists if and only if the change that queued it committed,
// and a malformed mail is refused before anything is queued.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { MAIL_JOB, enqueueJob, enqueueMail } from './index.ts';

forEachDatabase('outbox', (dialect) => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase(dialect);
  });
  after(() => t.close());

  const jobsOf = (type: string) => t.db.kysely.selectFrom('jobs').selectAll().where('type', '=', type).execute();

  test('a mail queued in a transaction that fails is never sent', async () => {
    await assert.rejects(
      t.db.write(async (trx) => {
        await enqueueMail(trx, { to: 'lea@example.org', subject: 'Bienvenue', text: 'Bonjour' });
        throw new Error('the change failed');
      }),
    );
    assert.deepEqual(await jobsOf(MAIL_JOB), []);
    await t.db.write((trx) => enqueueMail(trx, { to: ['lea@example.org', 'paul@example.org'], subject: 'Bienvenue', text: 'Bonjour' }));
    const [mail] = await jobsOf(MAIL_JOB);
    assert.equal(mail?.status, 'queued');
    assert.deepEqual(JSON.parse(mail!.payload).to, ['lea@example.org', 'paul@example.org']);
  });

  test('a malformed mail is refused and nothing is queued', async () => {
    const before = (await jobsOf(MAIL_JOB)).length;
    await assert.rejects(t.db.write((trx) => enqueueMail(trx, { to: 'lea@example.org', subject: '', text: 'Sans objet' })));
    await assert.rejects(t.db.write((trx) => enqueueMail(trx, { to: [], subject: 'Personne', text: '' })));
    assert.equal((await jobsOf(MAIL_JOB)).length, before);
  });

  test('a job keeps its payload, its first run time and its attempt limit', async () => {
    const runAt = new Date(Date.now() + 3_600_000);
    const id = await t.db.write((trx) => enqueueJob(trx, 'outbox-test', { articleId: 12 }, runAt, { maxAttempts: 3 }));
    const [job] = await jobsOf('outbox-test');
    assert.equal(job?.id, id);
    assert.deepEqual(JSON.parse(job!.payload), { articleId: 12 });
    assert.equal(job!.run_at, runAt.toISOString());
    assert.deepEqual([job!.max_attempts, job!.attempts, job!.status], [3, 0, 'queued']);
  });
});
