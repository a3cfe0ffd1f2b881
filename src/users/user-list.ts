// The accounts list as a list that scales (issue 18): searched on name and email (accents and case aside),
// filtered by role, sorted by name, role, articles written or last visit, cut into pages by the database.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import { fold } from '../db/french-stem.ts';
import type { UserRole } from '../db/schema.ts';
import { containsPattern, type ListPage, type ListRequest } from '../kernel/list-page.ts';
import type { UserSummary } from './users.ts';

export const userListSorts = ['nom', 'statut', 'articles', 'visite'] as const;
export type UserListSort = (typeof userListSorts)[number];

export interface UserListFilter {
  search?: string | undefined;
  role?: UserRole | undefined;
}

export async function listUserPage(db: Db, request: ListRequest<UserListSort, UserListFilter>): Promise<ListPage<UserSummary>> {
  const { filter } = request;
  const words = filter.search ? fold(filter.search.trim()) : '';
  const base = db.kysely.selectFrom('users').where((eb) => {
    const where: Expression<SqlBool>[] = [];
    if (filter.role) where.push(eb('users.role', '=', filter.role));
    if (words) {
      const pattern = containsPattern(words);
      where.push(eb.or([sql<SqlBool>`${db.dialect.fold(sql.ref('users.name'))} LIKE ${pattern} ESCAPE '\\'`, sql<SqlBool>`lower(users.email) LIKE ${pattern} ESCAPE '\\'`]));
    }
    return eb.and(where);
  });
  const total = Number((await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  if (total === 0 || request.offset >= total) return { rows: [], total };
  const articles = sql<number>`(SELECT count(*) FROM article_authors WHERE article_authors.user_id = users.id)`;
  const order = {
    nom: db.dialect.fold(sql.ref('users.name')),
    statut: sql`users.role`,
    articles,
    // Never seen sorts as the oldest visit on both databases.
    visite: sql`coalesce(users.last_seen_at, '')`,
  }[request.sort];
  const direction = request.direction === 'asc' ? sql`asc` : sql`desc`;
  const rows = await base
    .select(['users.id', 'users.name', 'users.email', 'users.role', 'users.slug', 'users.last_seen_at', articles.as('articles')])
    .orderBy(sql`${order} ${direction}`)
    .orderBy(sql`users.id ${direction}`)
    .limit(request.limit)
    .offset(request.offset)
    .execute();
  const sections = await db.kysely.selectFrom('user_sections').selectAll().where('user_id', 'in', rows.map((u) => u.id)).execute();
  return {
    total,
    rows: rows.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      slug: u.slug,
      sectionIds: sections.filter((s) => s.user_id === u.id).map((s) => s.section_id),
      articles: Number(u.articles),
      lastSeenAt: u.last_seen_at,
    })),
  };
}
