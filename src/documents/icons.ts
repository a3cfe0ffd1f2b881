// The site's icons (favicon, Apple touch icon): a square PNG made by sharp from an image of the library (the
// favicon or the logo set in Apparence) or from the theme's own SVG mark, and kept like the sizes
// (derived-files.ts) under a name made of its source's: a new favicon is a new file, never a stale one.
// A wide logo is fitted whole into the square, on transparency; the touch icon is opaque (iOS shows
// transparency as black).
import type { Db } from '../db/connect.ts';
import { derivedFile, DERIVED_FOLDER, type DerivedFile } from './derived-files.ts';
import { hasSizes, safeKey } from './sizes.ts';
import type { Storage } from './file-storage.ts';
import { readWhole, storageAt } from './local-storage.ts';

export type IconKind = 'favicon' | 'touch';

/** Pixels of each icon: 32 for tabs and bookmarks, 180 for a phone's home screen. */
export const ICON_SIZES: Record<IconKind, number> = { favicon: 32, touch: 180 };

/** Where an icon made from a stored document is kept: 'tailles/icone-32/png/logo-3f9a1c.png.png'. */
export function iconFileName(file: string, kind: IconKind): string {
  return `${DERIVED_FOLDER}/icone-${ICON_SIZES[kind]}/${file}.png`;
}

/** Every icon a document may have on disk (deleting it removes them). */
export function iconFileNames(file: string): string[] {
  return (Object.keys(ICON_SIZES) as IconKind[]).map((kind) => iconFileName(file, kind));
}

/**
 * The icon made from the image stored as `file`, or undefined when no image document sharp can read is
 * stored under that name (the caller falls back to another source).
 */
export async function documentIcon(db: Db, place: Storage | string, file: string, kind: IconKind): Promise<DerivedFile | undefined> {
  if (!safeKey(file)) return undefined;
  const storage = storageAt(place);
  const document = await db.kysely.selectFrom('documents').select(['media', 'mime_type']).where('file', '=', file).executeTakeFirst();
  // A GIF gives its first frame; an SVG of an imported site is not rendered (it could name other files).
  if (!document || document.media !== 'image' || !(hasSizes(document.mime_type) || document.mime_type === 'image/gif')) return undefined;
  return derivedFile(storage, iconFileName(file, kind), async () => {
    const source = await readWhole(storage, file);
    if (!source) throw new Error(`no stored file ${file}`);
    return squareIcon(source, kind);
  });
}

/** The icon made from the theme's SVG mark, kept under its content's hash (`hash`): an edited mark is a new file. */
export async function themeIcon(place: Storage | string, svg: Uint8Array, hash: string, kind: IconKind): Promise<DerivedFile> {
  const key = `${DERIVED_FOLDER}/theme/icone-${ICON_SIZES[kind]}/${hash.replace(/[^0-9a-z]/gi, '')}.png`;
  return derivedFile(storageAt(place), key, () => squareIcon(Buffer.from(svg), kind));
}

async function squareIcon(input: string | Buffer, kind: IconKind): Promise<Uint8Array> {
  const { default: sharp } = await import('sharp');
  const size = ICON_SIZES[kind];
  const meta = await sharp(input).metadata();
  // An SVG is drawn at 72 dpi by default: ask for enough dots that the square is drawn sharp, not enlarged.
  const density = meta.format === 'svg' ? Math.min(2400, Math.max(72, Math.ceil((72 * size) / Math.max(1, Math.min(meta.width, meta.height))))) : undefined;
  const image = sharp(input, { animated: false, limitInputPixels: 50_000_000, ...(density ? { density } : {}) })
    .rotate()
    .resize({ width: size, height: size, fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } });
  return (kind === 'touch' ? image.flatten({ background: '#ffffff' }) : image).png().toBuffer();
}

/**
 * An ICO file holding one PNG (the format browsers and Windows read since Vista): a 6-byte header, one
 * 16-byte entry, the PNG. For /favicon.ico, which some clients still read as an icon file.
 */
export function icoFromPng(png: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6); // width (0 means 256)
  header.writeUInt8(size >= 256 ? 0 : size, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14); // size of the image data
  header.writeUInt32LE(22, 18); // where it starts
  return Buffer.concat([header, png]);
}
