// Documents from the back office on both databases: an uploaded file is served from its public address, its
// title can be edited, it is attached to and detached from an article, and deleting it removes the file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { uploadDocument } from '../documents/index.ts';
import { createUser } from '../users/index.ts';

forEachDialect('back office: documents', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let articleId: number;
  let docPath: string;
  let docId: number;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Photos' });
    articleId = (await createArticle(site.db, { sectionId: section.id, title: 'Reportage photo', status: 'published' })).id;
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  const file = async () => (await site.db.kysely.selectFrom('documents').select('file').where('id', '=', docId).executeTakeFirstOrThrow()).file;

  test('an uploaded image is served from its public address and listed in the library', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2a7f62' } }).png().toBuffer();
    const form = new FormData();
    form.append('_csrf', admin.csrf);
    form.append('title', 'Le marché');
    form.append('file', new Blob([new Uint8Array(png)]), 'marche.png');
    const uploaded = await site.get('/ecrire/documents/ajouter', { method: 'POST', headers: { origin: site.url, cookie: admin.cookie }, body: form });
    assert.equal(uploaded.status, 303);
    docPath = uploaded.headers.get('location')!.split('?')[0]!;
    docId = Number(/(\d+)$/.exec(docPath)![1]);
    const served = await site.get(`/documents/${await file()}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), png);
    assert.match(await adminPage(site, admin, '/ecrire/documents'), /Le marché/);
  });

  test('the title is edited, and the document is attached to an article then detached', async () => {
    assert.equal((await postForm(site, admin, docPath, { title: 'Le marché de producteurs', alt: 'Des étals', credits: 'Photo : Lou', description: '' })).status, 303);
    assert.match(await adminPage(site, admin, docPath), /Le marché de producteurs/);
    assert.equal((await postForm(site, admin, `${docPath}/joindre`, { articleId: String(articleId) })).status, 303);
    const links = () => site.db.kysely.selectFrom('document_links').select('object_id').where('document_id', '=', docId).execute();
    assert.deepEqual((await links()).map((l) => l.object_id), [articleId]);
    assert.equal((await postForm(site, admin, `${docPath}/joindre`, { articleId: 'abc' })).status, 400);
    assert.equal((await postForm(site, admin, `${docPath}/detacher`, { articleId: String(articleId) })).status, 303);
    assert.deepEqual(await links(), []);
  });

  test('deleting a document removes its file from the public address', async () => {
    const path = `/documents/${await file()}`;
    assert.equal((await postForm(site, admin, `${docPath}/supprimer`, {})).status, 303);
    assert.equal((await site.get(path)).status, 404);
    assert.equal((await site.get(docPath, { headers: { cookie: admin.cookie } })).status, 404);
  });

  // Issue 18: the library is a list that scales, and its bulk deletion takes only documents nothing uses.
  test('the library searches titles without accents, sorts, filters, and refuses unknown values', async () => {
    const text = async (name: string, title: string) =>
      (await uploadDocument(site.db, { originalName: name, bytes: new TextEncoder().encode(`${title}\n`), title }, { dataDir: site.config.dataDir })).id;
    await text('bilan.txt', 'Bilan ÉNERGÉTIQUE');
    await text('note.txt', 'Note de synthèse');
    const found = await adminPage(site, admin, '/ecrire/documents?q=energetique');
    assert.match(found, /Bilan ÉNERGÉTIQUE/);
    assert.doesNotMatch(found, /Note de synthèse/);
    assert.match(await adminPage(site, admin, '/ecrire/documents?tri=titre&ordre=asc'), /Bilan ÉNERGÉTIQUE[\s\S]*Note de synthèse/);
    assert.match(await adminPage(site, admin, '/ecrire/documents?tri=titre&ordre=desc'), /Note de synthèse[\s\S]*Bilan ÉNERGÉTIQUE/);
    assert.doesNotMatch(await adminPage(site, admin, '/ecrire/documents?media=image'), /Note de synthèse/);
    for (const query of ['media=video', 'usage=parfois', 'tri=chemin', 'page=0', 'page=abc']) {
      assert.equal((await site.get(`/ecrire/documents?${query}`, { headers: { cookie: admin.cookie } })).status, 400, query);
    }
  });

  test('bulk deletion: unused documents go, all or nothing; a document a text places by number is not unused', async () => {
    const text = async (name: string) => uploadDocument(site.db, { originalName: name, bytes: new TextEncoder().encode(`${name}\n`), title: name }, { dataDir: site.config.dataDir });
    const unused = await text('inutile.txt');
    const placed = await text('place.txt');
    const attached = await text('joint.txt');
    const section = await createSection(site.db, { title: 'Textes' });
    await createArticle(site.db, { sectionId: section.id, title: 'Avec un modèle', status: 'draft', text: `Voir <IMG${placed.id}|center>.` });
    await postForm(site, admin, `/ecrire/documents/${attached.id}/joindre`, { articleId: String(articleId) });
    const count = async () => Number((await site.db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    for (const other of [placed, attached]) {
      const refused = await postForm(site, admin, '/ecrire/documents/lot', { ids: [String(unused.id), String(other.id)] });
      assert.equal(refused.status, 409, other.title);
      assert.match(await refused.text(), /est utilisé/);
      assert.equal(await count(), before, 'nothing deleted');
    }
    // A restricted administrator does not manage documents attached to nothing: refused whole.
    await createUser(site.db, { email: 'rest@example.org', name: 'Restreint', role: 'administrator', password: 'motdepasse-rest', sections: [section.id] });
    const restricted = await logIn(site, 'rest@example.org', 'motdepasse-rest');
    assert.equal((await postForm(site, restricted, '/ecrire/documents/lot', { ids: [String(unused.id)] })).status, 403);
    assert.equal(await count(), before);
    const path = `/documents/${unused.file}`;
    assert.equal((await site.get(path)).status, 200);
    const done = await postForm(site, admin, '/ecrire/documents/lot', { ids: [String(unused.id)], retour: '/ecrire/documents?usage=libre' });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/ecrire/documents?usage=libre&fait=supprimes&nombre=1');
    assert.match(await adminPage(site, admin, done.headers.get('location')!), /1 document supprimé\./);
    assert.equal(await count(), before - 1);
    assert.equal((await site.get(path)).status, 404, 'its file is gone');
  });
});
