// Attaches a document to an article (listed under "Documents joints", usable in the text as <docN|left>)
// or detaches it. Detaching leaves the file in the library, where other articles may use it.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';

export async function attachDocument(db: Db, documentId: number, articleId: number): Promise<void> {
  await db.write(async (trx) => {
    const document = await trx.selectFrom('documents').select('id').where('id', '=', documentId).executeTakeFirst();
    if (!document) throw new TisseError('NOT_FOUND', 'errors.documents.notFound');
    const article = await trx.selectFrom('articles').select('id').where('id', '=', articleId).executeTakeFirst();
    if (!article) throw new TisseError('NOT_FOUND', 'errors.articles.notFound');
    const links = await trx
      .selectFrom('document_links')
      .select(['document_id', 'position'])
      .where('object_type', '=', 'article')
      .where('object_id', '=', articleId)
      .execute();
    if (links.some((l) => l.document_id === documentId)) return;
    const position = links.reduce((max, l) => Math.max(max, l.position), 0) + 1;
    await trx.insertInto('document_links').values({ document_id: documentId, object_type: 'article', object_id: articleId, embedded: 0, position }).execute();
  });
}

export async function detachDocument(db: Db, documentId: number, articleId: number): Promise<void> {
  await db.write(async (trx) => {
    await trx
      .deleteFrom('document_links')
      .where('document_id', '=', documentId)
      .where('object_type', '=', 'article')
      .where('object_id', '=', articleId)
      .execute();
  });
}
