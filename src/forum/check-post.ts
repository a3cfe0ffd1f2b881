// Every check a post must pass before anything is written, shared by the preview step and the send step:
// the article and its forum mode, the honeypot, the fields, the length and link limits, the parent message
// (checkPost), and for the send step the form token (checkPostToken). Throws a ForumRejection saying why.
import type { Config } from '../kernel/config.ts';
import type { Db } from '../db/connect.ts';
import type { Article, ForumMode, ForumStatus, User } from '../db/schema.ts';
import { loadArticle, isPublic } from '../articles/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { checkFormToken } from './form-token.ts';
import { countLinks, parsePostFields, type PostFields } from './input.ts';
import { forumModeOf, initialStatus } from './modes.ts';
import { loadForumPolicy, type ForumPolicy } from './policy.ts';
import { ForumRejection } from './rejection.ts';
import { untranslated } from '../kernel/errors.ts';

export interface PostInput {
  articleId: number;
  parentId: number | null;
  /** What the person typed (name and email may be empty for a logged-in poster). */
  fields: Partial<Record<keyof PostFields, unknown>>;
  token: string;
  /** The honeypot field: people leave it empty. */
  honeypot: string;
  ip: string;
  /** The logged-in poster, if any. */
  user?: Pick<User, 'id' | 'name' | 'email' | 'role'> | null;
}

export interface CheckedPost {
  article: Article;
  mode: ForumMode;
  status: ForumStatus;
  fields: PostFields;
  parent: { id: number; threadId: number; title: string } | null;
  policy: ForumPolicy;
}

export async function checkPost(db: Db, input: PostInput): Promise<CheckedPost> {
  const article = Number.isSafeInteger(input.articleId) ? await loadArticle(db, input.articleId) : undefined;
  if (!article || !isPublic(article)) throw new ForumRejection('not_found', 'errors.forum.articleNotPublic');
  const [settings, policy] = await Promise.all([loadSiteSettings(db), loadForumPolicy(db)]);
  const mode = forumModeOf(article, settings.forumMode);
  const status = initialStatus(mode);
  if (!status) throw new ForumRejection('closed', 'forum.notice.non');
  const user = input.user && input.user.role !== 'disabled' ? input.user : null;
  if (mode === 'abo' && !user) throw new ForumRejection('login_required', 'errors.forum.loginRequired');
  if (input.honeypot.trim() !== '') {
    throw new ForumRejection('honeypot', 'errors.forum.honeypot');
  }

  const raw = user ? { ...input.fields, name: input.fields.name || user.name, email: user.email } : input.fields;
  const parsed = parsePostFields(raw);
  if (!parsed.ok) throw new ForumRejection('invalid', 'errors.forum.fixFields', Object.fromEntries(Object.entries(parsed.errors).map(([name, message]) => [name, untranslated(message)])));
  const fields = parsed.fields;
  const length = [...fields.text].length;
  if (length < policy.minTextLength) {
    throw new ForumRejection('invalid', 'errors.forum.fixFields', { text: { key: 'errors.forum.tooShort', params: { min: policy.minTextLength } } });
  }
  if (length > policy.maxTextLength) {
    throw new ForumRejection('invalid', 'errors.forum.fixFields', {
      text: { key: 'errors.forum.tooLong', params: { length, max: policy.maxTextLength } },
    });
  }
  const links = countLinks(fields.text) + countLinks(fields.title);
  if (links > policy.maxLinks) {
    throw new ForumRejection('links', { key: 'errors.forum.tooManyLinks', params: { links, max: policy.maxLinks } }, {
      text: { key: 'errors.forum.tooManyLinksField', params: { max: policy.maxLinks } },
    });
  }

  let parent: CheckedPost['parent'] = null;
  if (input.parentId !== null) {
    const row = Number.isSafeInteger(input.parentId)
      ? await db.kysely
          .selectFrom('forum_messages')
          .select(['id', 'thread_id', 'title', 'article_id', 'status', 'kind'])
          .where('id', '=', input.parentId)
          .executeTakeFirst()
      : undefined;
    if (!row || row.article_id !== article.id || row.kind !== 'public' || row.status !== 'published') {
      throw new ForumRejection('not_found', 'errors.forum.parentNotPublic');
    }
    parent = { id: row.id, threadId: row.thread_id ?? row.id, title: row.title };
  }
  return { article, mode, status, fields, parent, policy };
}

/**
 * The send step's token check: genuine, for this form, shown at least `forumMinSeconds` ago and not expired.
 * Returns what post-message.ts records so the token posts once.
 */
export async function checkPostToken(
  db: Db,
  config: Pick<Config, 'forumMinSeconds'>,
  checked: CheckedPost,
  token: string,
  now = Date.now(),
): Promise<{ issuedAt: number; nonce: string }> {
  const result = await checkFormToken(
    db,
    token,
    { articleId: checked.article.id, parentId: checked.parent?.id ?? null, minSeconds: config.forumMinSeconds, maxHours: checked.policy.tokenHours },
    now,
  );
  if (result.ok) return result;
  if (result.problem === 'too_fast') throw new ForumRejection('too_fast', 'errors.forum.tooFast');
  if (result.problem === 'expired') throw new ForumRejection('expired', 'errors.forum.expired');
  throw new ForumRejection('token', 'errors.forum.badToken');
}
