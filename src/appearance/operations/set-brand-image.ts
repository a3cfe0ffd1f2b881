// A new logo or favicon: the image is checked and shaped (brand-image.ts), stored through the documents
// pipeline (sniffed again, sized, thumbnail), then named in the settings. Nothing half-saved: when the image is
// refused nothing is stored; when the settings refuse it, the new document and its files are deleted again, so
// neither a row nor a file is left. The image it replaces stays in the library, where a revision can find it.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';
import { t } from '../../kernel/i18n/index.ts';
import { can, type Actor } from '../../users/index.ts';
import { deleteDocument, uploadDocument, type Storage } from '../../documents/index.ts';
import { loadSiteSettings, type SiteSettings } from '../../settings/index.ts';
import { BRAND_IMAGE_MAX_BYTES, prepareBrandImage, type BrandImageKind } from '../brand-image.ts';
import { saveAppearance } from './save-appearance.ts';

export interface SentFile {
  name: string;
  bytes: Uint8Array;
}

export async function setBrandImage(db: Db, actor: Actor, kind: BrandImageKind, file: SentFile, options: { storage?: Storage; dataDir?: string }): Promise<SiteSettings> {
  if (!can(actor, 'settings.manage')) throw new TisseError('FORBIDDEN');
  const image = await prepareBrandImage(kind, file.name, file.bytes);
  const { name } = await loadSiteSettings(db);
  const doc = await uploadDocument(
    db,
    { originalName: image.originalName, bytes: image.bytes, title: t(kind === 'logo' ? 'appearance.logoDocument' : 'appearance.faviconDocument', { site: name }), alt: name },
    { ...options, maxBytes: BRAND_IMAGE_MAX_BYTES },
  );
  try {
    return await saveAppearance(db, actor, { [kind]: { documentId: doc.id } });
  } catch (error) {
    await deleteDocument(db, actor, doc.id, options);
    throw error;
  }
}
