// Deletes a keyword group, only when empty: its keywords carry links to content that a deletion would lose.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';

/** Deletes an empty group; one that still holds keywords is refused. */
export async function deleteKeywordGroup(db: Db, id: number): Promise<void> {
  await db.write(async (trx) => {
    const group = await trx.selectFrom('keyword_groups').select('id').where('id', '=', id).executeTakeFirst();
    if (!group) throw new TisseError('NOT_FOUND', 'errors.keywords.groupNotFound');
    const keyword = await trx.selectFrom('keywords').select('id').where('group_id', '=', id).limit(1).executeTakeFirst();
    if (keyword) throw new TisseError('CONFLICT', 'errors.keywords.groupNotEmpty');
    await trx.deleteFrom('keyword_groups').where('id', '=', id).execute();
  });
}
