// The back office's sections, keywords, glossary, authors, documents and settings pages over HTTP, on both
// databases: forms keep what was typed when refused, uploads are checked (413, content mismatch), editors
// are kept out of administrators' pages, and documents are served from the data directory.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { logIn, type Session } from './helpers/back-office.ts';
import { createUser } from '../src/users/operations/create-user.ts';


function post(site: TestSite, session: Session, path: string, fields: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams({ _csrf: session.csrf });
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return site.get(path, { method: 'POST', headers: { origin: site.url, 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie }, body });
}

function upload(site: TestSite, session: Session, name: string, bytes: Uint8Array, fields: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', session.csrf);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return site.get('/ecrire/documents/ajouter', { method: 'POST', headers: { origin: site.url, cookie: session.cookie }, body: form });
}

async function page(site: TestSite, session: Session, path: string): Promise<string> {
  const response = await site.get(path, { headers: { cookie: session.cookie } });
  assert.equal(response.status, 200, path);
  return response.text();
}

forEachDialect('back office: sections, keywords, glossary, authors, documents, settings', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let editor: Session;
  before(async () => {
    site = await startTestSite(dialect);
    await createUser(site.db, { email: 'redac@example.org', name: 'Rédactrice', role: 'editor', password: 'motdepasse-redac' });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    editor = await logIn(site, 'redac@example.org', 'motdepasse-redac');
  });
  after(() => site.close());

  test('every page answers for an administrator', async () => {
    for (const path of ['/ecrire/rubriques', '/ecrire/rubriques/nouvelle', '/ecrire/mots', '/ecrire/mots/groupes/nouveau', '/ecrire/glossaire', '/ecrire/glossaire?q=scop', '/ecrire/glossaire/nouveau', '/ecrire/auteurs', '/ecrire/auteurs/nouveau', '/ecrire/documents', '/ecrire/reglages', '/ecrire/reglages/apparence']) {
      await page(site, admin, path);
    }
    assert.match(await page(site, admin, '/ecrire/glossaire?q=scop'), /SCOP/);
  });

  test('editors are kept out of administrators’ pages', async () => {
    for (const path of ['/ecrire/rubriques', '/ecrire/mots', '/ecrire/glossaire', '/ecrire/auteurs', '/ecrire/reglages', '/ecrire/reglages/apparence']) {
      assert.equal((await site.get(path, { headers: { cookie: editor.cookie } })).status, 403, path);
    }
    assert.equal((await post(site, editor, '/ecrire/glossaire/nouveau', { term: 'Intrus', definition: 'x' })).status, 403);
    assert.equal((await post(site, editor, '/ecrire/reglages', { name: 'Piraté' })).status, 403);
    assert.equal((await site.get('/ecrire/documents', { headers: { cookie: editor.cookie } })).status, 200);
  });

  test('a refused form comes back with what was typed and the problem named', async () => {
    const glossary = await post(site, admin, '/ecrire/glossaire/nouveau', { term: 'Coopérative d’activité', variants: 'CAE\nCAEs', definition: '', linkUrl: 'https://exemple.org/cae' });
    assert.equal(glossary.status, 400);
    const html = await glossary.text();
    assert.match(html, /value="Coopérative d’activité"|value="Coop&#233;rative d&#8217;activit&#233;"|Coopérative d&#39;activité|Coopérative d’activité/);
    assert.match(html, /CAE\nCAEs/);
    assert.match(html, /value="https:\/\/exemple.org\/cae"/);
    assert.match(html, /définition obligatoire/);
    assert.match(html, /aria-invalid="true"/);

    const section = await post(site, admin, '/ecrire/rubriques/nouvelle', { title: '', description: 'Un descriptif gardé', parentId: '' });
    assert.equal(section.status, 400);
    assert.match(await section.text(), /Un descriptif gardé/);

    const settings = await post(site, admin, '/ecrire/reglages', { name: 'Nouveau nom', tagline: 'Slogan tapé', lang: 'fr', forumMode: 'pri', smtpHost: 'smtp.example.org', smtpPort: '70000', smtpSecurity: 'starttls' });
    assert.equal(settings.status, 400);
    const settingsHtml = await settings.text();
    assert.match(settingsHtml, /Slogan tapé/);
    assert.match(settingsHtml, /value="70000"/);
    assert.doesNotMatch(await page(site, admin, '/ecrire/reglages'), /Nouveau nom/);
    // The "Nous suivre" links moved to Réglages → Apparence.
    const links = await post(site, admin, '/ecrire/reglages/apparence/reseaux', { followLinks: 'Mastodon | javascript:alert(1)' });
    assert.equal(links.status, 400);
    assert.match(await links.text(), /javascript:alert\(1\)/);

    const user = await post(site, admin, '/ecrire/auteurs/nouveau', { name: 'Claude', email: 'pas-une-adresse', role: 'editor', password: 'secret-tres-long' });
    assert.equal(user.status, 400);
    const userHtml = await user.text();
    assert.match(userHtml, /value="Claude"/);
    assert.doesNotMatch(userHtml, /secret-tres-long/);
  });

  test('settings, sections, keywords and terms are saved from their forms', async () => {
    const saved = await post(site, admin, '/ecrire/reglages', { name: 'Le Labo renommé', tagline: 'Nouveau slogan', lang: 'fr', forumMode: 'pos', smtpHost: 'smtp.example.org', smtpPort: '465', smtpSecurity: 'tls', smtpUser: 'labo', smtpPassword: 'motdepasse-smtp' });
    assert.equal(saved.status, 303);
    assert.equal((await post(site, admin, '/ecrire/reglages/apparence/reseaux', { followLinks: 'Mastodon | https://mastodon.example/@labo\nFil RSS | /rss.xml' })).status, 303);
    const form = await page(site, admin, '/ecrire/reglages');
    assert.match(form, /Le Labo renommé/);
    assert.doesNotMatch(form, /motdepasse-smtp/);
    assert.match(await (await site.get('/')).text(), /Nouveau slogan/);

    const created = await post(site, admin, '/ecrire/rubriques/nouvelle', { title: 'Dossiers', parentId: '' });
    assert.equal(created.status, 303);
    const sectionPath = created.headers.get('location')!.split('?')[0]!;
    assert.equal((await post(site, admin, sectionPath, { title: 'Nos dossiers', description: '', text: '', slug: '' })).status, 303);
    assert.equal((await site.get('/rubrique/dossiers')).status, 301);
    assert.equal((await post(site, admin, `${sectionPath}/supprimer`, {})).status, 303);

    const group = await post(site, admin, '/ecrire/mots/groupes/nouveau', { title: 'Thèmes', appliesTo: 'article', single: '1' });
    assert.equal(group.status, 303);
    const groupId = /groupes\/(\d+)/.exec(group.headers.get('location')!)![1]!;
    assert.equal((await post(site, admin, '/ecrire/mots/nouveau', { title: 'Emploi', groupId })).status, 303);
    assert.match(await page(site, admin, '/ecrire/mots'), /Emploi/);

    const term = await post(site, admin, '/ecrire/glossaire/nouveau', { term: 'CAE', variants: 'Coopérative d’activité et d’emploi', definition: 'Coopérative d’activité et d’emploi.' });
    assert.equal(term.status, 303);
    assert.match(await page(site, admin, '/ecrire/glossaire?q=activite'), /CAE/);
  });

  test('uploads: an image gets a thumbnail; too large is 413; a lying name is refused; nothing escapes', async () => {
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c85028' } }).png().toBuffer();
    const ok = await upload(site, editor, '../../photo de Niort.png', png, { title: 'Niort', alt: 'Une façade' });
    assert.equal(ok.status, 303);
    const docPage = await page(site, editor, ok.headers.get('location')!.split('?')[0]!);
    assert.match(docPage, /&lt;doc\d+\|left&gt;/);
    const file = /href="(\/documents\/png\/[^"]+\.png)"/.exec(docPage)![1]!;
    const served = await site.get(file);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    const thumb = await site.get(file.replace('/documents/png/', '/documents/vignettes/png/').replace(/\.png$/, '.webp'));
    assert.equal(thumb.status, 200);
    assert.equal((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width, 400);

    const big = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    const tooLarge = await upload(site, editor, 'gros.txt', big, { title: 'Titre gardé' });
    assert.equal(tooLarge.status, 413);
    assert.match(await tooLarge.text(), /Titre gardé/);

    const lying = await upload(site, editor, 'photo.jpg', new TextEncoder().encode('<html><script>alert(1)</script></html>'));
    assert.equal(lying.status, 415);
    assert.match(await lying.text(), /ne correspond pas/);

    // The public documents route refuses to leave the documents folder.
    for (const path of ['/documents/../tisse.sqlite', '/documents/%2e%2e/tisse.sqlite', '/documents/..%2ftisse.sqlite']) {
      assert.notEqual((await site.get(path)).status, 200, path);
    }
  });

  test('authors: create shows the password once; role and disabling work', async () => {
    const created = await post(site, admin, '/ecrire/auteurs/nouveau', { name: 'Dominique', email: 'dominique@example.org', role: 'editor', password: 'motdepasse-dom' });
    assert.equal(created.status, 200);
    const html = await created.text();
    assert.match(html, /motdepasse-dom/);
    const id = /action="\/ecrire\/auteurs\/(\d+)"/.exec(html)![1]!;
    const session = await logIn(site, 'dominique@example.org', 'motdepasse-dom');
    assert.equal((await post(site, admin, `/ecrire/auteurs/${id}/desactiver`, {})).status, 303);
    assert.equal((await site.get('/ecrire/documents', { headers: { cookie: session.cookie } })).status, 303);
  });
});
