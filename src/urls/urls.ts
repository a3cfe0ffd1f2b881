// The `urls` table: every path an object has answered at. The current path serves the object; an old
// one answers 301 to the current one, so a renamed article keeps every link that points to it.
import type { Db, Trx } from '../db/connect.ts';
import type { ObjectType, UrlsTable } from '../db/schema.ts';
import { compiledQuery } from '../db/compiled-query.ts';
import { nowIso } from '../db/time.ts';

const prefixes: Partial<Record<ObjectType, string>> = {
  article: '/',
  section: '/rubrique/',
  keyword: '/mot/',
  author: '/auteur/',
};

export function pathFor(type: ObjectType, slug: string): string {
  const prefix = prefixes[type];
  if (prefix === undefined) throw new Error(`no public path for ${type}`);
  return prefix + slug;
}

export interface ResolvedPath {
  objectType: ObjectType;
  objectId: number;
  isCurrent: boolean;
}

/** Every public request asks it: compiled once (db/compiled-query.ts). */
const urlByPath = compiledQuery<[string], Pick<UrlsTable, 'object_type' | 'object_id' | 'is_current'>>((k, arg) =>
  k.selectFrom('urls').select(['object_type', 'object_id', 'is_current']).where('path', '=', arg<string>(0)),
);

export async function resolvePath(db: Db, path: string): Promise<ResolvedPath | undefined> {
  const [row] = await urlByPath(db, path);
  return row && { objectType: row.object_type, objectId: row.object_id, isCurrent: row.is_current === 1 };
}

export async function currentPath(db: Db | Trx, type: ObjectType, id: number): Promise<string | undefined> {
  const kysely = 'kysely' in db ? db.kysely : db;
  const row = await kysely
    .selectFrom('urls')
    .select('path')
    .where('object_type', '=', type)
    .where('object_id', '=', id)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  return row?.path;
}

/**
 * Makes `path` the current path of the object; its previous paths stay as redirects. If another object
 * held the path, the caller must have chosen another slug (see uniqueSlug).
 */
export async function setCurrentPath(trx: Trx, type: ObjectType, id: number, path: string): Promise<void> {
  await trx.updateTable('urls').set({ is_current: 0 }).where('object_type', '=', type).where('object_id', '=', id).execute();
  const existing = await trx.selectFrom('urls').select(['id', 'object_type', 'object_id']).where('path', '=', path).executeTakeFirst();
  if (existing && (existing.object_type !== type || existing.object_id !== id)) {
    throw new Error(`path ${path} already belongs to ${existing.object_type} ${existing.object_id}`);
  }
  if (existing) {
    await trx.updateTable('urls').set({ is_current: 1 }).where('id', '=', existing.id).execute();
  } else {
    await trx.insertInto('urls').values({ path, object_type: type, object_id: id, is_current: 1, created_at: nowIso() }).execute();
  }
}

/** Adds an old path that redirects to the object (imported URLs, aliases). Ignores a path already known. */
export async function addRedirectPath(trx: Trx, type: ObjectType, id: number, path: string, createdAt = nowIso()): Promise<void> {
  const existing = await trx.selectFrom('urls').select('id').where('path', '=', path).executeTakeFirst();
  if (existing) return;
  await trx.insertInto('urls').values({ path, object_type: type, object_id: id, is_current: 0, created_at: createdAt }).execute();
}

/** `base`, or `base-2`, `base-3`… : the first slug whose path no other object holds. */
export async function uniqueSlug(trx: Trx, type: ObjectType, base: string, ownId?: number): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const holder = await trx.selectFrom('urls').select(['object_type', 'object_id']).where('path', '=', pathFor(type, slug)).executeTakeFirst();
    const reserved = type === 'article' && reservedArticleSlugs.has(slug);
    if (!reserved && (!holder || (holder.object_type === type && holder.object_id === ownId))) return slug;
  }
}

/** First path segments the site itself uses: an article may not take them as its slug. */
export const reservedArticleSlugs = new Set([
  'rubrique', 'mot', 'auteur', 'glossaire', 'recherche', 'plan', 'archives', 'imprimer', 'ecrire', 'assets', 'documents', 'forum', 'lettre',
  'sante', 'metriques', 'rss.xml', 'atom.xml', 'sitemap.xml', 'robots.txt', 'favicon.ico', 'favicon-32.png', 'apple-touch-icon.png', 'images', 'spip.php', 'IMG', 'feeds',
]);
