// Posting a message in an article's forum: every check (check-post.ts), then in one transaction the
// duplicate check, the per-IP and per-email rate limits, the insert and the moderators' notification.
// A rejection leaves nothing written: the counters roll back with the rest.
import type { Config } from '../../kernel/config.ts';
import type { Db, Trx } from '../../db/connect.ts';
import type { ForumStatus } from '../../db/schema.ts';
import { enqueueMail } from '../../outbox/index.ts';
import { checkPost, type PostInput } from '../check-post.ts';
import { moderatorEmails } from '../moderators.ts';
import { notificationMail } from '../notification-mail.tsx';
import { bumpCounter } from '../rate-limit.ts';
import { ForumRejection } from '../rejection.ts';

export interface PostedMessage {
  id: number;
  status: ForumStatus;
  articleId: number;
  articleSlug: string;
}

export async function postMessage(db: Db, config: Pick<Config, 'forumMinSeconds' | 'siteUrl'>, input: PostInput, now = new Date()): Promise<PostedMessage> {
  const checked = await checkPost(db, config, input);
  const { article, fields, parent, policy, status } = checked;
  const createdAt = now.toISOString();
  // A message held for moderation changes no public page (and the search index skips it): committing it outside
  // db.write keeps every page cache warm, so a flood of pending posts (or spam) cannot force every article to be
  // rendered again. A message published at once goes through db.write, which tells every process.
  const transaction = status === 'published' ? <T>(work: (trx: Trx) => Promise<T>) => db.write(work) : <T>(work: (trx: Trx) => Promise<T>) => db.kysely.transaction().execute(work);
  const id = await transaction(async (trx) => {
    const since = new Date(now.getTime() - policy.duplicateHours * 3_600_000).toISOString();
    const duplicate = await trx
      .selectFrom('forum_messages')
      .select('id')
      .where('article_id', '=', article.id)
      .where('author_email', '=', fields.email)
      .where('text', '=', fields.text)
      .where('created_at', '>=', since)
      .executeTakeFirst();
    if (duplicate) throw new ForumRejection('duplicate', 'errors.forum.duplicate');
    if ((await bumpCounter(trx, `forum:ip:${input.ip}`, policy.perIp.minutes, now)) > policy.perIp.count) {
      throw new ForumRejection('rate_ip', { key: 'errors.forum.rateIp', params: { minutes: policy.perIp.minutes } });
    }
    if ((await bumpCounter(trx, `forum:email:${fields.email.toLowerCase()}`, policy.perEmail.minutes, now)) > policy.perEmail.count) {
      throw new ForumRejection('rate_email', { key: 'errors.forum.rateEmail', params: { minutes: policy.perEmail.minutes } });
    }
    const row = await trx
      .insertInto('forum_messages')
      .values({
        kind: 'public',
        article_id: article.id,
        thread_id: parent?.threadId ?? null,
        parent_id: parent?.id ?? null,
        status,
        title: fields.title,
        text: fields.text,
        author_name: fields.name,
        author_email: fields.email,
        author_url: fields.linkUrl,
        author_site_name: fields.linkTitle,
        user_id: input.user?.id ?? null,
        ip: input.ip,
        created_at: createdAt,
        moderated_at: null,
        moderated_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!parent) await trx.updateTable('forum_messages').set({ thread_id: row.id }).where('id', '=', row.id).execute();
    const to = (await moderatorEmails(trx, article.id)).filter((email) => email.toLowerCase() !== fields.email.toLowerCase());
    if (to.length > 0) {
      await enqueueMail(trx, notificationMail({ siteUrl: config.siteUrl, to, article, messageId: row.id, status, fields }));
    }
    return row.id;
  });
  return { id, status, articleId: article.id, articleSlug: article.slug };
}
