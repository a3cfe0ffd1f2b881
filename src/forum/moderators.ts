// Who moderates an article's forum: administrators of the whole site, and restricted administrators whose
// sections include the article's section (or one of its ancestors).
import type { Db, Trx } from '../db/connect.ts';
import type { User } from '../db/schema.ts';

type Reader = Db['kysely'] | Trx;

async function sectionAncestry(q: Reader, sectionId: number): Promise<number[]> {
  const rows = await q.selectFrom('sections').select(['id', 'parent_id']).execute();
  const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
  const chain: number[] = [];
  for (let id: number | null | undefined = sectionId; id != null && !chain.includes(id); id = parent.get(id)) chain.push(id);
  return chain;
}

/** Emails of everyone who may moderate messages on this article. */
export async function moderatorEmails(q: Reader, articleId: number): Promise<string[]> {
  const article = await q.selectFrom('articles').select('section_id').where('id', '=', articleId).executeTakeFirst();
  if (!article) return [];
  const chain = await sectionAncestry(q, article.section_id);
  const admins = await q
    .selectFrom('users')
    .leftJoin('user_sections', 'user_sections.user_id', 'users.id')
    .select(['users.email', 'user_sections.section_id'])
    .where('users.role', '=', 'administrator')
    .execute();
  const restricted = new Set(admins.filter((a) => a.section_id !== null).map((a) => a.email));
  const emails = new Set<string>();
  for (const admin of admins) {
    if (admin.section_id === null ? !restricted.has(admin.email) : chain.includes(admin.section_id)) emails.add(admin.email);
  }
  return [...emails].sort();
}

/**
 * The articles (among `articleIds`) whose forum `user` may moderate: all of them for a site administrator,
 * those under their sections for a restricted one, none for anybody else.
 */
export async function moderatableArticles(q: Reader, user: Pick<User, 'id' | 'role'>, articleIds: number[]): Promise<Set<number>> {
  if (user.role !== 'administrator' || articleIds.length === 0) return new Set();
  const sections = (await q.selectFrom('user_sections').select('section_id').where('user_id', '=', user.id).execute()).map((r) => r.section_id);
  if (sections.length === 0) return new Set(articleIds);
  const articles = await q.selectFrom('articles').select(['id', 'section_id']).where('id', 'in', articleIds).execute();
  const allowed = new Set<number>();
  for (const article of articles) {
    const chain = await sectionAncestry(q, article.section_id);
    if (chain.some((id) => sections.includes(id))) allowed.add(article.id);
  }
  return allowed;
}
