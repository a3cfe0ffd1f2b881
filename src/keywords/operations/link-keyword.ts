// Attaches a keyword to an article or a section, or detaches it. The keyword's group must apply to that
// kind of content. In a "one keyword only" group (SPIP's unseul) the new keyword replaces the other one,
// as SPIP's single-choice selector does.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';
import { assertGroupApplies } from '../keywords.ts';

export type KeywordTarget = 'article' | 'section';

export async function linkKeyword(db: Db, keywordId: number, objectType: KeywordTarget, objectId: number): Promise<void> {
  await db.write(async (trx) => {
    const keyword = await trx
      .selectFrom('keywords')
      .innerJoin('keyword_groups', 'keyword_groups.id', 'keywords.group_id')
      .select(['keywords.id', 'keywords.group_id', 'keyword_groups.single', 'keyword_groups.applies_to', 'keyword_groups.title'])
      .where('keywords.id', '=', keywordId)
      .executeTakeFirst();
    if (!keyword) throw new TisseError('BAD_INPUT', 'errors.keywords.keywordNotFound', { fields: { keywordId: 'errors.field.unknown' } });
    assertGroupApplies(keyword, objectType, 'keywordId');
    const table = objectType === 'article' ? 'articles' : 'sections';
    const target = await trx.selectFrom(table).select('id').where('id', '=', objectId).executeTakeFirst();
    if (!target) throw new TisseError('NOT_FOUND', objectType === 'article' ? 'errors.articles.notFound' : 'errors.sections.notFound');

    const current = await trx
      .selectFrom('keyword_links')
      .innerJoin('keywords', 'keywords.id', 'keyword_links.keyword_id')
      .select(['keyword_links.keyword_id', 'keywords.group_id'])
      .where('keyword_links.object_type', '=', objectType)
      .where('keyword_links.object_id', '=', objectId)
      .execute();
    if (current.some((row) => row.keyword_id === keywordId)) return;
    if (keyword.single === 1) {
      const others = current.filter((row) => row.group_id === keyword.group_id).map((row) => row.keyword_id);
      if (others.length > 0) {
        await trx
          .deleteFrom('keyword_links')
          .where('object_type', '=', objectType)
          .where('object_id', '=', objectId)
          .where('keyword_id', 'in', others)
          .execute();
      }
    }
    await trx.insertInto('keyword_links').values({ keyword_id: keywordId, object_type: objectType, object_id: objectId }).execute();
  });
}

export async function unlinkKeyword(db: Db, keywordId: number, objectType: KeywordTarget, objectId: number): Promise<void> {
  await db.write(async (trx) => {
    await trx
      .deleteFrom('keyword_links')
      .where('keyword_id', '=', keywordId)
      .where('object_type', '=', objectType)
      .where('object_id', '=', objectId)
      .execute();
  });
}
