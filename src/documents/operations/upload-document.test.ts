// Uploads on both databases: a real image gets its dimensions and a thumbnail; a too-large file, an
// unknown type and a file whose content is not what its name says are refused with nothing written;
// stored names are generated, so a name like ../../x cannot escape the documents folder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { createSection } from '../../sections/operations/create-section.ts';
import { createArticle } from '../../articles/operations/create-article.ts';
import { uploadDocument } from './upload-document.ts';
import { attachDocument, detachDocument } from './attach-document.ts';
import { deleteDocument } from './delete-document.ts';
import { updateDocument } from './update-document.ts';
import { articleDocuments, listDocuments } from '../library.ts';
import { documentPath, documentsRoot, thumbnailFileName } from '../storage.ts';
import { sniff } from '../sniff.ts';
import { createUser } from '../../users/operations/create-user.ts';
import { loadActor, type Actor } from '../../users/permissions.ts';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

async function png(width: number, height: number): Promise<Uint8Array> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();
}

/** Every file under the documents folder, relative to it. */
function storedFiles(dataDir: string): string[] {
  const root = documentsRoot(dataDir);
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true }) as string[]).filter((f) => statSync(join(root, f)).isFile()).sort();
}

test('sniffing recognises formats by their bytes, not their names', async () => {
  assert.equal(sniff(await png(2, 2)), 'png');
  assert.equal(sniff(new TextEncoder().encode('%PDF-1.7\n…')), 'pdf');
  assert.equal(sniff(new TextEncoder().encode('Bonjour, texte simple.\n')), 'text');
  assert.equal(sniff(new TextEncoder().encode('<!DOCTYPE html><script>alert(1)</script>')), undefined);
  assert.equal(sniff(new TextEncoder().encode('  <svg onload="alert(1)"/>')), undefined);
  assert.equal(sniff(new Uint8Array([0, 1, 2, 3, 0, 0])), undefined);
});

