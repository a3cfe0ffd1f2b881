// Reads of the links directory: a section's published sites with the newest items of their feeds (the section
// page), every published site by section (the directory page), and the back office's list.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { SitesTable, SyndicatedItemsTable } from '../db/schema.ts';

export type Site = Selectable<SitesTable>;
export type SyndicatedItem = Selectable<SyndicatedItemsTable>;

/** An item's date for ordering: its own, else when it was fetched (no NULL, whose place the two databases disagree on). */
export const newestFirst = sql<string>`coalesce(published_at, fetched_at)`;

/** How many items of each site a page shows. */
export const SHOWN_ITEMS = 5;

export async function loadSite(db: Db, id: number): Promise<Site | undefined> {
  return db.kysely.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface PublicSite {
  id: number;
  sectionId: number;
  name: string;
  url: string;
  description: string;
  items: { title: string; url: string; publishedAt: string | null }[];
}

/** Published sites (of `sectionIds`, or all), by name, each with its newest items. */
export async function listPublicSites(db: Db, sectionIds?: number[]): Promise<PublicSite[]> {
  if (sectionIds && sectionIds.length === 0) return [];
  let query = db.kysely.selectFrom('sites').select(['id', 'section_id', 'name', 'url', 'description']).where('status', '=', 'published');
  if (sectionIds) query = query.where('section_id', 'in', sectionIds);
  const sites = await query.orderBy('name').orderBy('id').execute();
  if (sites.length === 0) return [];
  const items = await db.kysely
    .selectFrom('syndicated_items')
    .select(['site_id', 'title', 'url', 'published_at'])
    .where('site_id', 'in', sites.map((s) => s.id))
    .orderBy(newestFirst, 'desc')
    .orderBy('id', 'desc')
    .execute();
  const bySite = new Map<number, PublicSite['items']>();
  for (const item of items) {
    const list = bySite.get(item.site_id) ?? bySite.set(item.site_id, []).get(item.site_id)!;
    if (list.length < SHOWN_ITEMS) list.push({ title: item.title, url: item.url, publishedAt: item.published_at });
  }
  return sites.map((s) => ({ id: s.id, sectionId: s.section_id, name: s.name, url: s.url, description: s.description, items: bySite.get(s.id) ?? [] }));
}

/** Every site, for the back office: by section then name. */
export async function listSites(db: Db): Promise<Site[]> {
  return db.kysely.selectFrom('sites').selectAll().orderBy('section_id').orderBy('name').orderBy('id').execute();
}
