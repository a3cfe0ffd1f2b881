// Schedules an article's publication at a future date: it stays hidden until then, and a job marks the moment.
import type { Db } from '../../db/connect.ts';
import type { Article } from '../../db/schema.ts';
import type { Actor } from '../permissions.ts';
import { changeArticleStatus } from './change-article-status.ts';

export function scheduleArticle(db: Db, actor: Actor, articleId: number, publishAt: Date | string, now?: Date): Promise<Article> {
  return changeArticleStatus(db, actor, articleId, 'schedule', { publishAt, ...(now ? { now } : {}) });
}
