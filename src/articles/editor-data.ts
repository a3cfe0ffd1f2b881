// What the back-office editor reads about an article besides its row: the keywords and related articles chosen, the team's discussion, and the
// articles one may pick as related.
import type { Db } from '../db/connect.ts';
import type { ForumMessage } from '../db/schema.ts';

/** The most recent articles offered in the related-articles picker. */
const ARTICLE_CHOICES = 500;

/** The keywords and related articles an article carries, related ones in their chosen order. */
export async function loadArticleLinks(db: Db, articleId: number): Promise<{ keywordIds: number[]; relatedIds: number[] }> {
  const [keywords, related] = await Promise.all([
    db.kysely.selectFrom('keyword_links').select('keyword_id').where('object_type', '=', 'article').where('object_id', '=', articleId).execute(),
    db.kysely.selectFrom('related_articles').select('related_id').where('article_id', '=', articleId).orderBy('position').execute(),
  ]);
  return { keywordIds: keywords.map((k) => k.keyword_id), relatedIds: related.map((r) => r.related_id) };
}

/** Articles outside the trash, most recently changed first, for the related-articles picker. */
export async function listArticleChoices(db: Db): Promise<{ id: number; title: string }[]> {
  return db.kysely.selectFrom('articles').select(['id', 'title']).where('status', '!=', 'trash').orderBy('updated_at', 'desc').limit(ARTICLE_CHOICES).execute();
}

/** The team's discussion of an article (forum messages of kind `team`), oldest first. */
export async function listTeamMessages(db: Db, articleId: number): Promise<ForumMessage[]> {
  return db.kysely.selectFrom('forum_messages').selectAll().where('article_id', '=', articleId).where('kind', '=', 'team').orderBy('created_at').orderBy('id').execute();
}
