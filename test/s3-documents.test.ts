// Issue 21, item 2 — documents on S3-compatible storage (a real S3-protocol server on loopback): an upload through
// the back office lands in the bucket, not in the data folder, with its thumbnail; it is served streamed with its
// ETag (304) and byte ranges (206, 416); image sizes are made and kept in the bucket. With the storage down, an
// upload says so in French and saves nothing (no row without its file), a document answers 503 while the pages
// go on; back up, everything works again. On both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { logIn, type Session } from './helpers/back-office.ts';
import { startS3Server, type S3TestServer } from './helpers/s3-server.ts';
import { thumbnailFileName } from '../src/documents/storage.ts';

forEachDialect('documents on S3 storage', (dialect) => {
  let s3: S3TestServer;
  let site: TestSite;
  let admin: Session;

  before(async () => {
    s3 = await startS3Server();
    site = await startTestSite(dialect, { env: { TISSE_STORAGE_URL: s3.storageUrl(`site-${dialect}`) } });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(async () => {
    await site.close();
    await s3.close();
  });

  const upload = async (name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('_csrf', admin.csrf);
    form.append('title', name);
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return site.get('/ecrire/documents/ajouter', { method: 'POST', headers: { origin: site.url, cookie: admin.cookie }, body: form });
  };
  const documentCount = async () => Number((await site.db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);

  test('an upload goes to the bucket with its thumbnail, and is served with ETag and ranges', async () => {
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a7f62' } }).png().toBuffer();
    const uploaded = await upload('marche.png', png);
    assert.equal(uploaded.status, 303);
    const id = Number(/\/ecrire\/documents\/(\d+)/.exec(uploaded.headers.get('location')!)![1]);
    const { file } = await site.db.kysely.selectFrom('documents').select('file').where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(await site.storage.stat(file), 'the original is in the bucket');
    assert.ok(await site.storage.stat(thumbnailFileName(file)), 'its thumbnail too');
    const local = join(site.config.dataDir, 'documents');
    assert.ok(!existsSync(local) || readdirSync(local).length === 0, 'nothing in the data folder');

    const served = await site.get(`/documents/${file}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('accept-ranges'), 'bytes');
    const etag = served.headers.get('etag')!;
    assert.ok(etag);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), png);
    assert.equal((await site.get(`/documents/${file}`, { headers: { 'if-none-match': etag } })).status, 304);

    const part = await site.get(`/documents/${file}`, { headers: { range: 'bytes=0-7' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 0-7/${png.length}`);
    assert.deepEqual(Buffer.from(await part.arrayBuffer()), png.subarray(0, 8));
    const tail = await site.get(`/documents/${file}`, { headers: { range: 'bytes=-4' } });
    assert.equal(tail.status, 206);
    assert.deepEqual(Buffer.from(await tail.arrayBuffer()), png.subarray(png.length - 4));
    const beyond = await site.get(`/documents/${file}`, { headers: { range: `bytes=${png.length + 10}-` } });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), `bytes */${png.length}`);
    // A validator that is not the file's: the whole file, not a piece of another version.
    assert.equal((await site.get(`/documents/${file}`, { headers: { range: 'bytes=0-7', 'if-range': '"ancien"' } })).status, 200);

    const size = await site.get(`/images/640/${file}`);
    assert.equal(size.status, 200);
    assert.equal((await sharp(Buffer.from(await size.arrayBuffer())).metadata()).width, 640);
    assert.ok(await site.storage.stat(`tailles/640/${file}.webp`), 'the size is kept in the bucket');
    assert.equal((await site.get('/documents/png/absent.png')).status, 404);
    assert.equal((await site.get('/documents/../tisse.sqlite')).status, 404);
  });

  test('storage down: an upload says so and saves nothing, a document is 503 alone, pages still answer; then it is back', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    const kept = await upload('avant.pdf', pdf);
    assert.equal(kept.status, 303);
    const { file } = await site.db.kysely.selectFrom('documents').select('file').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const before = await documentCount();
    await s3.stop();
    try {
      const refused = await upload('pendant.pdf', pdf);
      assert.equal(refused.status, 503);
      assert.match(await refused.text(), /stockage des documents ne répond pas/);
      assert.equal(await documentCount(), before, 'no row without its file');
      const document = await site.get(`/documents/${file}`);
      assert.equal(document.status, 503);
      assert.equal(document.headers.get('retry-after'), '30');
      assert.match(await document.text(), /momentanément indisponible/);
      assert.equal((await site.get('/')).status, 200, 'the home page still answers');
      const ready = await site.get('/sante/pret');
      assert.equal(ready.status, 503);
      assert.notEqual(((await ready.json()) as { checks: { storage: string } }).checks.storage, 'ok');
    } finally {
      await s3.start();
    }
    assert.equal((await site.get(`/documents/${file}`)).status, 200);
    assert.equal((await upload('apres.pdf', pdf)).status, 303);
    assert.equal(await documentCount(), before + 1);
    assert.equal((await site.get('/sante/pret')).status, 200);
  });
});
