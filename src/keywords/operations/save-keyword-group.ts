// Creates or edits a keyword group (SPIP's groupe de mots): title, texts, "one keyword only" (unseul),
// "required" (obligatoire) and the object types it applies to. Making a group single is refused while
// some object already carries several of its keywords: the team must choose which one stays.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { KeywordGroupsTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';

export const keywordTargets = ['article', 'section'] as const;

export const keywordGroupSchema = z.object({
  title: z.string().trim().min(1, 'errors.field.titleRequired').max(200, 'errors.field.atMost200'),
  description: z.string().max(10_000).default(''),
  text: z.string().max(100_000).default(''),
  single: z.boolean().default(false),
  required: z.boolean().default(false),
  appliesTo: z.array(z.enum(keywordTargets)).min(1, 'errors.field.chooseContentType').default(['article']),
});

export const keywordGroupLabels = { title: 'errors.label.title', description: 'errors.label.description', text: 'errors.label.text', single: 'errors.label.single', required: 'errors.label.required', appliesTo: 'errors.label.appliesTo' } as const;

export type KeywordGroupInput = z.input<typeof keywordGroupSchema>;
export type KeywordGroup = Selectable<KeywordGroupsTable>;

/** Creates a group, or updates group `id` when given. */
export async function saveKeywordGroup(db: Db, input: KeywordGroupInput, id?: number): Promise<KeywordGroup> {
  const data = parseInput(keywordGroupSchema, input, keywordGroupLabels);
  const values = {
    title: data.title,
    description: data.description,
    text: data.text,
    single: data.single ? 1 : 0,
    required: data.required ? 1 : 0,
    applies_to: [...new Set(data.appliesTo)].join(','),
  };
  return db.write(async (trx) => {
    const duplicate = await trx.selectFrom('keyword_groups').select('id').where('title', '=', data.title).executeTakeFirst();
    if (duplicate && duplicate.id !== id) throw new TisseError('CONFLICT', { key: 'errors.keywords.groupExists', params: { title: data.title } }, { fields: { title: 'errors.field.alreadyUsed' } });
    if (id === undefined) return trx.insertInto('keyword_groups').values(values).returningAll().executeTakeFirstOrThrow();
    const existing = await trx.selectFrom('keyword_groups').select('id').where('id', '=', id).executeTakeFirst();
    if (!existing) throw new TisseError('NOT_FOUND', 'errors.keywords.groupNotFound');
    if (data.single) {
      const crowded = await trx
        .selectFrom('keyword_links')
        .innerJoin('keywords', 'keywords.id', 'keyword_links.keyword_id')
        .select(['keyword_links.object_type', 'keyword_links.object_id'])
        .where('keywords.group_id', '=', id)
        .groupBy(['keyword_links.object_type', 'keyword_links.object_id'])
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      if (crowded.length > 0) {
        throw new TisseError('CONFLICT', { key: 'errors.keywords.crowded', params: { count: crowded.length } }, {
          fields: { single: 'errors.field.severalKeywords' },
        });
      }
    }
    return trx.updateTable('keyword_groups').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  });
}
