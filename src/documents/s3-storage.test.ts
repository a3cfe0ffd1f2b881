// The S3 driver against a real S3-protocol server on loopback (s3rver), never a mock of the SDK: whole writes,
// validators, ranges, deletion by prefix, and a server that does not answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startS3Server, type S3TestServer } from '../../test/helpers/s3-server.ts';
import { parseS3Url, s3Storage } from './s3-storage.ts';
import { readWhole } from './local-storage.ts';
import { StorageUnavailable, type Storage } from './file-storage.ts';

let s3: S3TestServer;
let storage: Storage;

before(async () => {
  s3 = await startS3Server();
  storage = s3Storage(parseS3Url(s3.storageUrl('essai')));
});
after(async () => {
  await s3.close();
});

test('TISSE_STORAGE_URL reads bucket, prefix, endpoint and region, and refuses keys in the address', () => {
  assert.deepEqual(parseS3Url('s3://seau/sites/labo/?endpoint=https%3A%2F%2Fs3.example.org&region=fr-par'), {
    bucket: 'seau',
    prefix: 'sites/labo/',
    endpoint: 'https://s3.example.org',
    region: 'fr-par',
    forcePathStyle: true,
  });
  assert.deepEqual(parseS3Url('s3://seau'), { bucket: 'seau', prefix: '', endpoint: undefined, region: 'us-east-1', forcePathStyle: false });
  assert.throws(() => parseS3Url('s3://cle:secret@seau/x'), /AWS_ACCESS_KEY_ID/);
  assert.throws(() => parseS3Url('s3://seau/x?endpoint=ftp://x'), /endpoint/);
});

test('a file is written whole, read back with its size and validator, in part by range, and deleted', async () => {
  const bytes = new TextEncoder().encode('Le Labo de l’ESS, rapport annuel.');
  await storage.put('pdf/rapport-1a2b.pdf', bytes, 'application/pdf');
  await storage.check();
  const found = await storage.stat('pdf/rapport-1a2b.pdf');
  assert.equal(found?.size, bytes.length);
  assert.match(found!.etag, /^".+"$/);
  assert.deepEqual(await readWhole(storage, 'pdf/rapport-1a2b.pdf'), Buffer.from(bytes));
  const part = await storage.read('pdf/rapport-1a2b.pdf', { start: 3, end: 6 });
  assert.equal(part?.size, bytes.length, 'the whole size, for Content-Range');
  const chunks: Buffer[] = [];
  for await (const chunk of part!.body) chunks.push(chunk as Buffer);
  assert.equal(Buffer.concat(chunks).toString(), 'Labo');
  assert.equal(await storage.stat('pdf/absent.pdf'), undefined);
  assert.equal(await storage.read('pdf/absent.pdf'), undefined);
  await storage.delete('pdf/rapport-1a2b.pdf');
  assert.equal(await storage.stat('pdf/rapport-1a2b.pdf'), undefined);
  await storage.delete('pdf/rapport-1a2b.pdf');
});

test('deleting by prefix removes every file under it and nothing else', async () => {
  for (const width of [320, 640, 960]) await storage.put(`tailles/${width}/jpg/x.jpg.webp`, new Uint8Array([width % 256]), 'image/webp');
  await storage.put('tailles/320/jpg/y.jpg.webp', new Uint8Array([1]), 'image/webp');
  await storage.deletePrefix('tailles/640/');
  assert.equal(await storage.stat('tailles/640/jpg/x.jpg.webp'), undefined);
  assert.ok(await storage.stat('tailles/320/jpg/x.jpg.webp'));
  assert.ok(await storage.stat('tailles/320/jpg/y.jpg.webp'));
});

test('a key that would leave the prefix is refused before any request', async () => {
  await assert.rejects(storage.put('../autre-site/x.txt', new Uint8Array([1]), 'text/plain'), (e: { code?: string }) => e.code === 'BAD_PATH');
});

test('a server that does not answer is StorageUnavailable, quickly, and the storage works again when it is back', async () => {
  await storage.put('txt/note.txt', new TextEncoder().encode('bonjour'), 'text/plain');
  await s3.stop();
  try {
    const started = Date.now();
    await assert.rejects(storage.stat('txt/note.txt'), StorageUnavailable);
    await assert.rejects(storage.put('txt/autre.txt', new Uint8Array([1]), 'text/plain'), StorageUnavailable);
    await assert.rejects(storage.check(), StorageUnavailable);
    assert.ok(Date.now() - started < 15_000, 'no minutes of retries');
  } finally {
    await s3.start();
  }
  assert.equal((await storage.stat('txt/note.txt'))?.size, 7);
});
