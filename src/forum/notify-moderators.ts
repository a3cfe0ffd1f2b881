// The moderators' email for a new message, made by a job rather than by the request that posted it (issue 19):
// the post's transaction only queues `{ messageId }`; who moderates the article and the mail itself (the message
// rendered with the forum profile) are worked out here, off the poster's way, and the mail queued as any other.
// At least once, as every job: a run that dies between queuing the mail and finishing queues it again.
import { z } from 'zod';
import type { Db } from '../db/connect.ts';
import { enqueueMail } from '../outbox/index.ts';
import { moderatorEmails } from './moderators.ts';
import { notificationMail } from './notification-mail.tsx';
import { loadSiteSettings } from '../settings/index.ts';

export const FORUM_NOTIFICATION_JOB = 'forum-notification';

export const forumNotificationSchema = z.object({ messageId: z.number().int().positive() });

export async function notifyModerators(db: Db, siteUrl: string, payload: unknown): Promise<void> {
  const { messageId } = forumNotificationSchema.parse(payload);
  // Read before the transaction: on SQLite it holds the only connection, which the settings' read would wait for.
  const { lang } = await loadSiteSettings(db);
  await db.kysely.transaction().execute(async (trx) => {
    const message = await trx
      .selectFrom('forum_messages')
      .innerJoin('articles', 'articles.id', 'forum_messages.article_id')
      .select([
        'forum_messages.status',
        'forum_messages.title',
        'forum_messages.text',
        'forum_messages.author_name',
        'forum_messages.author_email',
        'forum_messages.author_url',
        'forum_messages.author_site_name',
        'articles.id as articleId',
        'articles.title as articleTitle',
        'articles.slug as articleSlug',
      ])
      .where('forum_messages.id', '=', messageId)
      .executeTakeFirst();
    // Deleted meanwhile (spam purged before the job ran): nobody to tell.
    if (!message) return;
    const to = (await moderatorEmails(trx, message.articleId)).filter((email) => email.toLowerCase() !== message.author_email.toLowerCase());
    if (to.length === 0) return;
    await enqueueMail(
      trx,
      notificationMail({
        siteUrl,
        to,
        article: { id: message.articleId, title: message.articleTitle, slug: message.articleSlug },
        messageId,
        status: message.status,
        lang,
        fields: { name: message.author_name, email: message.author_email, title: message.title, text: message.text, linkUrl: message.author_url, linkTitle: message.author_site_name },
      }),
    );
  });
}
