// Which articles a user may see in the back office, as SQL: the same rule as `can(actor, 'article.view')`
// (users/permissions.ts), so that a list counts, sorts and cuts into pages only what its reader may open. A full
// administrator sees every article; a restricted administrator their sections' articles, plus, as every writer,
// their own and everything proposed or published.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../users/index.ts';

type ArticlesScope = ExpressionBuilder<Database, 'articles'>;

/**
 * The condition on `articles` of what the actor may see, or undefined for no condition at all (a full
 * administrator). Someone who may not enter the back office sees nothing.
 */
export function viewableArticles(eb: ArticlesScope, actor: Actor): Expression<SqlBool> | undefined {
  if (actor.role === 'administrator' && actor.sections === null) return undefined;
  if (actor.role !== 'administrator' && actor.role !== 'editor') return sql<SqlBool>`1 = 0`;
  const sections = actor.role === 'administrator' && actor.sections ? [...actor.sections] : [];
  return eb.or([
    eb('articles.status', 'in', ['proposed', 'published']),
    eb('articles.id', 'in', eb.selectFrom('article_authors').select('article_authors.article_id').where('article_authors.user_id', '=', actor.id)),
    ...(sections.length ? [eb('articles.section_id', 'in', sections)] : []),
  ]);
}
