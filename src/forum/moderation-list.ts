// The moderation queue as a list that scales (issue 18): public messages of one status, searched (title, author's
// name or email, accents and case aside), filtered by article and day of posting, newest or oldest first, cut
// into pages by the database — over only the messages the moderator may act on (a restricted administrator's
// sections, in SQL: their pages are full pages). 100,000 messages: see bench/back-office-lists.ts.
import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import { fold } from '../db/french-stem.ts';
import type { Database, ForumStatus } from '../db/schema.ts';
import { containsPattern, type ListPage, type ListRequest } from '../kernel/list-page.ts';
import type { Actor } from '../users/index.ts';
import type { ModerationRow } from './queries.ts';

export const moderationSorts = ['date'] as const;
export type ModerationSort = (typeof moderationSorts)[number];

export interface ModerationFilter {
  status: ForumStatus;
  search?: string | undefined;
  articleId?: number | undefined;
  /** Posted at or after this instant (ISO). */
  postedFrom?: string | undefined;
  /** Posted before this instant (ISO). */
  postedBefore?: string | undefined;
}

function conditions(actor: Actor, filter: ModerationFilter): Expression<SqlBool>[] {
  const eb = expressionBuilder<Database & { m: Database['forum_messages'] }, 'm'>();
  const where: Expression<SqlBool>[] = [eb('m.kind', '=', 'public'), eb('m.status', '=', filter.status)];
  // The rule of can(actor, 'forum.moderate', { sectionId }): administrators only, restricted ones in their sections.
  if (actor.role !== 'administrator' || actor.sections?.size === 0) where.push(sql<SqlBool>`1 = 0`);
  else if (actor.sections) where.push(eb('m.article_id', 'in', eb.selectFrom('articles').select('articles.id').where('articles.section_id', 'in', [...actor.sections])));
  if (filter.articleId !== undefined) where.push(eb('m.article_id', '=', filter.articleId));
  if (filter.postedFrom) where.push(eb('m.created_at', '>=', filter.postedFrom));
  if (filter.postedBefore) where.push(eb('m.created_at', '<', filter.postedBefore));
  const words = filter.search ? fold(filter.search.trim()) : '';
  // Title, author's name and email, folded once when written (migration 031).
  if (words) where.push(sql<SqlBool>`m.search_folded LIKE ${containsPattern(words)} ESCAPE '\\'`);
  return where;
}

export async function listModerationMessages(db: Db, actor: Actor, request: ListRequest<ModerationSort, ModerationFilter>): Promise<ListPage<ModerationRow>> {
  const where = conditions(actor, request.filter);
  // Counted on the messages alone (their index answers); the page, with its articles.
  const counted = await db.kysely
    .selectFrom('forum_messages as m')
    .where((eb) => eb.and(where))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  if (total === 0 || request.offset >= total) return { rows: [], total };
  const direction = request.direction;
  const page = db.kysely
    .selectFrom('forum_messages as m')
    .where((eb) => eb.and(where))
    .select('m.id')
    .orderBy('m.created_at', direction)
    .orderBy('m.id', direction)
    .limit(request.limit)
    .offset(request.offset);
  const rows = await db.kysely
    .selectFrom('forum_messages as m')
    .innerJoin('articles as a', 'a.id', 'm.article_id')
    .where('m.id', 'in', page)
    .select([
      'm.id',
      'm.status',
      'm.article_id as articleId',
      'a.title as articleTitle',
      'a.slug as articleSlug',
      'a.section_id as sectionId',
      'm.parent_id as parentId',
      'm.title',
      'm.text',
      'm.author_name as authorName',
      'm.author_email as authorEmail',
      'm.author_url as authorUrl',
      'm.author_site_name as authorSiteName',
      'm.ip',
      'm.created_at as createdAt',
    ])
    .orderBy('m.created_at', direction)
    .orderBy('m.id', direction)
    .execute();
  return { rows, total };
}
