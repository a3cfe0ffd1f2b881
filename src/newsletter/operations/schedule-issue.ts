// Sends an issue now or at a chosen time: the 'newsletter-start' job is queued for then, in the transaction that
// marks the issue scheduled. Only a draft or a scheduled issue can be (re)scheduled; a send that started cannot.
import type { Db } from '../../db/connect.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { enqueueJob } from '../../outbox/index.ts';
import { NEWSLETTER_START_JOB } from './start-sending.ts';

export async function scheduleIssue(db: Db, issueId: number, at: Date = new Date()): Promise<void> {
  const when = at.toISOString();
  await db.write(async (trx) => {
    const updated = await trx
      .updateTable('newsletter_issues')
      .set({ status: 'scheduled', scheduled_at: when, updated_at: nowIso() })
      .where('id', '=', issueId)
      .where('status', 'in', ['draft', 'scheduled'])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new TisseError('CONFLICT', 'errors.newsletter.alreadySent');
    // A rescheduled issue has two start jobs; the first to run starts it, the other finds it started.
    await enqueueJob(trx, NEWSLETTER_START_JOB, { issueId }, when, { maxAttempts: 5 });
  });
}
