// Puts an article in the trash: administrators of its section, or its authors while it is a draft.
import type { Db } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import type { Actor } from '../permissions.ts';
import { changeArticleStatus } from './change-article-status.ts';

export function trashArticle(db: Db, actor: Actor, articleId: number): Promise<Article> {
  return changeArticleStatus(db, actor, articleId, 'trash');
}
