// Uploads a document (back office, SPIP import later): checks size, extension and content, stores the
// file under a generated name, reads an image's dimensions and makes its thumbnail with sharp, then
// records it (and attaches it to an article when asked) in one transaction. When anything fails, no
// file is left behind and no row is written.
import { formatSize } from '../../kernel/file-size.ts';
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import type { Document } from '../../db/schema.ts';
import { nowIso } from '../../db/time.ts';
import { TisseError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { odfMimeType, sniff } from '../sniff.ts';
import { generatedFileName, thumbnailFileName, THUMBNAIL_SIZE } from '../storage.ts';
import { StorageUnavailable, type Storage } from '../file-storage.ts';
import { storageAt } from '../local-storage.ts';
import { DEFAULT_MAX_UPLOAD_BYTES, acceptedExtensions, documentTypes, extensionOf } from '../types.ts';

export const documentFieldsSchema = z.object({
  title: z.string().trim().max(500, 'errors.field.atMost500').default(''),
  description: z.string().max(20_000).default(''),
  credits: z.string().trim().max(500, 'errors.field.atMost500').default(''),
  alt: z.string().trim().max(500, 'errors.field.atMost500').default(''),
});

export const documentLabels = { title: 'errors.label.title', description: 'errors.label.description', credits: 'errors.label.credits', alt: 'errors.label.alt', file: 'errors.label.file' } as const;

export interface UploadInput extends z.input<typeof documentFieldsSchema> {
  originalName: string;
  bytes: Uint8Array;
  /** Attach the new document to this article. */
  articleId?: number;
}

export interface UploadOptions {
  /** Where files go: the site's storage, or a data folder (tests, CLI). */
  storage?: Storage;
  dataDir?: string;
  maxBytes?: number;
  /** Images larger than this many pixels are refused (a decompression bomb costs memory, not bytes). */
  maxPixels?: number;
}

export async function uploadDocument(db: Db, input: UploadInput, options: UploadOptions): Promise<Document> {
  const fields = parseInput(documentFieldsSchema, input, documentLabels);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const { bytes } = input;
  const originalName = (input.originalName.split(/[\\/]/).pop() ?? '').slice(0, 255);
  if (bytes.length === 0) throw new TisseError('BAD_INPUT', 'errors.documents.emptyFile', { fields: { file: 'errors.field.empty' } });
  if (bytes.length > maxBytes) {
    throw new TisseError('PAYLOAD_TOO_LARGE', { key: 'errors.documents.tooLarge', params: { size: formatSize(maxBytes) } }, { fields: { file: 'errors.field.tooLarge' } });
  }
  const ext = extensionOf(originalName);
  const type = ext ? documentTypes[ext] : undefined;
  if (!ext || !type) {
    throw new TisseError('UNSUPPORTED_MEDIA', { key: 'errors.documents.typeRefused', params: { types: acceptedExtensions.join(', ') } }, {
      fields: { file: 'errors.field.typeRefused' },
    });
  }
  const found = sniff(bytes);
  const odfMismatch = type.odfMime !== undefined && odfMimeType(bytes) !== type.odfMime;
  if (found !== type.signature || odfMismatch) {
    throw new TisseError('UNSUPPORTED_MEDIA', { key: 'errors.documents.contentMismatch', params: { ext } }, {
      fields: { file: 'errors.field.contentMismatch' },
    });
  }

  let width: number | null = null;
  let height: number | null = null;
  let thumbnail: Buffer | undefined;
  if (type.media === 'image') {
    const maxPixels = options.maxPixels ?? 50_000_000;
    try {
      // Loaded on the first upload, not at every start: libvips is large and most requests never need it.
      const { default: sharp } = await import('sharp');
      const image = sharp(bytes, { limitInputPixels: maxPixels, animated: false });
      const meta = await image.metadata();
      width = meta.autoOrient?.width ?? meta.width ?? null;
      height = meta.autoOrient?.height ?? meta.height ?? null;
      thumbnail = await image
        .rotate()
        .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer();
    } catch (cause) {
      throw new TisseError('UNSUPPORTED_MEDIA', 'errors.documents.badImage', { fields: { file: 'errors.field.unreadableImage' }, cause });
    }
  }

  const file = generatedFileName(originalName, ext);
  const storage = storageAt(options.storage ?? options.dataDir ?? '');
  const written: string[] = [];
  try {
    // Files first, the row after: a row never names a file that is not stored (S3 down: nothing at all is saved).
    await store(storage, file, bytes, type.mime, written);
    if (thumbnail) await store(storage, thumbnailFileName(file), thumbnail, 'image/webp', written);
    return await db.write(async (trx) => {
      if (input.articleId !== undefined) {
        const article = await trx.selectFrom('articles').select('id').where('id', '=', input.articleId).executeTakeFirst();
        if (!article) throw new TisseError('NOT_FOUND', 'errors.articles.notFound');
      }
      const document = await trx
        .insertInto('documents')
        .values({
          file,
          original_name: originalName,
          title: fields.title,
          description: fields.description,
          credits: fields.credits,
          alt: fields.alt,
          extension: ext,
          mime_type: type.mime,
          size: bytes.length,
          width,
          height,
          media: type.media,
          mode: type.media === 'image' ? 'image' : 'document',
          created_at: nowIso(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (input.articleId !== undefined) {
        const last = await trx
          .selectFrom('document_links')
          .select((eb) => eb.fn.max('position').as('max'))
          .where('object_type', '=', 'article')
          .where('object_id', '=', input.articleId)
          .executeTakeFirst();
        await trx
          .insertInto('document_links')
          .values({ document_id: document.id, object_type: 'article', object_id: input.articleId, embedded: 0, position: Number(last?.max ?? 0) + 1 })
          .execute();
      }
      return document;
    });
  } catch (error) {
    await Promise.all(written.map((key) => storage.delete(key).catch(() => {})));
    if (error instanceof StorageUnavailable) {
      throw new TisseError('STORAGE_UNAVAILABLE', { key: 'errors.storage.unavailable', params: { reason: error.message } }, { fields: { file: 'errors.field.notSaved' }, cause: error });
    }
    throw error;
  }
}

async function store(storage: Storage, key: string, bytes: Uint8Array, contentType: string, written: string[]): Promise<void> {
  // The generated name has 32 random bits: it names no existing document.
  await storage.put(key, bytes, contentType);
  written.push(key);
}

export { formatSize };
