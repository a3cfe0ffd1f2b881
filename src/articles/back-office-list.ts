// The back office's article list (issue 18): searched on the folded title (migration 031), filtered by status,
// section (and what lies below it), author and date of last change, sorted by a whitelisted column, cut into
// pages by the database — counted and paged over only what the reader may see (viewable.ts), so that page 500 of
// 10,000 articles costs about what page 1 does. "All statuses" leaves the trash out; it has its own filter.
import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import { fold } from '../db/french-stem.ts';
import type { ArticleStatus, Database } from '../db/schema.ts';
import { loadSectionTree } from '../sections/index.ts';
import type { Actor } from '../users/index.ts';
import type { ArticleRow } from './article-lists.ts';
import { containsPattern, type ListPage, type ListRequest } from '../kernel/list-page.ts';
import { viewableArticles } from './viewable.ts';

/** The columns the list sorts by, by their name in the address. */
export const articleListSorts = ['maj', 'titre', 'statut', 'publication'] as const;
export type ArticleListSort = (typeof articleListSorts)[number];

export interface ArticleListFilter {
  /** Words of the title, any case, with or without accents; a number also finds the article of that number ("#12": only it). */
  search?: string | undefined;
  /** Undefined: every status but the trash. */
  status?: ArticleStatus | undefined;
  /** The section and every section below it. */
  sectionId?: number | undefined;
  authorId?: number | undefined;
  /** Last changed at or after this instant (ISO). */
  changedFrom?: string | undefined;
  /** Last changed before this instant (ISO). */
  changedBefore?: string | undefined;
  /** An article left out (the related-articles picker's own article: an article is not related to itself). */
  excludeId?: number | undefined;
}

const sortColumns = {
  maj: sql.ref('articles.updated_at'),
  titre: sql.ref('articles.title_folded'),
  statut: sql.ref('articles.status'),
  // Never published articles sort as the earliest on both databases (NULL's place differs between them).
  publication: sql`coalesce(articles.published_at, '')`,
} satisfies Record<ArticleListSort, unknown>;

async function conditions(db: Db, eb: ExpressionBuilder<Database, 'articles'>, actor: Actor, filter: ArticleListFilter): Promise<Expression<SqlBool>[]> {
  const where: Expression<SqlBool>[] = [];
  const viewable = viewableArticles(eb, actor);
  if (viewable) where.push(viewable);
  where.push(filter.status ? eb('articles.status', '=', filter.status) : eb('articles.status', '!=', 'trash'));
  if (filter.sectionId !== undefined) {
    const sections = (await loadSectionTree(db)).subtree(filter.sectionId);
    where.push(eb('articles.section_id', 'in', sections.length ? sections : [filter.sectionId]));
  }
  if (filter.authorId !== undefined) {
    where.push(eb('articles.id', 'in', eb.selectFrom('article_authors').select('article_authors.article_id').where('article_authors.user_id', '=', filter.authorId)));
  }
  if (filter.excludeId !== undefined) where.push(eb('articles.id', '!=', filter.excludeId));
  if (filter.changedFrom) where.push(eb('articles.updated_at', '>=', filter.changedFrom));
  if (filter.changedBefore) where.push(eb('articles.updated_at', '<', filter.changedBefore));
  const words = filter.search ? fold(filter.search.trim()) : '';
  if (words) {
    const byTitle = sql<SqlBool>`articles.title_folded LIKE ${containsPattern(words)} ESCAPE '\\'`;
    // "#12" or "n° 12" is the article of that number; "12" alone is that number or a title holding it.
    const numbered = /^(?:#|n°)\s*([1-9][0-9]{0,8})$/.exec(words)?.[1];
    const number = /^[1-9][0-9]{0,8}$/.test(words) ? words : undefined;
    if (numbered) where.push(eb('articles.id', '=', Number(numbered)));
    else where.push(number ? eb.or([byTitle, eb('articles.id', '=', Number(number))]) : byTitle);
  }
  return where;
}

/** One page of the back-office article list, with each row's authors, and how many rows all pages hold. */
export async function listBackOfficeArticles(db: Db, actor: Actor, request: ListRequest<ArticleListSort, ArticleListFilter>): Promise<ListPage<ArticleRow>> {
  const where = await conditions(db, expressionBuilder<Database, 'articles'>(), actor, request.filter);
  const base = db.kysely.selectFrom('articles').where((eb) => eb.and(where));
  const counted = await base.select((e) => e.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const total = Number(counted.n);
  if (total === 0 || request.offset >= total) return { rows: [], total };
  const column = sortColumns[request.sort];
  const direction = request.direction === 'asc' ? sql`asc` : sql`desc`;
  // The page's ids first, from the filter and the order alone (an index walk, however deep the page); then their rows.
  const page = base.select('articles.id').orderBy(sql`${column} ${direction}`).orderBy(sql`articles.id ${direction}`).limit(request.limit).offset(request.offset);
  const rows = await db.kysely
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .where('articles.id', 'in', page)
    .select(['articles.id', 'articles.title', 'articles.status', 'articles.section_id', 'sections.title as section_title', 'articles.published_at', 'articles.updated_at'])
    .orderBy(sql`${column} ${direction}`)
    .orderBy(sql`articles.id ${direction}`)
    .execute();
  const authors = await db.kysely
    .selectFrom('article_authors')
    .innerJoin('users', 'users.id', 'article_authors.user_id')
    .select(['article_authors.article_id', 'users.id', 'users.name'])
    .where('article_authors.article_id', 'in', rows.map((r) => r.id))
    .orderBy('article_authors.position')
    .execute();
  return {
    total,
    rows: rows.map((row) => {
      const mine = authors.filter((a) => a.article_id === row.id);
      return { ...row, authorIds: mine.map((a) => a.id), authorNames: mine.map((a) => a.name) };
    }),
  };
}
