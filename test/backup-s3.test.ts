// Issue 21: a site whose documents are in S3-compatible storage (a real S3-protocol server on loopback) is backed
// up with them, and restored into another site's bucket with them: the same bytes under the same keys, served
// by the restored site. A bucket that already holds files is a site with content (refused without --force);
// forced, the archive's files are put first and what else the bucket held is removed. On both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { createTestDatabase } from './helpers/database.ts';
import { logIn } from './helpers/back-office.ts';
import { startS3Server, type S3TestServer } from './helpers/s3-server.ts';
import { createBackup, restoreBackup } from '../src/backup/index.ts';
import { openStorage, readWhole } from '../src/documents/index.ts';
import { openDatabase } from '../src/db/connect.ts';

forEachDialect('backup and restore with documents in S3', (dialect) => {
  let s3: S3TestServer;
  let site: TestSite;
  let file: string;
  const bytes = Buffer.from('Rapport annuel de l’économie sociale et solidaire, version imprimable.\n'.repeat(50));
  const work = mkdtempSync(join(tmpdir(), 'tisse-backup-s3-'));

  before(async () => {
    s3 = await startS3Server();
    site = await startTestSite(dialect, { env: { TISSE_STORAGE_URL: s3.storageUrl(`source-${dialect}`) } });
    const admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    const form = new FormData();
    form.append('_csrf', admin.csrf);
    form.append('title', 'Rapport annuel');
    form.append('file', new Blob([new Uint8Array(bytes)]), 'rapport.txt');
    const uploaded = await site.get('/ecrire/documents/ajouter', { method: 'POST', headers: { origin: site.url, cookie: admin.cookie }, body: form });
    assert.equal(uploaded.status, 303);
    file = (await site.db.kysely.selectFrom('documents').select('file').orderBy('id', 'desc').executeTakeFirstOrThrow()).file;
  });
  after(async () => {
    await site.close();
    await s3.close();
    rmSync(work, { recursive: true, force: true });
  });

  test('the archive holds the bucket’s documents, and a restore puts them in the new site’s bucket', async () => {
    const { file: archive } = await createBackup({ dataDir: site.config.dataDir, databaseUrl: site.config.databaseUrl, storageUrl: site.config.storageUrl }, { to: join(work, 'site.tar.gz') });
    const database = dialect === 'postgres' ? await createTestDatabase() : undefined;
    const target = { dataDir: mkdtempSync(join(tmpdir(), 'tisse-restored-s3-')), databaseUrl: database?.url, storageUrl: s3.storageUrl(`restored-${dialect}`) };
    try {
      const storage = await openStorage(target);
      await storage.put('orphelin.txt', Buffer.from('reste d’un autre site'), 'text/plain');
      await assert.rejects(restoreBackup(target, archive), /n’est pas vide[^]*1 documents/, 'a bucket holding files is a site with content');
      const restored = await restoreBackup(target, archive, { force: true });
      assert.ok(restored.documents >= 1);
      assert.deepEqual(await readWhole(storage, file), bytes, 'the document’s bytes, under the same key');
      assert.equal(await readWhole(storage, 'orphelin.txt'), undefined, 'what the bucket held besides is gone');
      const db = await openDatabase(target);
      try {
        const row = await db.kysely.selectFrom('documents').select('title').where('file', '=', file).executeTakeFirst();
        assert.equal(row?.title, 'Rapport annuel');
      } finally {
        await db.close();
      }
    } finally {
      await database?.drop();
      rmSync(target.dataDir, { recursive: true, force: true });
    }
  });
});
