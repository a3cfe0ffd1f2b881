// The library's bulk action (issue 18): deleting checked documents that nothing uses, all or nothing, in one
// transaction. A document is used when it is attached to something, when a text shows it by its number
// (`<docN>`, `<imgN>`, `<embN>`: named-in-texts.ts) or when the settings name it as logo or favicon. One checked
// document the user may not manage refuses everything (403), one in use too (409); nothing is deleted then.
// Files go after the commit, as for one deletion (delete-document.ts).
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { can, loadDocumentTarget, type Actor } from '../../users/index.ts';
import { documentsNamedInTexts } from '../named-in-texts.ts';
import { removeDocumentFiles } from './delete-document.ts';
import type { Storage } from '../file-storage.ts';
import { storageAt } from '../local-storage.ts';

/** At most this many documents per action. */
export const BULK_DELETE_MAX = 500;

export async function deleteUnusedDocuments(db: Db, actor: Actor, documentIds: readonly number[], options: { storage?: Storage; dataDir?: string }): Promise<{ deleted: number }> {
  const ids = [...new Set(documentIds)];
  if (ids.length === 0) throw new TisseError('BAD_INPUT', 'errors.list.noneChecked');
  if (ids.length > BULK_DELETE_MAX) throw new TisseError('BAD_INPUT', { key: 'errors.list.tooManyChecked', params: { max: BULK_DELETE_MAX } });
  // Read before the transaction (memoised): inside it, SQLite's one connection belongs to the transaction.
  const { logo, favicon } = await loadSiteSettings(db);
  const files = await db.write(async (trx) => {
    const documents = await trx.selectFrom('documents').select(['id', 'file', 'title', 'original_name']).where('id', 'in', ids).orderBy('id').execute();
    if (documents.length !== ids.length) throw new TisseError('NOT_FOUND', 'errors.list.checkedNotFound');
    const label = (doc: (typeof documents)[number]) => doc.title || doc.original_name;
    for (const doc of documents) {
      if (!can(actor, 'document.manage', await loadDocumentTarget(trx, doc.id))) throw new TisseError('FORBIDDEN', { key: 'errors.list.bulkForbidden', params: { title: label(doc) } });
    }
    const attached = new Set((await trx.selectFrom('document_links').select('document_id').where('document_id', 'in', ids).execute()).map((row) => row.document_id));
    const named = await documentsNamedInTexts(trx, ids);
    const used = documents.find((doc) => attached.has(doc.id) || named.has(doc.id) || logo?.documentId === doc.id || favicon?.documentId === doc.id);
    if (used) throw new TisseError('CONFLICT', { key: 'errors.documents.inUse', params: { title: label(used), id: used.id } });
    await trx.deleteFrom('documents').where('id', 'in', ids).execute();
    return documents.map((doc) => doc.file);
  });
  const storage = storageAt(options.storage ?? options.dataDir ?? '');
  for (const file of files) await removeDocumentFiles(storage, file);
  return { deleted: files.length };
}
