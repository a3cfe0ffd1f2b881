// Proposes an article for publication (draft → proposed): its authors or an administrator of its section.
import type { Db } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import type { Actor } from '../permissions.ts';
import { changeArticleStatus } from './change-article-status.ts';

export function proposeArticle(db: Db, actor: Actor, articleId: number): Promise<Article> {
  return changeArticleStatus(db, actor, articleId, 'propose');
}
