// Edits a document's texts: title, description, credits and the alternative text read out for images.
// Only someone who administers everything the document is attached to may (users/permissions.ts).
import type { Db } from '../../db/connect.ts';
import type { Document, Trx } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { can, loadDocumentTarget, type Actor } from '../../users/index.ts';
import { documentFieldsSchema, documentLabels } from './upload-document.ts';

export async function updateDocument(db: Db, actor: Actor, id: number, input: unknown): Promise<Document> {
  const fields = parseInput(documentFieldsSchema, input, documentLabels);
  return db.write(async (trx) => {
    const found = await trx.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
    if (!found) throw new TisseError('NOT_FOUND', 'errors.documents.notFound');
    await requireDocumentManage(trx, actor, id);
    const updated = await trx.updateTable('documents').set(fields).where('id', '=', id).returningAll().executeTakeFirst();
    if (!updated) throw new TisseError('NOT_FOUND', 'errors.documents.notFound');
    return updated;
  });
}

/** Throws FORBIDDEN unless the actor administers every object the document is attached to. */
export async function requireDocumentManage(trx: Trx, actor: Actor, id: number): Promise<void> {
  if (!can(actor, 'document.manage', await loadDocumentTarget(trx, id))) throw new TisseError('FORBIDDEN', 'errors.documents.cannotManage');
}
