// One 'newsletter-batch' job: the deliveries of one issue with ids in [firstId, lastId], sent exactly once each
// (decision 029). Each delivery is claimed 'sending' by a conditional update before it is handed to SMTP and
// marked 'sent' after; one batch is run by one runner at a time (the jobs table's claim, SKIP LOCKED on
// PostgreSQL), so a delivery found 'sending' when a batch starts was in flight when an earlier run of this same
// job died: it is marked 'uncertain' and never sent again (at most once; the report counts it). A chunk (as
// many as the SMTP pool's connections) is claimed in one update and recorded 'sent' in one update once all its
// messages were handed over. 5xx: the delivery and the address are bounced. 4xx: the delivery goes back to
// 'queued' and the job fails, so the runner retries it later with backoff (only what is still queued is sent
// then), up to MAX_ATTEMPTS per delivery.
// No reply at all (the server is down): retried the same way, without counting against the delivery.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { nowIso } from '../db/time.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { failureKind, type LetterSender } from './letter-sender.ts';
import { UNSUBSCRIBE_MARKER } from './letter.ts';
import { newsletterSecret, unsubscribeToken, UNSUBSCRIBE_PATH } from './links.ts';
import type { BatchPayload } from './operations/start-sending.ts';

/** A delivery refused this many times with a 4xx is given up as failed. */
export const MAX_ATTEMPTS = 5;

