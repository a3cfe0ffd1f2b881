// Who is told of a new message on an article's forum: administrators of the whole site, and restricted
// administrators whose sections include the article's section (or one of its ancestors) — the same people
// users/permissions.ts lets moderate it.
import type { Db, Trx } from '../db/connect.ts';

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
