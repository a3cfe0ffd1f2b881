// Image sizes and the site's icons over HTTP on both databases, as a browser meets them: a 3000 px photo comes
// at 640 px as WebP, cached a year and revalidated by ETag; only listed widths of image documents are made;
// an SVG sends the browser to the original; deleting the document takes its sizes away; the srcset a theme
// writes names sizes that exist with their real widths. /favicon.ico is the theme's mark until a favicon (or a
// logo) is set in Apparence, then that image; neither sizes nor icons enter the page cache.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import sharp from 'sharp';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { createApp } from '../app.ts';
import { createPageCache } from '../web/page-cache.ts';
import { themeEngineOf, closeTheme } from '../web/theme.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { deleteDocument, uploadDocument } from '../documents/index.ts';
import { saveSiteSettings } from '../settings/index.ts';
import { loadActor } from '../users/index.ts';
import type { Document } from '../db/schema.ts';

/** A photo-like JPEG (a gradient). */
async function photo(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    pixels[i * 3] = ((i % width) * 255) / width;
    pixels[i * 3 + 1] = (Math.floor(i / width) * 255) / height;
    pixels[i * 3 + 2] = 90;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

const solid = (width: number, height: number, background: string) => sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();

/** The PNG inside an ICO file of one image, after checking its header says so. */
function pngOfIco(ico: Buffer): { size: number; png: Buffer } {
  assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)], [0, 1, 1], 'an icon file of one image');
  const length = ico.readUInt32LE(14);
  const offset = ico.readUInt32LE(18);
  assert.equal(offset + length, ico.length);
  return { size: ico.readUInt8(6), png: ico.subarray(offset) };
}

