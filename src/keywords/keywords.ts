// Reading keyword groups and keywords: the groups with their keywords (back office, article editor),
// and the keywords attached to one object.
import type { Db, Trx } from '../db/connect.ts';
import { TisseError } from '../kernel/errors.ts';
import type { Keyword, KeywordGroup, ObjectType } from '../db/schema.ts';

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

/** Refuses a keyword whose group does not apply to that kind of object (the error names `field`). */
export function assertGroupApplies(group: { title: string; applies_to: string }, objectType: 'article' | 'section', field: string): void {
  if (parseAppliesTo(group.applies_to).includes(objectType)) return;
  const key = objectType === 'article' ? 'errors.keywords.notForArticles' : 'errors.keywords.notForSections';
  throw new TisseError('BAD_INPUT', { key, params: { title: group.title } }, { fields: { [field]: 'errors.field.groupNotApplicable' } });
}

/**
 * Checks the keywords chosen for one object as a whole (article editor, article creation): each exists,
 * its group applies to that kind of object, and a "one keyword only" group (SPIP's unseul) gets one.
 */
export async function checkKeywordChoice(trx: Trx, keywordIds: number[], objectType: 'article' | 'section'): Promise<void> {
  if (keywordIds.length === 0) return;
  const rows = await trx
    .selectFrom('keywords')
    .innerJoin('keyword_groups', 'keyword_groups.id', 'keywords.group_id')
    .select(['keywords.id', 'keywords.group_id', 'keyword_groups.title', 'keyword_groups.single', 'keyword_groups.applies_to'])
    .where('keywords.id', 'in', keywordIds)
    .execute();
  if (rows.length !== new Set(keywordIds).size) throw new TisseError('BAD_INPUT', 'errors.keywords.unknownKeyword', { fields: { keywordIds: 'errors.field.unknown' } });
  const perGroup = new Map<number, number>();
  for (const row of rows) {
    assertGroupApplies(row, objectType, 'keywordIds');
    perGroup.set(row.group_id, (perGroup.get(row.group_id) ?? 0) + 1);
    if (row.single === 1 && perGroup.get(row.group_id)! > 1) {
      throw new TisseError('BAD_INPUT', { key: 'errors.keywords.singleOnly', params: { title: row.title } }, { fields: { keywordIds: 'errors.field.oneKeywordOfGroup' } });
    }
  }
}

export async function loadKeywordGroup(db: Db, id: number): Promise<KeywordGroup | undefined> {
  return db.kysely.selectFrom('keyword_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadKeyword(db: Db, id: number): Promise<Keyword | undefined> {
  return db.kysely.selectFrom('keywords').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every keyword's slug (each has a public page: the sitemap lists them). */
export async function listKeywordSlugs(db: Db): Promise<string[]> {
  const rows = await db.kysely.selectFrom('keywords').select('slug').orderBy('id').execute();
  return rows.map((r) => r.slug);
}

/** The groups that apply to `objectType`, each with its keywords, for an editor's choices. */
export async function keywordChoices(db: Db, objectType: ObjectType): Promise<{ id: number; title: string; keywords: { id: number; title: string; group_id: number }[] }[]> {
  const [groups, keywords] = await Promise.all([
    db.kysely.selectFrom('keyword_groups').select(['id', 'title', 'applies_to']).orderBy('title').execute(),
    db.kysely.selectFrom('keywords').select(['id', 'title', 'group_id']).orderBy('title').execute(),
  ]);
  return groups
    .filter((g) => g.applies_to === '' || parseAppliesTo(g.applies_to).includes(objectType))
    .map((g) => ({ id: g.id, title: g.title, keywords: keywords.filter((k) => k.group_id === g.id) }));
}
