// Sizes of uploaded images on both databases: a WebP of the width asked, upright, never wider than the original,
// made once and kept; only the listed widths of image documents are made; deleting a document removes its sizes
// and icons.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import sharp from 'sharp';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { loadActor, type Actor } from '../users/permissions.ts';
import { uploadDocument } from './operations/upload-document.ts';
import { deleteDocument } from './operations/delete-document.ts';
import { IMAGE_WIDTHS, imageSize, sizeFileName } from './sizes.ts';
import { documentIcon, iconFileName } from './icons.ts';
import { documentPath } from './storage.ts';

/** A photo-like JPEG: a gradient, so that the encoder has something to keep. */
async function jpeg(width: number, height: number, orientation?: number): Promise<Uint8Array> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = 120;
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return (orientation ? image.withMetadata({ orientation }) : image).jpeg({ quality: 85 }).toBuffer();
}

forEachDatabase('image sizes', (dialect) => {
  let site: TestDatabase;
  let admin: Actor;
  const upload = async (originalName: string, bytes: Uint8Array) => uploadDocument(site.db, { originalName, bytes }, { dataDir: site.dataDir });
  before(async () => {
    site = await openTestDatabase(dialect);
    admin = await loadActor(site.db, { id: site.adminId, role: 'administrator' });
  });
  after(() => site.close());

  test('a 3000 px JPEG gives a 640 px WebP, made once and then read from disk', async () => {
    const doc = await upload('grande-photo.jpg', await jpeg(3000, 2000));
    const size = await imageSize(site.db, site.dataDir, doc.file, 640);
    assert.equal(size?.kind, 'size');
    if (size?.kind !== 'size') return;
    assert.equal(size.key, sizeFileName(doc.file, 640));
    const path = documentPath(site.dataDir, size.key);
    const meta = await sharp(path).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 640, 427]);
    const mtime = statSync(path).mtimeMs;
    const again = await imageSize(site.db, site.dataDir, doc.file, 640);
    assert.equal(again?.kind === 'size' && again.etag, size.etag);
    assert.equal(statSync(path).mtimeMs, mtime, 'the second request does not make it again');
  });

  test('an image is never enlarged, and is turned upright as its camera said', async () => {
    // Stored 300×200 with EXIF orientation 6 (turned a quarter): it is seen 200×300.
    const doc = await upload('portrait.jpg', await jpeg(300, 200, 6));
    assert.deepEqual([doc.width, doc.height], [200, 300]);
    for (const width of [320, 1920]) {
      const size = await imageSize(site.db, site.dataDir, doc.file, width);
      assert.ok(size?.kind === 'size');
      const meta = await sharp(documentPath(site.dataDir, size.key)).metadata();
      assert.deepEqual([meta.width, meta.height], [200, 300], `asked ${width}`);
    }
  });

  test('only the listed widths, of image documents, inside the documents folder', async () => {
    const doc = await upload('carte.png', await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2a7f62' } }).png().toBuffer());
    for (const width of [0, 600, 641, 1921, 100000]) assert.equal(await imageSize(site.db, site.dataDir, doc.file, width), undefined, String(width));
    for (const width of IMAGE_WIDTHS) assert.equal((await imageSize(site.db, site.dataDir, doc.file, width))?.kind, 'size');
    const pdf = await upload('rapport.pdf', new TextEncoder().encode('%PDF-1.4\n%%EOF\n'));
    assert.equal(await imageSize(site.db, site.dataDir, pdf.file, 640), undefined);
    assert.equal(existsSync(documentPath(site.dataDir, sizeFileName(pdf.file, 640))), false);
    for (const file of ['png/absente.png', `../${doc.file}`, `png/../${doc.file}`, '../../tisse.sqlite', `${doc.file}\0`]) {
      assert.equal(await imageSize(site.db, site.dataDir, file, 640), undefined, file);
    }
  });

  test('a GIF (which may be animated) is served as it is', async () => {
    const gif = await upload('anime.gif', await sharp({ create: { width: 40, height: 40, channels: 3, background: '#123456' } }).gif().toBuffer());
    assert.deepEqual(await imageSize(site.db, site.dataDir, gif.file, 320), { kind: 'original' });
    assert.equal(existsSync(documentPath(site.dataDir, sizeFileName(gif.file, 320))), false);
  });

  test('deleting a document removes its sizes and icons', async () => {
    const doc = await upload('a-supprimer.jpg', await jpeg(1400, 900));
    const made = [];
    for (const width of [320, 1280]) made.push(documentPath(site.dataDir, sizeFileName(doc.file, width)));
    for (const width of [320, 1280]) await imageSize(site.db, site.dataDir, doc.file, width);
    await documentIcon(site.db, site.dataDir, doc.file, 'favicon');
    made.push(documentPath(site.dataDir, iconFileName(doc.file, 'favicon')));
    for (const path of made) assert.equal(existsSync(path), true, path);
    await deleteDocument(site.db, admin, doc.id, { dataDir: site.dataDir });
    for (const path of made) assert.equal(existsSync(path), false, path);
    assert.equal(await imageSize(site.db, site.dataDir, doc.file, 320), undefined);
  });
});
