// Deletes a section, only when it is empty: no sub-section and no article (in any status, trash
// included), as SPIP does. Its public paths go with it, so they answer 404 rather than a dead redirect.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';

export async function deleteSection(db: Db, id: number): Promise<void> {
  await db.write(async (trx) => {
    const section = await trx.selectFrom('sections').select('id').where('id', '=', id).executeTakeFirst();
    if (!section) throw new TisseError('NOT_FOUND', 'errors.sections.notFound');
    const child = await trx.selectFrom('sections').select('id').where('parent_id', '=', id).limit(1).executeTakeFirst();
    if (child) throw new TisseError('CONFLICT', 'errors.sections.hasChildren');
    const article = await trx.selectFrom('articles').select('id').where('section_id', '=', id).limit(1).executeTakeFirst();
    if (article) throw new TisseError('CONFLICT', 'errors.sections.hasArticles');
    await trx.deleteFrom('keyword_links').where('object_type', '=', 'section').where('object_id', '=', id).execute();
    await trx.deleteFrom('document_links').where('object_type', '=', 'section').where('object_id', '=', id).execute();
    await trx.deleteFrom('urls').where('object_type', '=', 'section').where('object_id', '=', id).execute();
    await trx.deleteFrom('sections').where('id', '=', id).execute();
  });
}
