// Deletes a document: its row and links in one transaction, then its file, thumbnail, sizes and icons. Files go only
// after the commit, so a failed deletion never leaves a row pointing at nothing. Only someone who administers
// everything the document is attached to may (users/permissions.ts). The site's logo or favicon is not
// deleted while the settings name it: every page would show a missing image (Apparence replaces or removes it).
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';
import type { Actor } from '../../users/index.ts';
import { loadSiteSettings } from '../../settings/index.ts';
import { thumbnailFileName } from '../storage.ts';
import type { Storage } from '../file-storage.ts';
import { storageAt } from '../local-storage.ts';
import { sizeFileNames } from '../sizes.ts';
import { iconFileNames } from '../icons.ts';
import { requireDocumentManage } from './update-document.ts';

export async function deleteDocument(db: Db, actor: Actor, id: number, options: { storage?: Storage; dataDir?: string }): Promise<void> {
  const { logo, favicon } = await loadSiteSettings(db);
  if (logo?.documentId === id || favicon?.documentId === id) throw new TisseError('CONFLICT', logo?.documentId === id ? 'errors.documents.isLogo' : 'errors.documents.isFavicon');
  const file = await db.write(async (trx) => {
    const document = await trx.selectFrom('documents').select(['id', 'file']).where('id', '=', id).executeTakeFirst();
    if (!document) throw new TisseError('NOT_FOUND', 'errors.documents.notFound');
    await requireDocumentManage(trx, actor, id);
    await trx.deleteFrom('document_links').where('document_id', '=', id).execute();
    await trx.deleteFrom('documents').where('id', '=', id).execute();
    return document.file;
  });
  await removeDocumentFiles(storageAt(options.storage ?? options.dataDir ?? ''), file);
}

/** Removes a deleted document's file and everything made from it (after the commit that deleted its row). */
export async function removeDocumentFiles(storage: Storage, file: string): Promise<void> {
  // An imported file name may be odd; the storage refuses any key that would leave its folder or prefix.
  for (const key of [file, thumbnailFileName(file), ...sizeFileNames(file), ...iconFileNames(file)]) {
    try {
      await storage.delete(key);
    } catch {
      // the row is gone; a file that cannot be removed is only wasted space
    }
  }
}
