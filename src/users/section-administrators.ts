// Who administers a section: full administrators, and restricted administrators whose sections include it or one
// of its ancestors. Decided by permissions.ts's own `administers()`, so the people told about a section (an article
// proposed there) are exactly those who may act on it.
import type { Db, Trx } from '../db/connect.ts';
import type { UserRole } from '../db/schema.ts';
import { buildSectionTree, type SectionTree } from '../sections/index.ts';
import { administers, type Actor } from './permissions.ts';

type Reader = Db['kysely'] | Trx;

export interface SectionAdministrator {
  id: number;
  name: string;
  email: string;
  lang: string;
}

/** Every account that administers `sectionId`, ordered by email; readable inside a write through its transaction. */
export async function listSectionAdministrators(q: Reader, sectionId: number): Promise<SectionAdministrator[]> {
  const admins = await q.selectFrom('users').select(['id', 'name', 'email', 'lang', 'role']).where('role', '=', 'administrator').orderBy('email').execute();
  if (admins.length === 0) return [];
  const links = await q.selectFrom('user_sections').select(['user_id', 'section_id']).where('user_id', 'in', admins.map((a) => a.id)).execute();
  const tree = links.length ? buildSectionTree(await q.selectFrom('sections').selectAll().execute()) : undefined;
  return admins
    .filter((admin) => administers(actorOf(admin, links, tree), sectionId))
    .map(({ id, name, email, lang }) => ({ id, name, email, lang }));
}

/** The actor of an administrator from rows already read (loadActor reads them one account at a time). */
function actorOf(admin: { id: number; role: UserRole }, links: { user_id: number; section_id: number }[], tree: SectionTree | undefined): Actor {
  const own = links.filter((link) => link.user_id === admin.id);
  if (own.length === 0 || !tree) return { id: admin.id, role: admin.role, sections: null };
  return { id: admin.id, role: admin.role, sections: new Set(own.flatMap((link) => tree.subtree(link.section_id))) };
}
