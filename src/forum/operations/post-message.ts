// Posting a message in an article's forum: every check (check-post.ts) and the form token, then in one
// transaction the token's single use, the duplicate check, the per-IP and per-email rate limits, the insert and
// the job that tells the moderators. A rejection leaves nothing written: the counters roll back with the rest.
// Single use and duplicates are held by the database (a primary key, a unique index: migration 024), not by a
// read before the insert, which concurrent posts on PostgreSQL (READ COMMITTED) all passed.
import { createHash } from 'node:crypto';
import { compiledQuery } from '../../db/compiled-query.ts';
import type { Config } from '../../kernel/config.ts';
import type { Db, Trx } from '../../db/connect.ts';
import type { ForumStatus } from '../../db/schema.ts';
import { checkPost, checkPostToken, type PostInput } from '../check-post.ts';
import { claimFormToken, purgeUsedFormTokens } from '../form-token.ts';
import { renderMessageHtml } from '../message-html.ts';
import { queueModeratorsNotification } from '../notify-moderators.ts';
import { bumpCounter } from '../../db/rate-counters.ts';
import { ForumRejection } from '../rejection.ts';

export interface PostedMessage {
  id: number;
  status: ForumStatus;
  articleId: number;
  articleSlug: string;
}

export async function postMessage(db: Db, config: Pick<Config, 'forumMinSeconds' | 'siteUrl'>, input: PostInput, now = new Date()): Promise<PostedMessage> {
  const checked = await checkPost(db, input);
  const token = await checkPostToken(db, config, checked, input.token, now.getTime());
  const { article, fields, parent, policy, status } = checked;
  const dedupeKey = duplicateKey(article.id, fields.email, fields.text);
  const createdAt = now.toISOString();
  // Rendered before the transaction opens: the engine's time holds no lock.
  const stored = renderMessageHtml(fields.text);
  // A message held for moderation changes no public page (and the search index skips it): committing it outside
  // db.write keeps every page cache warm, so a flood of pending posts (or spam) cannot force every article to be
  // rendered again. A message published at once goes through db.write, which tells every process.
  const transaction = status === 'published' ? <T>(work: (trx: Trx) => Promise<T>) => db.write(work) : <T>(work: (trx: Trx) => Promise<T>) => db.kysely.transaction().execute(work);
  const id = await transaction(async (trx) => {
    if (!(await claimFormToken(trx, token))) throw new ForumRejection('reused', 'errors.forum.tokenUsed');
    const since = new Date(now.getTime() - policy.duplicateHours * 3_600_000).toISOString();
    // Said before the rate limits, as it was when this was the only check; the unique key below is what holds
    // against concurrent posts. Messages stored before migration 024 have no key: the same question asked of them.
    const duplicate = (await recentWithKey(trx, dedupeKey, since))[0] ?? (await recentWithoutKey(trx, fields.email, article.id, since, fields.text))[0];
    if (duplicate) throw new ForumRejection('duplicate', 'errors.forum.duplicate');
    // A message older than the window gives its key up, so the same text may be posted again.
    await releaseOldKey(trx, dedupeKey, since);
    if ((await bumpCounter(trx, `forum:ip:${input.ip}`, policy.perIp.minutes, now)) > policy.perIp.count) {
      throw new ForumRejection('rate_ip', { key: 'errors.forum.rateIp', params: { minutes: policy.perIp.minutes } });
    }
    if ((await bumpCounter(trx, `forum:email:${fields.email.toLowerCase()}`, policy.perEmail.minutes, now)) > policy.perEmail.count) {
      throw new ForumRejection('rate_email', { key: 'errors.forum.rateEmail', params: { minutes: policy.perEmail.minutes } });
    }
    // A recent identical message holds the key: nothing is inserted. On PostgreSQL, an identical post in a
    // concurrent transaction makes this wait for it, then do nothing if it committed.
    const [row] = await insertMessage(
      trx,
      article.id, parent?.threadId ?? null, parent?.id ?? null, status, fields.title, fields.text, fields.name, fields.email,
      fields.linkUrl, fields.linkTitle, input.user?.id ?? null, input.ip, createdAt, dedupeKey, stored.html, stored.html_version,
    );
    if (!row) throw new ForumRejection('duplicate', 'errors.forum.duplicate');
    if (!parent) await startThread(trx, row.id);
    // The moderators' email is worked out by a job (forum/notify-moderators.ts), not on the poster's time.
    await queueModeratorsNotification(trx, article.id, row.id);
    return row.id;
  });
  // Housekeeping that may fail without undoing the post: the next post purges what this one left.
  await purgeUsedFormTokens(db, policy.tokenHours, now.getTime()).catch(() => undefined);
  return { id, status, articleId: article.id, articleSlug: article.slug };
}

// The statements every post runs, compiled once (db/compiled-query.ts): building them cost more than running them.

const recentWithKey = compiledQuery<[string, string], { id: number }>((k, arg) =>
  k.selectFrom('forum_messages').select('id').where('dedupe_key', '=', arg<string>(0)).where('created_at', '>=', arg<string>(1)).limit(1),
);

const recentWithoutKey = compiledQuery<[string, number, string, string], { id: number }>((k, arg) =>
  k
    .selectFrom('forum_messages')
    .select('id')
    .where('author_email', '=', arg<string>(0))
    .where('article_id', '=', arg<number>(1))
    .where('created_at', '>=', arg<string>(2))
    .where('text', '=', arg<string>(3))
    .where('dedupe_key', 'is', null)
    .limit(1),
);

const releaseOldKey = compiledQuery<[string, string], never>((k, arg) =>
  k.updateTable('forum_messages').set({ dedupe_key: null }).where('dedupe_key', '=', arg<string>(0)).where('created_at', '<', arg<string>(1)),
);

const startThread = compiledQuery<[number], never>((k, arg) => k.updateTable('forum_messages').set({ thread_id: arg<number>(0) }).where('id', '=', arg<number>(0)));

/** The insert; its arguments in the order of the columns. */
const insertMessage = compiledQuery<unknown[], { id: number }>((k, arg) => {
  const at = (i: number) => arg<never>(i);
  return k
    .insertInto('forum_messages')
    .values({
      kind: 'public',
      article_id: at(0),
      thread_id: at(1),
      parent_id: at(2),
      status: at(3),
      title: at(4),
      text: at(5),
      author_name: at(6),
      author_email: at(7),
      author_url: at(8),
      author_site_name: at(9),
      user_id: at(10),
      ip: at(11),
      created_at: at(12),
      moderated_at: null,
      moderated_by: null,
      dedupe_key: at(13),
      html: at(14),
      html_version: at(15),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id');
});

/** Same article, same email (in any case), same text: the same message. */
function duplicateKey(articleId: number, email: string, text: string): string {
  return createHash('sha256').update(`${articleId}\n${email.toLowerCase()}\n${text}`).digest('base64url');
}
