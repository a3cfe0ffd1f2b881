// Objects of an imported site that Tisse keeps as they were (SPIP brèves, sites…) in legacy_objects, so their
// old addresses can still lead somewhere.
import type { Db } from '../db/connect.ts';

/** The source's row of a kept object, as the importer stored it, or undefined. */
export async function loadLegacyObject<Row>(db: Db, source: string, sourceType: string, sourceId: number): Promise<Row | undefined> {
  const kept = await db.kysely
    .selectFrom('legacy_objects')
    .select('data')
    .where('source', '=', source)
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return kept ? (JSON.parse(kept.data) as Row) : undefined;
}

/**
 * The old path an imported SPIP brève answers at (it became an article: decision 026). Every form of a brève's
 * address (spip.php?breve3, breve3.html) is looked up through it.
 */
export function breveLegacyPath(id: number): string {
  return `/breve${id}.html`;
}

/** The articles imported SPIP brèves became, by brève id (those the import recorded; others are unknown). */
export async function articlesOfBreves(db: Db, breveIds: readonly number[]): Promise<Map<number, number>> {
  if (breveIds.length === 0) return new Map();
  const byPath = new Map(breveIds.map((id) => [breveLegacyPath(id), id]));
  const rows = await db.kysely.selectFrom('urls').select(['path', 'object_id']).where('object_type', '=', 'article').where('path', 'in', [...byPath.keys()]).execute();
  return new Map(rows.map((r) => [byPath.get(r.path)!, r.object_id]));
}
