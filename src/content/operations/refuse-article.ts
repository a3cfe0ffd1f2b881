// Refuses a proposed article (→ refused): administrators of its section.
import type { Db } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import type { Actor } from '../permissions.ts';
import { changeArticleStatus } from './change-article-status.ts';

export function refuseArticle(db: Db, actor: Actor, articleId: number): Promise<Article> {
  return changeArticleStatus(db, actor, articleId, 'refuse');
}
