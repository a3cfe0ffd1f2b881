// Reading accounts for the back office: the list (with a search and a role filter) and one account with
// the sections it administers (a non-empty list makes an administrator a restricted one).
import type { Db } from '../db/connect.ts';
import type { User, UserRole } from '../db/schema.ts';

export interface UserSummary {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  slug: string;
  sectionIds: number[];
  articles: number;
  lastSeenAt: string | null;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export async function listUsers(db: Db, options: { search?: string; role?: UserRole } = {}): Promise<UserSummary[]> {
  let query = db.kysely.selectFrom('users').select(['id', 'name', 'email', 'role', 'slug', 'last_seen_at']);
  if (options.role) query = query.where('role', '=', options.role);
  const [users, sections, counts] = await Promise.all([
    query.execute(),
    db.kysely.selectFrom('user_sections').selectAll().execute(),
    db.kysely
      .selectFrom('article_authors')
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('user_id')
      .execute(),
  ]);
  const needle = options.search?.trim() ? fold(options.search.trim()) : undefined;
  const articleCount = new Map(counts.map((c) => [c.user_id, Number(c.n)]));
  return users
    .filter((u) => !needle || fold(`${u.name} ${u.email}`).includes(needle))
    .map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      slug: u.slug,
      sectionIds: sections.filter((s) => s.user_id === u.id).map((s) => s.section_id),
      articles: articleCount.get(u.id) ?? 0,
      lastSeenAt: u.last_seen_at,
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
}

export async function loadUser(db: Db, id: number): Promise<(User & { sectionIds: number[] }) | undefined> {
  const user = await db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) return undefined;
  const sections = await db.kysely.selectFrom('user_sections').select('section_id').where('user_id', '=', id).execute();
  return { ...user, sectionIds: sections.map((s) => s.section_id) };
}

/** Accounts that may write articles (administrators and editors), for the editor's author picker. */
export async function listWriters(db: Db): Promise<{ id: number; name: string }[]> {
  return db.kysely.selectFrom('users').select(['id', 'name']).where('role', 'in', ['administrator', 'editor']).orderBy('name').execute();
}

/** The names of the given accounts, in the order given (an id without an account is left out). */
export async function loadUserNames(db: Db, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.kysely.selectFrom('users').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return ids.flatMap((id) => names.get(id) ?? []);
}