/** The colour at (x, y) as '#rrggbb' with its alpha. */
async function pixel(image: Buffer, x: number, y: number): Promise<{ rgb: string; alpha: number }> {
  const { data, info } = await sharp(image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * 4;
  return { rgb: `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`, alpha: data[i + 3]! };
}

const near = (rgb: string, expected: string) => {
  const channels = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  return channels(rgb).every((v, i) => Math.abs(v - channels(expected)[i]!) <= 12);
};

forEachDialect('image sizes and icons over HTTP', (dialect) => {
  let site: TestSite;
  let big: Document;
  const upload = async (originalName: string, bytes: Uint8Array) => uploadDocument(site.db, { originalName, bytes }, { dataDir: site.config.dataDir });
  const body = async (response: Response) => Buffer.from(await response.arrayBuffer());
  const administrator = async () => {
    const user = await site.db.kysely.selectFrom('users').select(['id', 'role']).where('email', '=', 'admin@example.org').executeTakeFirstOrThrow();
    return loadActor(site.db, user);
  };
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    big = await upload('Grande photo.jpg', await photo(3000, 2000));
  });
  after(() => site.close());

  test('a 3000 px JPEG is served at 640 px as WebP, cached a year, with an ETag answered 304', async () => {
    const path = `/images/640/${big.file}`;
    const first = await site.get(path);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('content-type'), 'image/webp');
    assert.equal(first.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(first.headers.get('x-content-type-options'), 'nosniff');
    const meta = await sharp(await body(first)).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 640, 427]);
    const etag = first.headers.get('etag')!;
    assert.ok(etag);
    const stored = join(site.config.dataDir, 'documents', 'tailles', '640', `${big.file}.webp`);
    const mtime = statSync(stored).mtimeMs;
    const second = await site.get(path);
    assert.equal(second.headers.get('etag'), etag);
    assert.equal(statSync(stored).mtimeMs, mtime, 'the second request reads the stored size, sharp does not run again');
    const revalidated = await site.get(path, { headers: { 'if-none-match': etag } });
    assert.equal(revalidated.status, 304);
    assert.equal(await revalidated.text(), '');
    assert.equal((await site.get(path, { headers: { 'if-none-match': `"autre", W/${etag}` } })).status, 304);
    assert.equal((await site.get(path, { headers: { 'if-none-match': '"autre"' } })).status, 200);
  });

  test('simultaneous first requests for a size all get the same file', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => site.get(`/images/960/${big.file}`)));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200, 200, 200]);
    assert.equal(new Set(answers.map((a) => a.headers.get('etag'))).size, 1);
    const widths = await Promise.all(answers.map(async (a) => (await sharp(await body(a)).metadata()).width));
    assert.deepEqual(widths, [960, 960, 960, 960, 960, 960]);
  });

  test('a small image is never enlarged', async () => {
    const small = await upload('vignette.png', await solid(200, 150, '#884422'));
    const meta = await sharp(await body(await site.get(`/images/1920/${small.file}`))).metadata();
    assert.deepEqual([meta.width, meta.height], [200, 150]);
  });

  test('a width not in the list, a PDF, an unknown file or a path out of the folder is a 404', async () => {
    const pdf = await upload('rapport.pdf', new TextEncoder().encode('%PDF-1.4\n%%EOF\n'));
    const paths = [
      `/images/600/${big.file}`,
      `/images/0640/${big.file}`,
      `/images/99999/${big.file}`,
      `/images/abc/${big.file}`,
      `/images/640/${pdf.file}`,
      '/images/640/jpg/absente.jpg',
      '/images/640/..%2F..%2Ftisse.sqlite',
      '/images/640/%2e%2e/%2e%2e/etc/passwd',
      `/images/640/jpg/..%2F${big.file}`,
      '/images/640/',
      '/images/640',
      // A name longer than the file system allows (ENAMETOOLONG): no such document, not a 500 (the fuzz found it).
      `/documents/${'a'.repeat(600)}`,
      `/documents/jpg/${'a'.repeat(300)}/${'b'.repeat(300)}.jpg`,
      `/images/640/${'a'.repeat(600)}.jpg`,
    ];
    for (const path of paths) assert.equal((await site.get(path)).status, 404, path);
    assert.equal(existsSync(join(site.config.dataDir, 'documents', 'tailles', '600')), false, 'nothing is made for a refused width');
  });

  test('an SVG image (as an imported site may hold) sends the browser to the original', async () => {
    mkdirSync(join(site.config.dataDir, 'documents', 'svg'), { recursive: true });
    writeFileSync(join(site.config.dataDir, 'documents', 'svg', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await site.db.write((trx) =>
      trx
        .insertInto('documents')
        .values({ file: 'svg/logo.svg', original_name: 'logo.svg', title: '', description: '', credits: '', alt: '', extension: 'svg', mime_type: 'image/svg+xml', size: 64, width: 10, height: 10, media: 'image', mode: 'image', created_at: new Date().toISOString() })
        .execute(),
    );
    const answer = await site.get('/images/320/svg/logo.svg');
    assert.equal(answer.status, 302);
    assert.equal(answer.headers.get('location'), '/documents/svg/logo.svg');
  });

  test('the srcset a theme writes names sizes that exist, each as wide as it says', async () => {
    const doc = await upload('Moyenne, «photo».jpg', await photo(1000, 700));
    const app = { db: site.db, config: { ...site.config, themeDir: join(site.config.dataDir, 'theme-essai') }, cache: createPageCache({ enabled: false, version: site.db.version }), log: pino({ level: 'silent' }), storage: site.storage };
    mkdirSync(app.config.themeDir, { recursive: true });
    writeFileSync(join(app.config.themeDir, 'essai-images.liquid'), '{{ doc | image_url: 640 }}\n{{ doc | srcset }}');
    try {
      const [src, srcset] = (await themeEngineOf(app).render('essai-images', { doc: { file: doc.file, width: doc.width, mime_type: doc.mime_type } })).split('\n');
      assert.equal(src, `/images/640/${doc.file.split('/').map(encodeURIComponent).join('/')}`);
      const entries = srcset!.split(', ').map((entry) => entry.split(' '));
      assert.deepEqual(entries.map(([, w]) => w), ['320w', '640w', '960w', '1000w']);
      for (const [url = '', w = ''] of entries) {
        const served = await site.get(url);
        assert.equal(served.status, 200, url);
        assert.equal((await sharp(await body(served)).metadata()).width, parseInt(w, 10), url);
      }
    } finally {
      closeTheme(app);
    }
  });

  test('deleting the document takes its sizes away', async () => {
    const doc = await upload('ephemere.jpg', await photo(800, 600));
    assert.equal((await site.get(`/images/320/${doc.file}`)).status, 200);
    const stored = join(site.config.dataDir, 'documents', 'tailles', '320', `${doc.file}.webp`);
    assert.equal(existsSync(stored), true);
    await deleteDocument(site.db, await administrator(), doc.id, { dataDir: site.config.dataDir });
    assert.equal(existsSync(stored), false);
    assert.equal((await site.get(`/images/320/${doc.file}`)).status, 404);
  });

  test('/favicon.ico is the theme’s mark at 32 px until a favicon is set, then that image; the logo stands in for a missing favicon', async () => {
    const mark = await site.get('/favicon.ico');
    assert.equal(mark.status, 200);
    assert.equal(mark.headers.get('content-type'), 'image/x-icon');
    assert.equal(mark.headers.get('cache-control'), 'public, max-age=86400');
    const markIcon = pngOfIco(await body(mark));
    assert.equal(markIcon.size, 32);
    const markMeta = await sharp(markIcon.png).metadata();
    assert.deepEqual([markMeta.format, markMeta.width, markMeta.height], ['png', 32, 32]);
    assert.ok(near((await pixel(markIcon.png, 3, 16)).rgb, '#0f5e56'), 'the theme’s green square');
    assert.ok(near((await pixel(markIcon.png, 16, 7)).rgb, '#ffffff'), 'its white T');
    assert.equal((await site.get('/favicon.ico', { headers: { 'if-none-match': mark.headers.get('etag')! } })).status, 304);
    const png32 = await site.get('/favicon-32.png');
    assert.equal(png32.headers.get('content-type'), 'image/png');
    assert.deepEqual(await body(png32), markIcon.png);
    const touch = await site.get('/apple-touch-icon.png');
    const touchMeta = await sharp(await body(touch)).metadata();
    assert.deepEqual([touch.status, touchMeta.format, touchMeta.width, touchMeta.height, touchMeta.hasAlpha], [200, 'png', 180, 180, false]);

    const red = await upload('favicon.png', await solid(64, 64, '#cc2222'));
    await saveSiteSettings(site.db, { favicon: { documentId: red.id, file: red.file, width: red.width, height: red.height } });
    const set = await site.get('/favicon.ico');
    assert.notEqual(set.headers.get('etag'), mark.headers.get('etag'), 'a new favicon, a new validator');
    const setIcon = pngOfIco(await body(set));
    assert.deepEqual([(await sharp(setIcon.png).metadata()).width, (await pixel(setIcon.png, 16, 16)).rgb], [32, '#cc2222']);
    assert.equal((await pixel(await body(await site.get('/apple-touch-icon.png')), 90, 90)).rgb, '#cc2222');

    // A wide logo is fitted whole into the square, on transparency.
    const logo = await upload('logo.png', await solid(300, 100, '#2244aa'));
    await saveSiteSettings(site.db, { favicon: null, logo: { documentId: logo.id, file: logo.file, width: logo.width, height: logo.height } });
    const fromLogo = pngOfIco(await body(await site.get('/favicon.ico'))).png;
    assert.equal((await pixel(fromLogo, 16, 16)).rgb, '#2244aa');
    assert.equal((await pixel(fromLogo, 16, 1)).alpha, 0);

    // The favicon's document gone behind the library's back (the library refuses to delete it): the logo again, not an error.
    await saveSiteSettings(site.db, { favicon: { documentId: red.id, file: red.file, width: red.width, height: red.height } });
    assert.equal((await pixel(pngOfIco(await body(await site.get('/favicon.ico'))).png, 16, 16)).rgb, '#cc2222');
    await site.db.write((trx) => trx.deleteFrom('documents').where('id', '=', red.id).execute());
    assert.equal((await pixel(pngOfIco(await body(await site.get('/favicon.ico'))).png, 16, 16)).rgb, '#2244aa');
  });

  test('sizes and icons never enter the page cache; pages still do', async () => {
    const cache = createPageCache({ enabled: true, version: site.db.version });
    const app = { db: site.db, config: site.config, cache, log: pino({ level: 'silent' }), storage: site.storage };
    const hono = createApp(app);
    try {
      for (const path of [`/images/640/${big.file}`, '/favicon.ico', '/apple-touch-icon.png', `/documents/${big.file}`]) {
        assert.equal((await hono.request(path)).status, 200, path);
      }
      assert.equal(cache.size(), 0);
      assert.equal((await hono.request('/')).status, 200);
      assert.equal(cache.size(), 1, 'the home page is kept: the cache was on');
    } finally {
      closeTheme(app);
    }
  });

  test('an article titled « Images » does not take the first segment of the sizes’ addresses', async () => {
    const section = await createSection(site.db, { title: 'Galerie' });
    const article = await createArticle(site.db, { sectionId: section.id, title: 'Images', status: 'published' });
    assert.equal(article.slug, 'images-2');
  });
});
