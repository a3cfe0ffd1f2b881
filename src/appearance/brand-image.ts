// A logo or favicon as sent, made into the image the site keeps, before it enters the documents pipeline
// (which sniffs it again, reads its size and makes its thumbnail). Only images pass: a PDF, which the library
// would accept, is refused with what it is. An SVG is drawn into a PNG here, because the library stores no SVG
// (it can carry script) and a theme wants pixels of a known size; the drawing never loads anything from outside
// the file, and a DTD with declarations (where XML entity bombs live) is refused before it is parsed.
import { TisseError, type Message } from '../kernel/errors.ts';
import { extensionOf, sniff, type Signature } from '../documents/index.ts';

export type BrandImageKind = 'logo' | 'favicon';

const MB = 1024 * 1024;

/** A logo or favicon weighs less than this (the route's body limit is set a little above: web/body-limit.ts). */
export const BRAND_IMAGE_MAX_BYTES = 5 * MB;

/** Refused above this many pixels before decoding anything (a decompression bomb costs memory, not bytes). */
const MAX_PIXELS = 50_000_000;

/** A logo larger than this is scaled down: a theme shows it a few hundred pixels wide, twice that on dense screens. */
const LOGO_BOX = { width: 1600, height: 800 };
/** An SVG logo is drawn this high, enough for the largest placement on a dense screen. */
const SVG_LOGO_HEIGHT = 400;

/**
 * A favicon is made a square PNG of at most this side, transparent around an image that is not square.
 * Smaller than FAVICON_MIN on either side is refused, not warned about: browsers ask 32 px for a tab on a dense
 * screen and more for a home-screen icon, a smaller image only comes out blurred, and a warning on a page that
 * then saves anyway is seldom read. The message says what to send instead.
 */
const FAVICON_SIDE = 512;
export const FAVICON_MIN = 32;

const rasterExtension: Partial<Record<Signature, string>> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', avif: 'avif' };

export interface PreparedImage {
  /** The name the library records: the one sent, with the extension of what the bytes are. */
  originalName: string;
  bytes: Uint8Array;
}

/** Checks and shapes a logo or favicon; throws a TisseError meant for people (415 for what is not an image). */
export async function prepareBrandImage(kind: BrandImageKind, originalName: string, bytes: Uint8Array): Promise<PreparedImage> {
  if (bytes.length === 0) throw new TisseError('BAD_INPUT', 'errors.documents.emptyFile', { fields: { file: 'errors.field.empty' } });
  if (bytes.length > BRAND_IMAGE_MAX_BYTES) {
    throw new TisseError('PAYLOAD_TOO_LARGE', { key: 'errors.documents.tooLargeMb', params: { size: BRAND_IMAGE_MAX_BYTES / MB } }, { fields: { file: 'errors.field.tooLarge' } });
  }
  const name = (originalName.split(/[\\/]/).pop() ?? '').slice(0, 200) || kind;
  const base = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) || kind : name;
  const signature = sniff(bytes);
  const ext = signature && rasterExtension[signature];
  const { default: sharp } = await import('sharp');
  try {
    if (ext) {
      const image = kind === 'favicon' ? await favicon(sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: false })) : await logo(sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: false }), ext);
      return image ? { originalName: `${base}.${image.ext}`, bytes: image.bytes } : { originalName: `${base}.${ext}`, bytes };
    }
    // The library's sniffing calls markup (an SVG among them) no signature at all.
    if (signature === undefined && isSvg(bytes)) {
      const drawn = await drawSvg(sharp, bytes, kind);
      const image = kind === 'favicon' ? await favicon(sharp(drawn)) : ((await logo(sharp(drawn), 'png')) ?? { bytes: drawn });
      return { originalName: `${base}.png`, bytes: image.bytes };
    }
    if (extensionOf(name) === 'svg') throw new TisseError('UNSUPPORTED_MEDIA', 'errors.appearance.badSvg', { fields: { file: 'errors.field.unreadableImage' } });
  } catch (error) {
    if (error instanceof TisseError) throw error;
    throw new TisseError('UNSUPPORTED_MEDIA', 'errors.documents.badImage', { fields: { file: 'errors.field.unreadableImage' }, cause: error });
  }
  const what: Message = signature === 'pdf' ? { key: 'errors.appearance.aPdf' } : extensionOf(name) ? { key: 'errors.appearance.aFile', params: { ext: extensionOf(name)!.toUpperCase() } } : { key: 'errors.appearance.unknownFile' };
  throw new TisseError('UNSUPPORTED_MEDIA', { key: kind === 'logo' ? 'errors.appearance.logoNotImage' : 'errors.appearance.faviconNotImage', params: { name, what } }, { fields: { file: 'errors.field.notAnImage' } });
}

type Sharp = import('sharp').Sharp;

/** A logo too large for any page is scaled down in its own format (GIF and AVIF become PNG); else kept as sent. */
async function logo(image: Sharp, ext: string): Promise<{ ext: string; bytes: Uint8Array } | undefined> {
  const meta = await image.metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (width <= LOGO_BOX.width && height <= LOGO_BOX.height) return undefined;
  const resized = image.rotate().resize({ ...LOGO_BOX, fit: 'inside', withoutEnlargement: true });
  if (ext === 'jpg') return { ext, bytes: await resized.jpeg({ quality: 90 }).toBuffer() };
  if (ext === 'webp') return { ext, bytes: await resized.webp({ quality: 90 }).toBuffer() };
  return { ext: 'png', bytes: await resized.png().toBuffer() };
}

async function favicon(image: Sharp): Promise<{ ext: string; bytes: Uint8Array }> {
  const meta = await image.metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (width < FAVICON_MIN || height < FAVICON_MIN) {
    throw new TisseError('BAD_INPUT', { key: 'errors.appearance.faviconTooSmall', params: { width, height, min: FAVICON_MIN } }, { fields: { file: 'errors.field.tooSmall' } });
  }
  const side = Math.min(Math.max(width, height), FAVICON_SIDE);
  const bytes = await image
    .rotate()
    .resize({ width: side, height: side, fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
  return { ext: 'png', bytes };
}

/**
 * An SVG document: optional XML declaration, comments and a DOCTYPE without internal subset, then <svg. No
 * entity declaration anywhere (XML bombs), whatever the parser's own limits.
 */
function isSvg(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
  if (/<!ENTITY/i.test(text)) return false;
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*>\s*)*<svg[\s>]/i.test(text);
}

/** Draws an SVG at the size the site needs (a logo SVG_LOGO_HEIGHT high, a favicon FAVICON_SIDE wide), as a PNG. */
async function drawSvg(sharp: typeof import('sharp').default, bytes: Uint8Array, kind: BrandImageKind): Promise<Buffer> {
  // Drawn once at 72 dpi for its own size, then at the density that gives the size wanted (a vector, never a blurred raster).
  const meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw new TisseError('UNSUPPORTED_MEDIA', 'errors.appearance.badSvg', { fields: { file: 'errors.field.unreadableImage' } });
  const scale = kind === 'favicon' ? FAVICON_SIDE / Math.max(width, height) : Math.min(SVG_LOGO_HEIGHT / height, LOGO_BOX.width / width);
  const density = Math.min(Math.max(72 * scale, 1), 100_000);
  return sharp(bytes, { density, limitInputPixels: MAX_PIXELS }).png().toBuffer();
}
