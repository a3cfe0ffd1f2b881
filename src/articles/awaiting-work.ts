// "Ce qui m'attend" (the back-office home, issue 18): only what this person may act on. Proposed articles to
// publish or refuse go to the administrators of their section (a restricted administrator: their sections only;
// an editor reviews nothing); each person's own articles still in progress (drafts, proposed); the team's
// messages on articles they sign, from others, recent. Forum moderation counts are forum/'s (countMessagesFor).
import type { Db } from '../db/connect.ts';
import { can, type Actor } from '../users/index.ts';
import { listArticlesForActor, type ArticleRow } from './article-lists.ts';

/** Team messages older than this no longer wait for anyone. */
const MESSAGES_DAYS = 30;
const LIMIT = 50;

export interface TeamMessageRow {
  id: number;
  articleId: number;
  articleTitle: string;
  authorName: string;
  createdAt: string;
  text: string;
}

export interface AwaitingWork {
  /** Proposed articles this person may publish (empty for an editor). */
  toReview: ArticleRow[];
  /** Their own articles not yet published: drafts and proposed ones. */
  mine: ArticleRow[];
  /** What the team wrote lately in the private thread of articles they sign, others' messages only. */
  messages: TeamMessageRow[];
}

export async function loadAwaitingWork(db: Db, actor: Actor, now = new Date()): Promise<AwaitingWork> {
  const reviews = actor.role === 'administrator';
  const [proposed, drafts, mineProposed, messages] = await Promise.all([
    reviews ? listArticlesForActor(db, actor, { status: 'proposed', limit: LIMIT, ...(actor.sections ? { sectionIds: [...actor.sections] } : {}) }) : [],
    listArticlesForActor(db, actor, { status: 'draft', authorId: actor.id, limit: LIMIT }),
    listArticlesForActor(db, actor, { status: 'proposed', authorId: actor.id, limit: LIMIT }),
    teamMessagesFor(db, actor, new Date(now.getTime() - MESSAGES_DAYS * 86_400_000).toISOString()),
  ]);
  const toReview = proposed.filter((row) => can(actor, 'article.publish', { sectionId: row.section_id, status: row.status, authorIds: row.authorIds }));
  const mine = [...mineProposed, ...drafts].sort((a, b) => (a.updated_at < b.updated_at ? 1 : a.updated_at > b.updated_at ? -1 : b.id - a.id));
  return { toReview, mine, messages };
}

async function teamMessagesFor(db: Db, actor: Actor, since: string): Promise<TeamMessageRow[]> {
  const rows = await db.kysely
    .selectFrom('forum_messages')
    .innerJoin('articles', 'articles.id', 'forum_messages.article_id')
    .select(['forum_messages.id', 'forum_messages.article_id', 'articles.title', 'forum_messages.author_name', 'forum_messages.created_at', 'forum_messages.text'])
    .where('forum_messages.kind', '=', 'team')
    .where('forum_messages.created_at', '>=', since)
    .where((eb) => eb.or([eb('forum_messages.user_id', 'is', null), eb('forum_messages.user_id', '!=', actor.id)]))
    .where('forum_messages.article_id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('user_id', '=', actor.id))
    .where('articles.status', '!=', 'trash')
    .orderBy('forum_messages.created_at', 'desc')
    .orderBy('forum_messages.id', 'desc')
    .limit(LIMIT)
    .execute();
  return rows.map((row) => ({ id: row.id, articleId: row.article_id!, articleTitle: row.title, authorName: row.author_name, createdAt: row.created_at, text: row.text }));
}