export async function deliverBatch(db: Db, payload: BatchPayload, sender: LetterSender, siteUrl: string): Promise<void> {
  const k = db.kysely;
  const issue = await k.selectFrom('newsletter_issues').selectAll().where('id', '=', payload.issueId).executeTakeFirst();
  if (!issue || issue.status !== 'sending') return;
  const list = await k.selectFrom('newsletter_lists').select(['id', 'name']).where('id', '=', issue.list_id).executeTakeFirst();
  if (!list) return;
  const inBatch = () => k.updateTable('newsletter_deliveries').where('issue_id', '=', issue.id).where('id', '>=', payload.firstId).where('id', '<=', payload.lastId);

  // In flight when a previous run of this batch died: perhaps delivered, perhaps not. Never sent again.
  await inBatch().set({ status: 'uncertain', updated_at: nowIso(), last_error: 'en cours d’envoi lors d’un arrêt du serveur' }).where('status', '=', 'sending').execute();

  const queued = await k
    .selectFrom('newsletter_deliveries as d')
    .innerJoin('newsletter_subscribers as s', 's.id', 'd.subscriber_id')
    .leftJoin('newsletter_subscriptions as sub', (join) => join.onRef('sub.subscriber_id', '=', 'd.subscriber_id').on('sub.list_id', '=', list.id))
    .select(['d.id', 'd.subscriber_id', 's.email', 's.name', 's.status as subscriber_status', 'sub.unsubscribed_at'])
    .where('d.issue_id', '=', issue.id)
    .where('d.id', '>=', payload.firstId)
    .where('d.id', '<=', payload.lastId)
    .where('d.status', '=', 'queued')
    .orderBy('d.id')
    .execute();
  if (queued.length === 0) return finishIfDone(db, issue.id);

  const [secret, from, { newsletter }] = await Promise.all([newsletterSecret(db), sender.from(), loadSiteSettings(db)]);
  const host = new URL(siteUrl).hostname || 'localhost';
  const msPerMessage = newsletter.ratePerMinute > 0 ? 60_000 / newsletter.ratePerMinute : 0;
  const began = Date.now();
  let handed = 0;
  let retryLater = 0;

  for (let i = 0; i < queued.length; i += sender.concurrency) {
    const chunk = queued.slice(i, i + sender.concurrency);
    // Someone who left (or bounced) since the send started gets nothing.
    const gone = chunk.filter((d) => d.subscriber_status !== 'confirmed' || d.unsubscribed_at !== null);
    if (gone.length) await inBatch().set({ status: 'cancelled', updated_at: nowIso() }).where('id', 'in', gone.map((d) => d.id)).where('status', '=', 'queued').execute();
    const wanted = chunk.filter((d) => !gone.includes(d));
    if (wanted.length === 0) continue;
    if (msPerMessage > 0) {
      const wait = began + handed * msPerMessage - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const claimed = new Set(
      (
        await inBatch()
          .set({ status: 'sending', attempts: sql<number>`attempts + 1`, updated_at: nowIso() })
          .where('id', 'in', wanted.map((d) => d.id))
          .where('status', '=', 'queued')
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
    handed += claimed.size;
    const accepted: number[] = [];
    await Promise.all(
      wanted
        .filter((d) => claimed.has(d.id))
        .map(async (d) => {
          const url = `${siteUrl}${UNSUBSCRIBE_PATH}${unsubscribeToken(secret, d.subscriber_id, list.id)}`;
          try {
            await sender.send({
              to: { name: d.name, address: d.email },
              subject: issue.subject,
              html: issue.html.replaceAll(UNSUBSCRIBE_MARKER, url),
              text: issue.text.replaceAll(UNSUBSCRIBE_MARKER, url),
              headers: {
                'List-Unsubscribe': `<${url}>, <mailto:${from.address}?subject=${encodeURIComponent(`désinscription ${d.email}`)}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
                'List-Id': `${list.name.replace(/[<>"\r\n]/g, '')} <lettre-${list.id}.${host}>`,
              },
              messageId: `<lettre-${issue.id}-${d.subscriber_id}@${host}>`,
            });
            accepted.push(d.id);
          } catch (error) {
            // Read the result first: `retryLater += await …` would add to the value read before the await.
            const again = await recordFailure(db, d.id, d.subscriber_id, error);
            retryLater += again;
          }
        }),
    );
    // The chunk's accepted messages recorded at once: until then they are 'sending', as while in flight.
    if (accepted.length) await k.updateTable('newsletter_deliveries').set({ status: 'sent', sent_at: nowIso(), updated_at: nowIso(), last_error: '' }).where('id', 'in', accepted).execute();
  }
  await finishIfDone(db, issue.id);
  if (retryLater > 0) throw new Error(`${retryLater} envoi(s) refusé(s) pour le moment par le serveur SMTP : nouvel essai plus tard`);
}

/** Records a failed hand-over; returns 1 when the delivery waits for another try. */
async function recordFailure(db: Db, deliveryId: number, subscriberId: number, error: unknown): Promise<number> {
  const k = db.kysely;
  const kind = failureKind(error);
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const now = nowIso();
  if (kind === 'permanent') {
    await db.kysely.transaction().execute(async (trx) => {
      await trx.updateTable('newsletter_deliveries').set({ status: 'bounced', last_error: message, updated_at: now }).where('id', '=', deliveryId).execute();
      await trx.updateTable('newsletter_subscribers').set({ status: 'bounced', bounced_at: now, bounce_reason: message }).where('id', '=', subscriberId).execute();
    });
    return 0;
  }
  const row = await k.selectFrom('newsletter_deliveries').select('attempts').where('id', '=', deliveryId).executeTakeFirstOrThrow();
  // A server that did not answer says nothing about this address: the attempt is given back.
  const attempts = kind === 'connection' ? row.attempts - 1 : row.attempts;
  const giveUp = attempts >= MAX_ATTEMPTS;
  await k.updateTable('newsletter_deliveries').set({ status: giveUp ? 'failed' : 'queued', attempts, last_error: message, updated_at: now }).where('id', '=', deliveryId).execute();
  return giveUp ? 0 : 1;
}

/** The issue is sent once none of its deliveries is queued or in flight. */
export async function finishIfDone(db: Db, issueId: number): Promise<void> {
  const open = await db.kysely.selectFrom('newsletter_deliveries').select('id').where('issue_id', '=', issueId).where('status', 'in', ['queued', 'sending']).limit(1).executeTakeFirst();
  if (open) return;
  const now = nowIso();
  await db.kysely.updateTable('newsletter_issues').set({ status: 'sent', finished_at: now, updated_at: now }).where('id', '=', issueId).where('status', '=', 'sending').execute();
}
