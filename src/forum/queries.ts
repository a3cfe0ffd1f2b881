// Reading messages for moderators (the queue, the CLI) and counting them (back-office home).
import type { Db } from '../db/connect.ts';
import { memoByVersion } from '../db/memo.ts';
import type { ForumMessage, ForumStatus } from '../db/schema.ts';
import { publicArticles } from '../articles/index.ts';
import { can, type Actor } from '../users/index.ts';

export interface ModerationRow {
  id: number;
  status: ForumStatus;
  articleId: number;
  articleTitle: string;
  articleSlug: string;
  sectionId: number;
  parentId: number | null;
  title: string;
  text: string;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  authorSiteName: string;
  ip: string;
  createdAt: string;
}

export async function listMessages(db: Db, options: { status?: ForumStatus; articleId?: number; limit?: number; offset?: number } = {}): Promise<ModerationRow[]> {
  let query = db.kysely
    .selectFrom('forum_messages as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .select([
      'm.id',
      'm.status',
      'm.article_id as articleId',
      'a.title as articleTitle',
      'a.slug as articleSlug',
      'a.section_id as sectionId',
      'm.parent_id as parentId',
      'm.title',
      'm.text',
      'm.author_name as authorName',
      'm.author_email as authorEmail',
      'm.author_url as authorUrl',
      'm.author_site_name as authorSiteName',
      'm.ip',
      'm.created_at as createdAt',
    ])
    .where('m.kind', '=', 'public');
  if (options.status) query = query.where('m.status', '=', options.status);
  if (options.articleId) query = query.where('m.article_id', '=', options.articleId);
  return query
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(options.limit ?? 1000)
    .offset(options.offset ?? 0)
    .execute();
}

/**
 * Public messages by status and section, counted once per data version (db/memo.ts): every moderation page shows
 * these counts, and over 100,000 messages the count is a scan, not something to repeat between two writes.
 */
const countsBySection = memoByVersion(async (db: Db) => {
  const rows = await db.kysely
    .selectFrom('forum_messages as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .select(['m.status', 'a.section_id as sectionId', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('m.kind', '=', 'public')
    .groupBy(['m.status', 'a.section_id'])
    .execute();
  return rows.map((row) => ({ status: row.status, sectionId: row.sectionId, n: Number(row.n) }));
});

/**
 * Messages by status among those this person may moderate: a restricted administrator counts only the messages
 * of their sections, so the figures match the queue they see.
 */
export async function countMessagesFor(db: Db, actor: Actor): Promise<Record<ForumStatus, number>> {
  const counts: Record<ForumStatus, number> = { pending: 0, published: 0, refused: 0, spam: 0 };
  for (const row of await countsBySection(db)) if (can(actor, 'forum.moderate', { sectionId: row.sectionId })) counts[row.status] += row.n;
  return counts;
}

/** A published public message of an article (the message a reply answers), or undefined. */
export async function loadPublishedMessage(db: Db, articleId: number, id: number): Promise<Pick<ForumMessage, 'title' | 'author_name' | 'text' | 'html' | 'html_version'> | undefined> {
  return db.kysely
    .selectFrom('forum_messages')
    .select(['title', 'author_name', 'text', 'html', 'html_version'])
    .where('id', '=', id)
    .where('article_id', '=', articleId)
    .where('kind', '=', 'public')
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/** The newest published public messages of public articles (of one article, when given), for the comment feeds. */
export async function listFeedMessages(db: Db, options: { articleId?: number; limit: number }) {
  let query = db.kysely
    .selectFrom('forum_messages as m')
    .innerJoin('articles', 'articles.id', 'm.article_id')
    .select(['m.id', 'm.title', 'm.text', 'm.html', 'm.html_version', 'm.author_name', 'm.created_at', 'articles.title as articleTitle', 'articles.slug'])
    .where('m.kind', '=', 'public')
    .where('m.status', '=', 'published')
    .where(publicArticles());
  if (options.articleId !== undefined) query = query.where('m.article_id', '=', options.articleId);
  return query.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(options.limit).execute();
}
