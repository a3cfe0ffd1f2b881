// The moderators' email for new messages, made by a job rather than by the request that posted them (issue 19).
// A post queues its article's job unless one is already waiting (outbox enqueueJobOnce); the job tells the
// moderators of every message of the article they were not told of yet (forum_notifications holds, per article,
// the last one they were), in one email: the message itself when there is one, a digest when a thread or a flood
// brought several between two runs. Who moderates the article and the mail (the message rendered with the forum
// profile when it was posted) are worked out here, off the poster's way, and the mail queued as any other.
// At least once, as every job: a run that dies between queuing the mail and finishing queues it again.
import { z } from 'zod';
import type { Db, Trx } from '../db/connect.ts';
import { compiledQuery } from '../db/compiled-query.ts';
import { enqueueJobOnce, enqueueMail } from '../outbox/index.ts';
import { messageHtml } from './message-html.ts';
import { moderatorEmails } from './moderators.ts';
import { notificationDigestMail, notificationMail, type NotifiedMessage } from './notification-mail.tsx';
import { loadSiteSettings } from '../settings/index.ts';

export const FORUM_NOTIFICATION_JOB = 'forum-notification';

/** At most this many messages in one email; the job queues itself again for the rest. */
export const DIGEST_LIMIT = 50;

export const forumNotificationSchema = z.union([
  // Queued by a post: the article's messages its moderators were not told of yet.
  z.object({ articleId: z.number().int().positive() }),
  // The form of jobs queued before migration 067: one message.
  z.object({ messageId: z.number().int().positive() }),
]);

/** In the post's transaction: the article's moderators will be told of this message, with any others waiting. */
export async function queueModeratorsNotification(trx: Trx, articleId: number, messageId: number): Promise<void> {
  // An article's first message posted here starts its watermark: messages stored before (an import) were never
  // the moderators' news.
  await startWatermark(trx, articleId, messageId - 1);
  // The payload names the article only, so that every post while the job waits finds it queued already.
  await enqueueJobOnce(trx, FORUM_NOTIFICATION_JOB, { articleId });
}

const startWatermark = compiledQuery<[number, number], never>((k, arg) =>
  k
    .insertInto('forum_notifications')
    .values({ article_id: arg<number>(0), last_message_id: arg<number>(1) })
    .onConflict((oc) => oc.column('article_id').doNothing()),
);

export async function notifyModerators(db: Db, siteUrl: string, payload: unknown): Promise<void> {
  const job = forumNotificationSchema.parse(payload);
  // Read before the transaction: on SQLite it holds the only connection, which the settings' read would wait for.
  const { lang } = await loadSiteSettings(db);
  await db.kysely.transaction().execute(async (trx) => {
    const messages = 'messageId' in job ? await oneMessage(trx, job.messageId) : await untoldMessages(trx, job.articleId);
    const first = messages[0];
    if (!first) return;
    const article = { id: first.articleId, title: first.articleTitle, slug: first.articleSlug };
    const moderators = await moderatorEmails(trx, article.id);
    // A moderator is not told of their own messages: recipients grouped by the messages they are told of.
    const byMessages = new Map<string, { to: string[]; messages: NotifiedMessage[] }>();
    for (const email of moderators) {
      const theirs = messages.filter((m) => m.author_email.toLowerCase() !== email.toLowerCase());
      if (theirs.length === 0) continue;
      const key = theirs.map((m) => m.id).join(',');
      const group = byMessages.get(key) ?? { to: [], messages: theirs.map(notified) };
      group.to.push(email);
      byMessages.set(key, group);
    }
    for (const { to, messages: told } of byMessages.values()) {
      await enqueueMail(trx, told.length === 1 ? notificationMail({ siteUrl, to, article, lang, ...told[0]! }) : notificationDigestMail({ siteUrl, to, article, lang, messages: told }));
    }
  });
}

const messageColumns = [
  'forum_messages.id',
  'forum_messages.status',
  'forum_messages.title',
  'forum_messages.text',
  'forum_messages.author_name',
  'forum_messages.author_email',
  'forum_messages.author_url',
  'forum_messages.author_site_name',
  'forum_messages.html',
  'forum_messages.html_version',
  'articles.id as articleId',
  'articles.title as articleTitle',
  'articles.slug as articleSlug',
] as const;

/** An old job's message (deleted meanwhile, spam purged before the job ran: nobody to tell). */
function oneMessage(trx: Trx, messageId: number) {
  return trx.selectFrom('forum_messages').innerJoin('articles', 'articles.id', 'forum_messages.article_id').select(messageColumns).where('forum_messages.id', '=', messageId).execute();
}

/**
 * The article's public messages its moderators were not told of, oldest first, at most DIGEST_LIMIT (the rest
 * queued for the next run); they count as told from now on. The watermark's row is written before it is read,
 * so that on PostgreSQL a concurrent run of the same article's job waits for this one and finds them told.
 */
async function untoldMessages(trx: Trx, articleId: number) {
  const told = await trx
    .updateTable('forum_notifications')
    .set((eb) => ({ last_message_id: eb.ref('last_message_id') }))
    .where('article_id', '=', articleId)
    .returning('last_message_id')
    .executeTakeFirst();
  if (!told) return [];
  const messages = await trx
    .selectFrom('forum_messages')
    .innerJoin('articles', 'articles.id', 'forum_messages.article_id')
    .select(messageColumns)
    .where('forum_messages.article_id', '=', articleId)
    .where('forum_messages.kind', '=', 'public')
    .where('forum_messages.id', '>', told.last_message_id)
    .orderBy('forum_messages.id')
    .limit(DIGEST_LIMIT)
    .execute();
  const last = messages.at(-1);
  if (!last) return [];
  await trx.updateTable('forum_notifications').set({ last_message_id: last.id }).where('article_id', '=', articleId).execute();
  if (messages.length === DIGEST_LIMIT) await enqueueJobOnce(trx, FORUM_NOTIFICATION_JOB, { articleId });
  return messages;
}

type MessageRow = Awaited<ReturnType<typeof oneMessage>>[number];

function notified(row: MessageRow): NotifiedMessage {
  return {
    messageId: row.id,
    status: row.status,
    fields: { name: row.author_name, email: row.author_email, title: row.title, text: row.text, linkUrl: row.author_url, linkTitle: row.author_site_name },
    // Rendered when it was posted: not again for the mail.
    html: messageHtml(row),
  };
}
