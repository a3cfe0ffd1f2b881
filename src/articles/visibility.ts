// What the public may see: a published article whose publication date has come.
// Every public query goes through these helpers, so a scheduled or unpublished article never leaks.
import type { ExpressionBuilder } from 'kysely';
import type { Article, Database } from '../db/schema.ts';

export function isPublic(article: Pick<Article, 'status' | 'published_at'>, now = new Date().toISOString()): boolean {
  return article.status === 'published' && article.published_at !== null && article.published_at <= now;
}

/** A where-clause for `articles` (optionally aliased) keeping only public articles. */
export function publicArticles(now = new Date().toISOString(), table = 'articles') {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([
      eb(`${table}.status` as 'articles.status', '=', 'published'),
      eb(`${table}.published_at` as 'articles.published_at', '<=', now),
    ]);
}
