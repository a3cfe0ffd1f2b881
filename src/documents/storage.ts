// Where document files live: `<dataDir>/documents/<ext>/<safe-name>.<ext>`, with thumbnails under
// `<dataDir>/documents/vignettes/`. Stored names are generated (slug of the original name plus a random
// suffix), never taken from the upload, and every path is checked to stay inside the documents folder.
import { randomBytes } from 'node:crypto';
import { join, resolve, sep } from 'node:path';
import { TisseError } from '../kernel/errors.ts';
import { slugify } from '../kernel/slug.ts';

export function documentsRoot(dataDir: string): string {
  return resolve(dataDir, 'documents');
}

/** The absolute path of a stored document; throws when the relative path would leave the folder. */
export function documentPath(dataDir: string, relative: string): string {
  const root = documentsRoot(dataDir);
  const full = resolve(root, relative);
  if (!full.startsWith(root + sep) || relative.includes('\0')) {
    throw new TisseError('BAD_PATH', 'errors.documents.pathOutside');
  }
  return full;
}

/** A fresh stored name for an upload: 'jpg/maison-de-l-ess-3f9a1c.jpg' (the original name only gives the words). */
export function generatedFileName(originalName: string, ext: string): string {
  const base = originalName.split(/[\\/]/).pop() ?? '';
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  const words = slugify(stem, 60);
  return join(ext, `${words === 'sans-titre' ? 'document' : words}-${randomBytes(4).toString('hex')}.${ext}`).split(sep).join('/');
}

/** The thumbnail of a stored image: 'jpg/maison-3f9a1c.jpg' → 'vignettes/jpg/maison-3f9a1c.webp'. */
export function thumbnailFileName(file: string): string {
  return `vignettes/${file.slice(0, file.lastIndexOf('.'))}.webp`;
}

export const THUMBNAIL_SIZE = 400;
