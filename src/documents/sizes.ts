// Sizes of a document's image for responsive pages (Ghost's /size/w600/): a WebP of one of a few fixed widths,
// made by sharp on the first request and kept as `tailles/<width>/<file>.webp` (derived-files.ts). Only the
// widths listed are made, so nobody can make the server produce and store a million sizes of one image; an
// image is never enlarged. An image sharp does not resize here (SVG, GIF which may be animated) is served as
// it is: the caller redirects to the original.
import type { Db } from '../db/connect.ts';
import { derivedFile, DERIVED_FOLDER, type DerivedFile } from './derived-files.ts';
import type { Storage } from './file-storage.ts';
import { readWhole, storageAt } from './local-storage.ts';

/** The widths a page may ask for, smallest first. */
export const IMAGE_WIDTHS: readonly number[] = [320, 640, 960, 1280, 1920];

/** The types sizes are made of: raster images sharp reads whole and no animation is lost from. */
const SIZED_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif']);

/** Larger sources are served as they are rather than decoded (a decompression bomb costs memory, not bytes). */
const MAX_SOURCE_PIXELS = 50_000_000;

export function hasSizes(mimeType: string): boolean {
  return SIZED_TYPES.has(mimeType.toLowerCase());
}

/** Where the size of a stored document is kept: 'jpg/maison-3f9a1c.jpg', 640 → 'tailles/640/jpg/maison-3f9a1c.jpg.webp'. */
export function sizeFileName(file: string, width: number): string {
  return `${DERIVED_FOLDER}/${width}/${file}.webp`;
}

/** Every size a document may have on disk (deleting it removes them). */
export function sizeFileNames(file: string): string[] {
  return IMAGE_WIDTHS.map((width) => sizeFileName(file, width));
}

export type ImageSize = ({ kind: 'size' } & DerivedFile) | { kind: 'original' };

/**
 * The size `width` of the image stored as `file`: made now if it was not yet. `{ kind: 'original' }` for an
 * image served only as it is; undefined when no image document is stored under that name or the width is not
 * one of IMAGE_WIDTHS.
 */
export async function imageSize(db: Db, place: Storage | string, file: string, width: number): Promise<ImageSize | undefined> {
  if (!IMAGE_WIDTHS.includes(width)) return undefined;
  if (!safeKey(file)) return undefined;
  const storage = storageAt(place);
  const document = await db.kysely.selectFrom('documents').select(['media', 'mime_type']).where('file', '=', file).executeTakeFirst();
  if (!document || document.media !== 'image') return undefined;
  if (!hasSizes(document.mime_type)) return { kind: 'original' };
  return { kind: 'size', ...(await derivedFile(storage, sizeFileName(file, width), () => resized(storage, file, width))) };
}

/** Whether a stored name can be a key: relative, without '..' or a NUL (the storage would refuse it anyway). */
export function safeKey(file: string): boolean {
  return file !== '' && !file.startsWith('/') && !file.includes('\0') && !file.split('/').some((part) => part === '..' || part === '.' || part === '');
}

async function resized(storage: Storage, file: string, width: number): Promise<Uint8Array> {
  const source = await readWhole(storage, file);
  if (!source) throw new Error(`no stored file ${file}`);
  // Loaded on the first size, not at every start: libvips is large and most requests never need it.
  const { default: sharp } = await import('sharp');
  return sharp(source, { limitInputPixels: MAX_SOURCE_PIXELS, animated: false })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}
