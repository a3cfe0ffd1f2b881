// Issues as the back office shows them: the latest ones with their list, and one issue's report — recipients,
// sent, failed, bounced, uncertain (in flight at a crash: decision 029), cancelled, still waiting, and how many
// recipients left the list after it started.
import type { Db } from '../db/connect.ts';
import type { NewsletterIssue } from '../db/schema.ts';

export type IssueSummary = Pick<NewsletterIssue, 'id' | 'kind' | 'subject' | 'status' | 'scheduled_at' | 'started_at' | 'finished_at' | 'recipients' | 'created_at'> & { list_name: string };

export function listIssues(db: Db, limit = 50): Promise<IssueSummary[]> {
  return db.kysely
    .selectFrom('newsletter_issues as i')
    .innerJoin('newsletter_lists as l', 'l.id', 'i.list_id')
    .select(['i.id', 'i.kind', 'i.subject', 'i.status', 'i.scheduled_at', 'i.started_at', 'i.finished_at', 'i.recipients', 'i.created_at', 'l.name as list_name'])
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
}

export function loadIssue(db: Db, id: number): Promise<NewsletterIssue | undefined> {
  return db.kysely.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface IssueReport {
  recipients: number;
  sent: number;
  failed: number;
  bounced: number;
  uncertain: number;
  cancelled: number;
  waiting: number;
  unsubscribedAfter: number;
}

export async function issueReport(db: Db, issue: Pick<NewsletterIssue, 'id' | 'list_id' | 'started_at' | 'recipients'>): Promise<IssueReport> {
  const counts = await db.kysely
    .selectFrom('newsletter_deliveries')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('issue_id', '=', issue.id)
    .groupBy('status')
    .execute();
  const count = (...statuses: string[]) => counts.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + Number(c.n), 0);
  const unsubscribedAfter = issue.started_at
    ? Number(
        (
          await db.kysely
            .selectFrom('newsletter_deliveries as d')
            .innerJoin('newsletter_subscriptions as sub', (join) => join.onRef('sub.subscriber_id', '=', 'd.subscriber_id').on('sub.list_id', '=', issue.list_id))
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('d.issue_id', '=', issue.id)
            .where('sub.unsubscribed_at', '>=', issue.started_at)
            .executeTakeFirstOrThrow()
        ).n,
      )
    : 0;
  return {
    recipients: issue.recipients,
    sent: count('sent'),
    failed: count('failed'),
    bounced: count('bounced'),
    uncertain: count('uncertain'),
    cancelled: count('cancelled'),
    waiting: count('queued', 'sending'),
    unsubscribedAfter,
  };
}
