// Uploading from the article editor, on both databases (issue 18): the script's upload gets the portfolio's list
// back with the new document; a refused file (a PDF named .jpg) says why in French and writes nothing; without
// script, the article form comes with the file and the editor shows the text back as typed, unsaved, whether the
// file was taken or not; only who may edit the article may attach to it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { createUser } from '../users/index.ts';

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: '#2a7f62' } }).png().toBuffer();
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Every file under the data folder's documents/, relative to it. */
function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'documents');
  return existsSync(root) ? (readdirSync(root, { recursive: true }) as string[]).sort() : [];
}

forEachDialect('back office: uploading from the article editor', (dialect) => {
  let site: TestSite;
  let editor: Session;
  let otherEditor: Session;
  let admin: Session;
  let draftId: number;
  let publishedId: number;
  const savedText = 'Le texte enregistré.';

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Études' });
    const { user } = await createUser(site.db, { email: 'redac@example.org', name: 'Camille', role: 'editor', password: 'motdepasse-redac' });
    await createUser(site.db, { email: 'autre@example.org', name: 'Dominique', role: 'editor', password: 'motdepasse-autre' });
    draftId = (await createArticle(site.db, { sectionId: section.id, title: 'Mon brouillon', text: savedText, authorIds: [user.id], createdBy: user.id })).id;
    publishedId = (await createArticle(site.db, { sectionId: section.id, title: 'Déjà en ligne', text: savedText, status: 'published', authorIds: [user.id], createdBy: user.id })).id;
    editor = await logIn(site, 'redac@example.org', 'motdepasse-redac');
    otherEditor = await logIn(site, 'autre@example.org', 'motdepasse-autre');
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  /** A multipart upload to the editor's route: by script (`fragment`), or as the article form without script. */
  async function upload(session: Session, articleId: number, fields: Record<string, string>, file: { name: string; bytes: Uint8Array } | undefined, fragment: boolean) {
    const form = new FormData();
    form.append('_csrf', session.csrf);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file) form.append('documentFile', new Blob([new Uint8Array(file.bytes)]), file.name);
    const headers: Record<string, string> = { origin: site.url, cookie: session.cookie };
    if (fragment) headers['x-tisse-fragment'] = 'portfolio';
    const response = await site.get(`/ecrire/articles/${articleId}/documents`, { method: 'POST', headers, body: form });
    return { status: response.status, fragment: response.headers.get('x-tisse-fragment'), html: await response.text() };
  }

  const documentCount = async () => Number((await site.db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const textOf = async (id: number) => (await site.db.kysely.selectFrom('articles').select('text').where('id', '=', id).executeTakeFirstOrThrow()).text;

  test('the editor shows the portfolio: a new article must be saved first, a saved one offers the upload', async () => {
    assert.match(await adminPage(site, editor, '/ecrire/articles/nouveau'), /Enregistrez l’article une première fois pour y joindre des documents/);
    const page = await adminPage(site, editor, `/ecrire/articles/${draftId}`);
    assert.match(page, /<section class="portfolio" id="portfolio"[^>]* data-upload-url="\/ecrire\/articles\/\d+\/documents"/);
    assert.match(page, /<input type="file" id="f-documentFile" name="documentFile" form="article-form"/);
    assert.match(page, /formaction="\/ecrire\/articles\/\d+\/documents" formenctype="multipart\/form-data"/);
    assert.match(page, /Aucun document joint pour l’instant/);
    assert.match(page, /portfolio\.js/);
  });

  test('an upload by script attaches the image with its title and alt, and answers the list alone', async () => {
    const answer = await upload(editor, draftId, { documentTitle: 'La façade', documentAlt: 'Façade en bois de la Maison de l’ESS' }, { name: 'facade.png', bytes: await png(1600, 900) }, true);
    assert.equal(answer.status, 201);
    assert.equal(answer.fragment, 'portfolio');
    assert.doesNotMatch(answer.html, /<html|<form/, 'the list alone');
    const doc = await site.db.kysely.selectFrom('documents').selectAll().where('original_name', '=', 'facade.png').executeTakeFirstOrThrow();
    assert.deepEqual([doc.title, doc.alt, doc.width], ['La façade', 'Façade en bois de la Maison de l’ESS', 1600]);
    const link = await site.db.kysely.selectFrom('document_links').select(['object_type', 'object_id']).where('document_id', '=', doc.id).execute();
    assert.deepEqual(link, [{ object_type: 'article', object_id: draftId }]);
    assert.match(answer.html, new RegExp(`Document n° ${doc.id} joint à l’article\\.`));
    assert.match(answer.html, /Texte alternatif : « Façade en bois de la Maison de l’ESS »/);
    for (const code of [`<img${doc.id}>`, `<doc${doc.id}|left>`, `<doc${doc.id}|center>`, `<doc${doc.id}|right>`]) {
      assert.ok(answer.html.includes(`data-insert="${code.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`), code);
    }
    assert.equal(await textOf(draftId), savedText);
    // The editor lists it from now on.
    assert.match(await adminPage(site, editor, `/ecrire/articles/${draftId}`), new RegExp(`data-document-id="${doc.id}"`));
  });

  test('a PDF named .jpg is refused in French, writes nothing, and leaves the text alone', async () => {
    const [count, files] = [await documentCount(), storedFiles(site.config.dataDir)];
    const answer = await upload(editor, draftId, { documentAlt: 'Une photo' }, { name: 'photo.jpg', bytes: pdf }, true);
    assert.equal(answer.status, 415);
    assert.equal(answer.fragment, 'portfolio');
    assert.match(answer.html, /class="notice notice--error" role="alert">Le contenu de ce fichier ne correspond pas à son extension \.jpg : il est refusé\./);
    assert.equal(await documentCount(), count);
    assert.deepEqual(storedFiles(site.config.dataDir), files);
    assert.equal(await textOf(draftId), savedText);
    const none = await upload(editor, draftId, {}, undefined, true);
    assert.equal(none.status, 400);
    assert.match(none.html, /Choisissez un fichier à envoyer\./);
  });

  test('without script the text comes back as typed, not saved, whether the file is taken or refused', async () => {
    const typed = { title: 'Mon brouillon', sectionId: '', text: 'Un texte tapé, pas encore enregistré <b>&</b>.', expectedUpdatedAt: '' };
    const refused = await upload(editor, draftId, typed, { name: 'photo.jpg', bytes: pdf }, false);
    assert.equal(refused.status, 415);
    assert.equal(refused.fragment, null);
    assert.match(refused.html, /<textarea id="f-text" name="text"[^>]*>Un texte tapé, pas encore enregistré &lt;b&gt;&amp;&lt;\/b&gt;\.<\/textarea>/);
    assert.match(refused.html, /Le contenu de ce fichier ne correspond pas à son extension \.jpg/);
    const taken = await upload(editor, draftId, typed, { name: 'schema.png', bytes: await png(300, 200) }, false);
    assert.equal(taken.status, 200);
    assert.match(taken.html, /<textarea id="f-text" name="text"[^>]*>Un texte tapé, pas encore enregistré/);
    assert.match(taken.html, /joint à l’article\. Le texte n’est pas encore enregistré/);
    assert.match(taken.html, /schema\.png/);
    assert.equal(await textOf(draftId), savedText, 'attaching saves nothing of the text');
  });

  test('only who may edit the article attaches to it', async () => {
    const count = await documentCount();
    // Another editor may not even see this draft; its author may no longer edit it once it is published.
    assert.equal((await upload(otherEditor, draftId, {}, { name: 'x.png', bytes: await png(10, 10) }, true)).status, 403);
    assert.equal((await upload(editor, publishedId, {}, { name: 'x.png', bytes: await png(10, 10) }, true)).status, 403);
    assert.equal(await documentCount(), count);
    assert.equal((await upload(admin, publishedId, {}, { name: 'x.png', bytes: await png(10, 10) }, true)).status, 201);
    // Someone who may not edit gets the article read-only: no upload field, no insert button.
    const page = await adminPage(site, editor, `/ecrire/articles/${publishedId}`);
    assert.match(page, /Vous pouvez lire cet article/);
    assert.doesNotMatch(page, /data-upload-url|id="f-documentFile"|data-insert=/);
  });
});
