// The start of a send (the 'newsletter-start' job, queued for now or for the scheduled time): the letter is made
// once, then one transaction records a delivery 'queued' for every recipient at this moment (one row per
// (issue, subscriber), unique) and queues one 'newsletter-batch' job per batch of them, spaced so that all app
// servers together keep to the rate set (settings newsletter.ratePerMinute). The issue moves from draft or
// scheduled to sending in the same transaction, by a conditional update: a start run twice (a retried job, two
// servers) starts it once.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { nowIso } from '../../db/time.ts';
import { enqueueJob } from '../../outbox/index.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { renderLetter } from '../letter.ts';
import { activeRecipients } from '../recipients.ts';

export const NEWSLETTER_START_JOB = 'newsletter-start';
export const NEWSLETTER_BATCH_JOB = 'newsletter-batch';

export interface BatchPayload {
  issueId: number;
  /** The batch: deliveries of the issue with ids in [firstId, lastId]. */
  firstId: number;
  lastId: number;
}

export async function startSending(db: Db, payload: unknown, siteUrl: string): Promise<void> {
  const issueId = Number((payload as { issueId?: unknown } | null)?.issueId);
  const issue = await db.kysely.selectFrom('newsletter_issues').selectAll().where('id', '=', issueId).executeTakeFirst();
  if (!issue || (issue.status !== 'draft' && issue.status !== 'scheduled')) return;
  const list = await db.kysely.selectFrom('newsletter_lists').selectAll().where('id', '=', issue.list_id).executeTakeFirst();
  if (!list) return;
  const letter = await renderLetter(db, siteUrl, list, { subject: issue.subject, body: issue.body, articleIds: JSON.parse(issue.article_ids) as number[] });
  const { newsletter } = await loadSiteSettings(db);
  const now = nowIso();

  await db.write(async (trx) => {
    const started = await trx
      .updateTable('newsletter_issues')
      .set({ status: 'sending', started_at: now, html: letter.html, text: letter.text, updated_at: now })
      .where('id', '=', issueId)
      .where('status', 'in', ['draft', 'scheduled'])
      .executeTakeFirst();
    if (Number(started.numUpdatedRows) === 0) return;
    await trx
      .insertInto('newsletter_deliveries')
      .columns(['issue_id', 'subscriber_id', 'status', 'attempts', 'last_error', 'updated_at'])
      .expression(
        activeRecipients(trx, issue.list_id).select([
          sql<number>`${issueId}`.as('issue_id'),
          's.id',
          sql<string>`'queued'`.as('status'),
          sql<number>`0`.as('attempts'),
          sql<string>`''`.as('last_error'),
          sql<string>`${now}`.as('updated_at'),
        ]),
      )
      .execute();
    const ids = (await trx.selectFrom('newsletter_deliveries').select('id').where('issue_id', '=', issueId).orderBy('id').execute()).map((r) => r.id);
    await trx.updateTable('newsletter_issues').set({ recipients: ids.length, ...(ids.length === 0 ? { status: 'sent', finished_at: now } : {}) }).where('id', '=', issueId).execute();
    if (issue.kind === 'digest' && issue.covers_until) await trx.updateTable('newsletter_lists').set({ last_digest_at: issue.covers_until }).where('id', '=', list.id).execute();
    // Batch k may start once the k batches before it have had their time at the rate set.
    const msPerBatch = newsletter.ratePerMinute > 0 ? (newsletter.batchSize * 60_000) / newsletter.ratePerMinute : 0;
    for (let k = 0; k * newsletter.batchSize < ids.length; k++) {
      const batch = ids.slice(k * newsletter.batchSize, (k + 1) * newsletter.batchSize);
      const job: BatchPayload = { issueId, firstId: batch[0]!, lastId: batch[batch.length - 1]! };
      await enqueueJob(trx, NEWSLETTER_BATCH_JOB, job, new Date(Date.now() + k * msPerBatch), { maxAttempts: 20 });
    }
  });
}
