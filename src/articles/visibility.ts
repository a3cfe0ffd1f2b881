// What the public may see: a published article whose publication date has come.
// Every public query goes through these helpers, so a scheduled or unpublished article never leaks.
import type { ExpressionBuilder } from 'kysely';
import type { Article, Database } from '../db/schema.ts';

/**
 * Compared as instants, not as strings: a date written before input was bounded (`+275760-09-13…`) sorts
 * before `2024-…` as text. Stored dates are four-digit-year ISO strings (kernel/input.ts, migration 025), for
 * which the SQL comparison of publicArticles agrees.
 */
export function isPublic(article: Pick<Article, 'status' | 'published_at'>, now = new Date().toISOString()): boolean {
  if (article.status !== 'published' || article.published_at === null) return false;
  const at = Date.parse(article.published_at);
  return !Number.isNaN(at) && at <= Date.parse(now);
}

/**
 * Published with a date still to come: scheduled, not online yet. Every place that tells an article's status
 * (the badge, the notice after an action) asks this, so that none says "publié en ligne" before the date.
 */
export function isScheduled(article: Pick<Article, 'status' | 'published_at'>, now = new Date().toISOString()): boolean {
  if (article.status !== 'published' || article.published_at === null) return false;
  const at = Date.parse(article.published_at);
  return !Number.isNaN(at) && at > Date.parse(now);
}

/** A where-clause for `articles` (optionally aliased) keeping only public articles. */
export function publicArticles(now = new Date().toISOString(), table = 'articles') {
  return (eb: ExpressionBuilder<Database, 'articles'>) =>
    eb.and([
      eb(`${table}.status` as 'articles.status', '=', 'published'),
      eb(`${table}.published_at` as 'articles.published_at', '<=', now),
    ]);
}
