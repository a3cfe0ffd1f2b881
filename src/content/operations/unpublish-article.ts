// Takes a published article offline (published → proposed): administrators of its section.
import type { Db } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import type { Actor } from '../permissions.ts';
import { changeArticleStatus } from './change-article-status.ts';

export function unpublishArticle(db: Db, actor: Actor, articleId: number): Promise<Article> {
  return changeArticleStatus(db, actor, articleId, 'unpublish');
}
