// Deletes a keyword, its links to content and its public paths (its page answers 404 afterwards).
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';

export async function deleteKeyword(db: Db, id: number): Promise<void> {
  await db.write(async (trx) => {
    const keyword = await trx.selectFrom('keywords').select('id').where('id', '=', id).executeTakeFirst();
    if (!keyword) throw new TisseError('NOT_FOUND', 'errors.keywords.keywordNotFound');
    await trx.deleteFrom('keyword_links').where('keyword_id', '=', id).execute();
    await trx.deleteFrom('urls').where('object_type', '=', 'keyword').where('object_id', '=', id).execute();
    await trx.deleteFrom('keywords').where('id', '=', id).execute();
  });
}
