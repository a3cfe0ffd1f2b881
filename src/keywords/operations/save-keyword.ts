// Creates or edits a keyword. Its public page is /mot/<slug>; a new title gives a new slug and the old
// path redirects. Moving a keyword to a "one keyword only" group is refused when an object would then
// carry two keywords of that group.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Keyword } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { slugify } from '../../kernel/slug.ts';
import { pathFor, setCurrentPath, uniqueSlug } from '../../urls/index.ts';
import { parseInput } from '../../kernel/validation.ts';

export const keywordSchema = z.object({
  groupId: z.number({ error: 'groupe obligatoire' }).int().positive('groupe obligatoire'),
  title: z.string().trim().min(1, 'errors.field.titleRequired').max(200, 'errors.field.atMost200'),
  description: z.string().max(10_000).default(''),
  text: z.string().max(100_000).default(''),
  slug: z.string().trim().max(80).optional(),
});

export const keywordLabels = { groupId: 'errors.label.group', title: 'errors.label.title', description: 'errors.label.description', text: 'errors.label.text', slug: 'errors.label.slug' } as const;

export type KeywordInput = z.input<typeof keywordSchema>;

/** Creates a keyword, or updates keyword `id` when given. */
export async function saveKeyword(db: Db, input: KeywordInput, id?: number): Promise<Keyword> {
  const data = parseInput(keywordSchema, input, keywordLabels);
  return db.write(async (trx) => {
    const group = await trx.selectFrom('keyword_groups').select(['id', 'single']).where('id', '=', data.groupId).executeTakeFirst();
    if (!group) throw new TisseError('BAD_INPUT', 'errors.keywords.chosenGroupNotFound', { fields: { groupId: 'errors.field.unknown' } });
    const duplicate = await trx
      .selectFrom('keywords')
      .select('id')
      .where('group_id', '=', data.groupId)
      .where('title', '=', data.title)
      .executeTakeFirst();
    if (duplicate && duplicate.id !== id) throw new TisseError('CONFLICT', { key: 'errors.keywords.keywordExists', params: { title: data.title } }, { fields: { title: 'errors.field.alreadyUsed' } });

    if (id === undefined) {
      const slug = await uniqueSlug(trx, 'keyword', slugify(data.slug || data.title));
      const created = await trx
        .insertInto('keywords')
        .values({ group_id: data.groupId, slug, title: data.title, description: data.description, text: data.text })
        .returningAll()
        .executeTakeFirstOrThrow();
      await setCurrentPath(trx, 'keyword', created.id, pathFor('keyword', slug));
      return created;
    }

    const keyword = await trx.selectFrom('keywords').selectAll().where('id', '=', id).executeTakeFirst();
    if (!keyword) throw new TisseError('NOT_FOUND', 'errors.keywords.keywordNotFound');
    if (keyword.group_id !== data.groupId && group.single === 1) {
      const clash = await trx
        .selectFrom('keyword_links as mine')
        .innerJoin('keyword_links as other', (join) =>
          join.onRef('other.object_type', '=', 'mine.object_type').onRef('other.object_id', '=', 'mine.object_id'),
        )
        .innerJoin('keywords', 'keywords.id', 'other.keyword_id')
        .select('mine.object_id')
        .where('mine.keyword_id', '=', id)
        .where('keywords.group_id', '=', data.groupId)
        .limit(1)
        .executeTakeFirst();
      if (clash) {
        throw new TisseError('CONFLICT', 'errors.keywords.singleClash', {
          fields: { groupId: 'errors.field.oneKeywordPerItem' },
        });
      }
    }
    const wanted = data.slug ? slugify(data.slug) : data.title !== keyword.title ? slugify(data.title) : keyword.slug;
    const slug = wanted === keyword.slug ? keyword.slug : await uniqueSlug(trx, 'keyword', wanted, id);
    const updated = await trx
      .updateTable('keywords')
      .set({ group_id: data.groupId, slug, title: data.title, description: data.description, text: data.text })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (slug !== keyword.slug) await setCurrentPath(trx, 'keyword', id, pathFor('keyword', slug));
    return updated;
  });
}
