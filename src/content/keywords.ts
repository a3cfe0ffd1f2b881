// Reading keyword groups and keywords: the groups with their keywords (back office, article editor),
// and the keywords attached to one object.
import type { Db } from '../db/connect.ts';
import type { Keyword, ObjectType } from '../db/schema.ts';

export interface KeywordGroupWithKeywords {
  id: number;
  title: string;
  description: string;
  text: string;
  single: boolean;
  required: boolean;
  appliesTo: ObjectType[];
  keywords: (Keyword & { uses: number })[];
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function parseAppliesTo(value: string): ObjectType[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v): v is ObjectType => v !== '') as ObjectType[];
}

/** Every group A–Z with its keywords A–Z and how many objects use each keyword. */
export async function listKeywordGroups(db: Db): Promise<KeywordGroupWithKeywords[]> {
  const [groups, keywords, uses] = await Promise.all([
    db.kysely.selectFrom('keyword_groups').selectAll().execute(),
    db.kysely.selectFrom('keywords').selectAll().execute(),
    db.kysely
      .selectFrom('keyword_links')
      .select(['keyword_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('keyword_id')
      .execute(),
  ]);
  const useCount = new Map(uses.map((u) => [u.keyword_id, Number(u.n)]));
  return groups
    .map((g) => ({
      id: g.id,
      title: g.title,
      description: g.description,
      text: g.text,
      single: g.single === 1,
      required: g.required === 1,
      appliesTo: parseAppliesTo(g.applies_to),
      keywords: keywords
        .filter((k) => k.group_id === g.id)
        .map((k) => ({ ...k, uses: useCount.get(k.id) ?? 0 }))
        .sort((a, b) => collator.compare(a.title, b.title)),
    }))
    .sort((a, b) => collator.compare(a.title, b.title));
}

/** The ids of the keywords attached to an object. */
export async function keywordIdsOf(db: Db, objectType: ObjectType, objectId: number): Promise<number[]> {
  const rows = await db.kysely
    .selectFrom('keyword_links')
    .select('keyword_id')
    .where('object_type', '=', objectType)
    .where('object_id', '=', objectId)
    .execute();
  return rows.map((r) => r.keyword_id);
}