forEachDatabase('document uploads', (dialect) => {
  let site: TestDatabase;
  let articleId: number;
  let sectionId: number;
  let admin: Actor;
  before(async () => {
    site = await openTestDatabase(dialect);
    const section = await createSection(site.db, { title: 'Documents' });
    sectionId = section.id;
    articleId = (await createArticle(site.db, { sectionId: section.id, title: 'Avec images' })).id;
    admin = await loadActor(site.db, { id: site.adminId, role: 'administrator' });
  });
  after(() => site.close());

  test('an image is stored under a generated name, measured and given a thumbnail', async () => {
    const doc = await uploadDocument(
      site.db,
      { originalName: 'Maison de l’ESS à Niort.PNG', bytes: await png(1200, 800), title: 'La Maison', alt: 'Façade de la Maison', articleId },
      { dataDir: site.dataDir },
    );
    assert.match(doc.file, /^png\/maison-de-l-ess-a-niort-[0-9a-f]{8}\.png$/);
    assert.equal(doc.original_name, 'Maison de l’ESS à Niort.PNG');
    assert.deepEqual([doc.width, doc.height, doc.media, doc.mime_type, doc.mode], [1200, 800, 'image', 'image/png', 'image']);
    assert.equal(existsSync(documentPath(site.dataDir, doc.file)), true);
    const thumb = await sharp(documentPath(site.dataDir, thumbnailFileName(doc.file))).metadata();
    assert.deepEqual([thumb.format, thumb.width, thumb.height], ['webp', 400, 267]);
    assert.deepEqual((await articleDocuments(site.db, articleId)).map((d) => d.id), [doc.id]);
  });

  test('a PDF is accepted; the same bytes named .jpg are refused, as is HTML named .txt', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const doc = await uploadDocument(site.db, { originalName: 'rapport.pdf', bytes: pdf }, { dataDir: site.dataDir });
    assert.deepEqual([doc.media, doc.width, doc.mode], ['file', null, 'document']);
    const before = storedFiles(site.dataDir);
    await assert.rejects(uploadDocument(site.db, { originalName: 'photo.jpg', bytes: pdf }, { dataDir: site.dataDir }), code('UNSUPPORTED_MEDIA'));
    const page = new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>');
    await assert.rejects(uploadDocument(site.db, { originalName: 'notes.txt', bytes: page }, { dataDir: site.dataDir }), code('UNSUPPORTED_MEDIA'));
    await assert.rejects(uploadDocument(site.db, { originalName: 'page.html', bytes: page }, { dataDir: site.dataDir }), code('UNSUPPORTED_MEDIA'));
    await assert.rejects(uploadDocument(site.db, { originalName: 'dessin.svg', bytes: page }, { dataDir: site.dataDir }), code('UNSUPPORTED_MEDIA'));
    await assert.rejects(uploadDocument(site.db, { originalName: 'sans-extension', bytes: pdf }, { dataDir: site.dataDir }), code('UNSUPPORTED_MEDIA'));
    // A truncated PNG has the right signature but is not an image.
    const broken = (await png(50, 50)).subarray(0, 40);
    await assert.rejects(uploadDocument(site.db, { originalName: 'casse.png', bytes: broken }, { dataDir: site.dataDir }), code('UNSUPPORTED_MEDIA'));
    // A ZIP renamed .odt is not an OpenDocument file.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
    await assert.rejects(uploadDocument(site.db, { originalName: 'texte.odt', bytes: zip }, { dataDir: site.dataDir }), code('UNSUPPORTED_MEDIA'));
    assert.deepEqual(storedFiles(site.dataDir), before);
  });

  test('a file over the limit is refused with 413 and leaves nothing behind', async () => {
    const before = storedFiles(site.dataDir);
    const count = (await listDocuments(site.db)).length;
    const big = new Uint8Array(2048 + 1).fill(0x41);
    await assert.rejects(uploadDocument(site.db, { originalName: 'gros.txt', bytes: big }, { dataDir: site.dataDir, maxBytes: 2048 }), (e: { code?: string; status?: number }) => e.code === 'PAYLOAD_TOO_LARGE' && e.status === 413);
    await assert.rejects(uploadDocument(site.db, { originalName: 'vide.txt', bytes: new Uint8Array(0) }, { dataDir: site.dataDir }), code('BAD_INPUT'));
    // Pixels, not bytes: a small file that decodes to a huge image is refused too.
    await assert.rejects(uploadDocument(site.db, { originalName: 'bombe.png', bytes: await png(3000, 3000) }, { dataDir: site.dataDir, maxPixels: 1_000_000 }), code('UNSUPPORTED_MEDIA'));
    assert.deepEqual(storedFiles(site.dataDir), before);
    assert.equal((await listDocuments(site.db)).length, count);
  });

  test('a name like ../../x cannot escape the documents folder', async () => {
    const text = new TextEncoder().encode('contenu\n');
    for (const name of ['../../x.txt', '..\\..\\x.txt', '/etc/passwd.txt', '....//....//x.txt', 'a/../../../../x.txt']) {
      const doc = await uploadDocument(site.db, { originalName: name, bytes: text }, { dataDir: site.dataDir });
      assert.match(doc.file, /^txt\/[a-z0-9-]+\.txt$/, name);
      assert.equal(documentPath(site.dataDir, doc.file).startsWith(documentsRoot(site.dataDir)), true);
    }
    assert.equal(existsSync(join(site.dataDir, '..', 'x.txt')), false);
    assert.throws(() => documentPath(site.dataDir, '../../x'), code('BAD_PATH'));
    assert.throws(() => documentPath(site.dataDir, 'txt/../../tisse.sqlite'), code('BAD_PATH'));
  });

  test('documents are attached, detached, edited and deleted with their files', async () => {
    const doc = await uploadDocument(site.db, { originalName: 'carte.png', bytes: await png(300, 200) }, { dataDir: site.dataDir });
    await attachDocument(site.db, doc.id, articleId);
    await attachDocument(site.db, doc.id, articleId);
    assert.equal((await articleDocuments(site.db, articleId)).filter((d) => d.id === doc.id).length, 1);
    await detachDocument(site.db, doc.id, articleId);
    assert.equal((await articleDocuments(site.db, articleId)).some((d) => d.id === doc.id), false);
    await assert.rejects(attachDocument(site.db, doc.id, 999_999), code('NOT_FOUND'));
    const edited = await updateDocument(site.db, admin, doc.id, { title: 'Carte du territoire', credits: 'Labo', alt: 'Carte' });
    assert.equal(edited.title, 'Carte du territoire');
    assert.equal((await listDocuments(site.db, { search: 'territoire' }))[0]?.id, doc.id);
    await deleteDocument(site.db, admin, doc.id, { dataDir: site.dataDir });
    assert.equal(existsSync(documentPath(site.dataDir, doc.file)), false);
    assert.equal(existsSync(documentPath(site.dataDir, thumbnailFileName(doc.file))), false);
    await assert.rejects(deleteDocument(site.db, admin, doc.id, { dataDir: site.dataDir }), code('NOT_FOUND'));
  });

  // Issue 15, item 8: document.manage looked only at the role, so a restricted administrator edited and deleted
  // documents of articles outside their sections.
  test('a restricted administrator edits and deletes only documents attached to nothing but their sections', async () => {
    const elsewhere = await createSection(site.db, { title: 'Ailleurs' });
    const otherArticle = (await createArticle(site.db, { sectionId: elsewhere.id, title: 'Hors de ses rubriques' })).id;
    const { user } = await createUser(site.db, { email: 'restreint-docs@example.org', name: 'Restreint', role: 'administrator', password: 'motdepasse-restreint', sections: [sectionId] });
    const restricted = await loadActor(site.db, user);
    const upload = async (name: string, ...articles: number[]) => {
      const doc = await uploadDocument(site.db, { originalName: name, bytes: await png(4, 4) }, { dataDir: site.dataDir });
      for (const id of articles) await attachDocument(site.db, doc.id, id);
      return doc;
    };
    const mine = await upload('mine.png', articleId);
    const outside = await upload('outside.png', otherArticle);
    const shared = await upload('shared.png', articleId, otherArticle);
    const loose = await upload('loose.png');

    assert.equal((await updateDocument(site.db, restricted, mine.id, { title: 'Le mien' })).title, 'Le mien');
    for (const doc of [outside, shared, loose]) {
      await assert.rejects(updateDocument(site.db, restricted, doc.id, { title: 'Pris' }), code('FORBIDDEN'), doc.original_name);
      await assert.rejects(deleteDocument(site.db, restricted, doc.id, { dataDir: site.dataDir }), code('FORBIDDEN'), doc.original_name);
      assert.equal(existsSync(documentPath(site.dataDir, doc.file)), true, 'a refused deletion leaves the file');
    }
    const titles = await site.db.kysely.selectFrom('documents').select('title').where('id', 'in', [outside.id, shared.id, loose.id]).execute();
    assert.deepEqual(titles.map((r) => r.title), ['', '', '']);
    await deleteDocument(site.db, restricted, mine.id, { dataDir: site.dataDir });
    await deleteDocument(site.db, admin, shared.id, { dataDir: site.dataDir });
  });
});
