// Publishes an article now, or at the given date (administrators of its section).
import type { Db } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import type { Actor } from '../permissions.ts';
import { changeArticleStatus, type StatusChange } from './change-article-status.ts';

export function publishArticle(db: Db, actor: Actor, articleId: number, options: StatusChange = {}): Promise<Article> {
  return changeArticleStatus(db, actor, articleId, 'publish', options);
}
