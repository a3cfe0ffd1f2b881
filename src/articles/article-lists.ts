// Back-office article lists: what waits for someone (proposed articles, their drafts), and the article
// list filtered by status, with the authors of each row and only what the actor may see.
import type { Db } from '../db/connect.ts';
import type { ArticleStatus } from '../db/schema.ts';
import { can, type Actor } from '../users/index.ts';

export interface ArticleRow {
  id: number;
  title: string;
  status: ArticleStatus;
  section_id: number;
  section_title: string;
  published_at: string | null;
  updated_at: string;
  authorIds: number[];
  authorNames: string[];
}

export async function listArticlesForActor(
  db: Db,
  actor: Actor,
  filter: { status?: ArticleStatus; authorId?: number; sectionIds?: readonly number[]; limit?: number } = {},
): Promise<ArticleRow[]> {
  let query = db.kysely
    .selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .select(['articles.id', 'articles.title', 'articles.status', 'articles.section_id', 'sections.title as section_title', 'articles.published_at', 'articles.updated_at'])
    .orderBy('articles.updated_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(filter.limit ?? 200);
  if (filter.status) query = query.where('articles.status', '=', filter.status);
  // Filtered before the limit, so that a restricted administrator's sections are not crowded out by the others'.
  if (filter.sectionIds) {
    if (filter.sectionIds.length === 0) return [];
    query = query.where('articles.section_id', 'in', [...filter.sectionIds]);
  }
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId;
    query = query.where('articles.id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('user_id', '=', authorId));
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const authors = await db.kysely
    .selectFrom('article_authors')
    .innerJoin('users', 'users.id', 'article_authors.user_id')
    .select(['article_authors.article_id', 'users.id', 'users.name'])
    .where(
      'article_authors.article_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('article_authors.position')
    .execute();
  return rows
    .map((row) => {
      const mine = authors.filter((a) => a.article_id === row.id);
      return { ...row, authorIds: mine.map((a) => a.id), authorNames: mine.map((a) => a.name) };
    })
    .filter((row) => can(actor, 'article.view', { sectionId: row.section_id, status: row.status, authorIds: row.authorIds }));
}
