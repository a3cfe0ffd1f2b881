// Edits a document's texts: title, description, credits and the alternative text read out for images.
import type { Db } from '../../db/connect.ts';
import type { Document } from '../../db/schema.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { documentFieldsSchema, documentLabels } from './upload-document.ts';

export async function updateDocument(db: Db, id: number, input: unknown): Promise<Document> {
  const fields = parseInput(documentFieldsSchema, input, documentLabels);
  return db.write(async (trx) => {
    const updated = await trx.updateTable('documents').set(fields).where('id', '=', id).returningAll().executeTakeFirst();
    if (!updated) throw new TisseError('NOT_FOUND', 'errors.documents.notFound');
    return updated;
  });
}
