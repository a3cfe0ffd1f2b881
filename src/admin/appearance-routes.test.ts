// Réglages → Apparence over HTTP on both databases: a logo upload is stored as a document and named in the
// settings; a PDF (which the library would take) or CSS written as a colour is refused in French with nothing
// saved; a readable colour, a menu, the home page's blocks and the "Nous suivre" links are saved; a save shows on
// the cached public site at once; each save is a revision with its author, restorable; editors get 403.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { createUser } from '../users/index.ts';
import { listSettingsRevisions, loadSiteSettings } from '../settings/index.ts';

const base = '/ecrire/reglages/apparence';

/** A multipart upload, as the browser sends the logo's form. */
function postFile(site: TestSite, session: Session, path: string, file: File): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', session.csrf);
  form.append('file', file);
  return site.get(path, { method: 'POST', headers: { origin: site.url, cookie: session.cookie }, body: form });
}

/** Every file under the data folder's documents/, to see that a refused upload leaves none. */
function storedFiles(site: TestSite): string[] {
  const root = join(site.config.dataDir, 'documents');
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

const documentCount = async (site: TestSite) => Number((await site.db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const revisionCount = async (site: TestSite) => Number((await site.db.kysely.selectFrom('settings_revisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

const theme = (changes: Record<string, string>) => ({
  'theme.accent_color': '#0f5e56',
  'theme.heading_color': '#1b2a2f',
  'theme.heading_font': 'serif',
  'theme.body_font': 'sans',
  'theme.logo_placement': 'beside-name',
  'theme.show_tagline': '1',
  ...changes,
});

forEachDialect('back office: Réglages → Apparence', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let editor: Session;
  let sectionId: number;
  let otherSectionId: number;
  let articleId: number;
  let draftId: number;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    sectionId = (await createSection(site.db, { title: 'Actualité' })).id;
    otherSectionId = (await createSection(site.db, { title: 'Nos travaux' })).id;
    articleId = (await createArticle(site.db, { sectionId, title: 'Qui sommes-nous ?', status: 'published' })).id;
    draftId = (await createArticle(site.db, { sectionId, title: 'Brouillon', status: 'draft' })).id;
    await createUser(site.db, { email: 'redac@example.org', name: 'Rédactrice', role: 'editor', password: 'motdepasse-redac' });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    editor = await logIn(site, 'redac@example.org', 'motdepasse-redac');
  });
  after(() => site.close());

  test('the page is in French, every part present, no catalogue key left showing, and Réglages links to it', async () => {
    const html = await adminPage(site, admin, base);
    for (const text of ['Apparence du site', 'Logo', 'Favicon', 'Couleurs et polices', 'Menu principal', 'Page d’accueil', 'Nous suivre', 'Historique des réglages']) assert.ok(html.includes(text), text);
    // One field per setting of the default theme, of its kind.
    assert.match(html, /<input type="color" id="champ-theme.accent_color" name="theme.accent_color" value="#0f5e56"/);
    assert.match(html, /<select id="champ-theme.heading_font" name="theme.heading_font"/);
    assert.match(html, /<input type="checkbox" id="champ-theme.show_tagline-1" name="theme.show_tagline" value="1" checked=""/);
    assert.match(html, /Le menu est vide : le site montre les rubriques de premier niveau/);
    assert.doesNotMatch(html, /\b(admin|errors|appearance)\.[a-z]+\.[A-Za-z.]+/, 'a catalogue key shows as such');
    assert.match(await adminPage(site, admin, '/ecrire/reglages'), /href="\/ecrire\/reglages\/apparence"/);
  });

  test('an editor may neither see nor change the appearance', async () => {
    assert.equal((await site.get(base, { headers: { cookie: editor.cookie } })).status, 403);
    const before = await loadSiteSettings(site.db);
    assert.equal((await postForm(site, editor, `${base}/theme`, theme({ 'theme.accent_color': '#7a1f5c' }))).status, 403);
    assert.equal((await postFile(site, editor, `${base}/logo`, new File([await png(300, 100)], 'logo.png', { type: 'image/png' }))).status, 403);
    assert.deepEqual(await loadSiteSettings(site.db), before);
  });

  test('a logo upload is a document of the library, named in the settings and shown on the page', async () => {
    const count = await documentCount(site);
    const response = await postFile(site, admin, `${base}/logo`, new File([await png(600, 160)], 'logo-labo.png', { type: 'image/png' }));
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `${base}?fait=saved#logo`);
    const { logo } = await loadSiteSettings(site.db);
    assert.ok(logo);
    assert.equal(await documentCount(site), count + 1);
    const doc = await site.db.kysely.selectFrom('documents').selectAll().where('id', '=', logo.documentId).executeTakeFirstOrThrow();
    assert.deepEqual([doc.file, doc.width, doc.height, doc.media], [logo.file, 600, 160, 'image']);
    const served = await site.get(`/documents/${logo.file}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.ok((await adminPage(site, admin, base)).includes(`src="/documents/${logo.file}"`));
    // The library keeps it while it is the logo: deleting it would leave every page with a missing image.
    const deletion = await postForm(site, admin, `/ecrire/documents/${logo.documentId}/supprimer`, {});
    assert.equal(deletion.status, 409);
    assert.match(await deletion.text(), /Ce document est le logo du site/);
    assert.equal(await documentCount(site), count + 1);
  });

  test('a PDF as logo is refused in French, leaving no document, no file and the settings as they were', async () => {
    const before = await loadSiteSettings(site.db);
    const [documents, files, revisions] = [await documentCount(site), storedFiles(site), await revisionCount(site)];
    const pdf = new File(['%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'], 'rapport.pdf', { type: 'application/pdf' });
    const refused = await postFile(site, admin, `${base}/logo`, pdf);
    assert.equal(refused.status, 415);
    const html = await refused.text();
    assert.match(html, /Le logo doit être une image \(JPEG, PNG, WebP, GIF, AVIF ou SVG\) : « rapport\.pdf » est un document PDF\./);
    assert.match(html, /Rien n’a été enregistré/);
    // A PDF named .png: the content says what it is.
    const disguised = await postFile(site, admin, `${base}/favicon`, new File([await pdf.arrayBuffer()], 'icone.png', { type: 'image/png' }));
    assert.equal(disguised.status, 415);
    assert.match(await disguised.text(), /Le favicon doit être une image/);
    assert.equal(await documentCount(site), documents);
    assert.deepEqual(storedFiles(site), files);
    assert.equal(await revisionCount(site), revisions);
    assert.deepEqual(await loadSiteSettings(site.db), before);
  });

  test('a favicon smaller than 32 × 32 is refused; a larger one is kept as a square PNG', async () => {
    const documents = await documentCount(site);
    const small = await postFile(site, admin, `${base}/favicon`, new File([await png(16, 16)], 'mini.png', { type: 'image/png' }));
    assert.equal(small.status, 400);
    assert.match(await small.text(), /au moins 32 × 32 pixels : cette image en fait 16 × 16/);
    assert.equal(await documentCount(site), documents);
    assert.equal((await postFile(site, admin, `${base}/favicon`, new File([await png(96, 64)], 'icone.png', { type: 'image/png' }))).status, 303);
    const { favicon } = await loadSiteSettings(site.db);
    assert.deepEqual([favicon?.width, favicon?.height, favicon?.file.endsWith('.png')], [96, 96, true]);
    assert.equal((await postForm(site, admin, `${base}/favicon/retirer`, {})).status, 303);
    assert.equal((await loadSiteSettings(site.db)).favicon, null);
    assert.equal(await documentCount(site), documents + 1, 'the image removed stays in the library');
  });

  test('CSS written as a colour is refused in French, shown as typed, and nothing is saved', async () => {
    const before = await loadSiteSettings(site.db);
    const revisions = await revisionCount(site);
    const injected = 'red;}</style><script>alert(1)</script>';
    const refused = await postForm(site, admin, `${base}/theme`, theme({ 'theme.accent_color': injected, 'theme.heading_font': 'sans' }));
    assert.equal(refused.status, 400);
    const html = await refused.text();
    assert.match(html, /Certains réglages du thème sont invalides : rien n’a été enregistré\./);
    assert.match(html, /couleur au format #rrggbb/);
    assert.ok(html.includes('value="red;}&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'), 'the typed value comes back, escaped');
    assert.ok(!html.includes('<script>alert(1)'));
    assert.match(html, /<option value="sans" selected="">Sans empattement/, 'the other fields keep what was typed');
    assert.deepEqual(await loadSiteSettings(site.db), before);
    assert.equal(await revisionCount(site), revisions);
  });

  test('a colour too pale to read is refused; a readable one is saved', async () => {
    const pale = await postForm(site, admin, `${base}/theme`, theme({ 'theme.accent_color': '#ffff00' }));
    assert.equal(pale.status, 400);
    assert.match(await pale.text(), /contraste trop faible \(1,0:1, il faut au moins 4,5:1/);
    assert.equal((await loadSiteSettings(site.db)).themeSettings.accent_color, undefined);
    const saved = await postForm(site, admin, `${base}/theme`, theme({ 'theme.accent_color': '#7A1F5C', 'theme.show_tagline': [] as never }));
    assert.equal(saved.status, 303);
    const { themeSettings } = await loadSiteSettings(site.db);
    assert.equal(themeSettings.accent_color, '#7a1f5c');
    assert.equal(themeSettings.show_tagline, false);
    assert.match(await adminPage(site, admin, base), /name="theme.accent_color" value="#7a1f5c"/);
  });

  test('the menu keeps its items in the order of their positions; a javascript: link or an unknown section is refused', async () => {
    const rows = {
      'mainMenu.0.position': '2',
      'mainMenu.0.target': `section:${sectionId}`,
      'mainMenu.1.position': '1',
      'mainMenu.1.target': 'link',
      'mainMenu.1.label': 'Adhérer',
      'mainMenu.1.url': 'https://adherer.example.org/',
      'mainMenu.2.position': '3',
      'mainMenu.2.articleNumber': String(articleId),
      'mainMenu.3.position': '4',
    };
    assert.equal((await postForm(site, admin, `${base}/menu`, rows)).status, 303);
    assert.deepEqual((await loadSiteSettings(site.db)).mainMenu, [
      { kind: 'link', label: 'Adhérer', url: 'https://adherer.example.org/' },
      { kind: 'section', sectionId },
      { kind: 'article', articleId },
    ]);
    const saved = await loadSiteSettings(site.db);

    const bad = await postForm(site, admin, `${base}/menu`, { ...rows, 'mainMenu.1.url': 'javascript:alert(1)' });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /Menu principal, ligne 2 : adresse http\(s\) ou chemin du site\./);
    assert.match(html, /id="champ-mainMenu.1.url" name="mainMenu.1.url" value="javascript:alert\(1\)"[^>]*aria-invalid="true"/);
    const unknown = await postForm(site, admin, `${base}/menu`, { ...rows, 'mainMenu.0.target': 'section:999999' });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /Menu principal, ligne 1 : rubrique inconnue\./);
    const draft = await postForm(site, admin, `${base}/menu`, { ...rows, 'mainMenu.2.articleNumber': String(draftId) });
    assert.equal(draft.status, 400);
    assert.match(await draft.text(), /Menu principal, ligne 3 : article inexistant ou non publié\./);
    assert.deepEqual(await loadSiteSettings(site.db), saved);

    // "Retirer" takes an item out; the page then shows the rest, numbered from 1.
    assert.equal((await postForm(site, admin, `${base}/menu`, { ...rows, 'mainMenu.1.remove': '1' })).status, 303);
    assert.deepEqual((await loadSiteSettings(site.db)).mainMenu.map((item) => item.kind), ['section', 'article']);
    assert.match(await adminPage(site, admin, base), /name="mainMenu.1.target"><option value="">[^]*?<option value="article:\d+" selected="">n° \d+ — Qui sommes-nous \?/);
  });

  test('the home page’s blocks are saved; an unpublished featured article or a count out of range is refused', async () => {
    const form = { 'homeBlocks.featured': 'article', 'homeBlocks.featuredArticle': String(articleId), 'homeBlocks.latestCount': '4', 'homeBlocks.sectionIds': [String(otherSectionId), String(sectionId)], 'homeBlocks.perSection': '2' };
    assert.equal((await postForm(site, admin, `${base}/accueil`, form)).status, 303);
    assert.deepEqual((await loadSiteSettings(site.db)).homeBlocks, { featured: articleId, latestCount: 4, sectionIds: [otherSectionId, sectionId], perSection: 2 });
    const saved = await loadSiteSettings(site.db);
    const tooMany = await postForm(site, admin, `${base}/accueil`, { ...form, 'homeBlocks.latestCount': '31' });
    assert.equal(tooMany.status, 400);
    assert.match(await tooMany.text(), /derniers articles affichés : un nombre de 0 à 30/);
    const unpublished = await postForm(site, admin, `${base}/accueil`, { ...form, 'homeBlocks.featuredNumber': String(draftId) });
    assert.equal(unpublished.status, 400);
    assert.match(await unpublished.text(), new RegExp(`l’article n° ${draftId} n’existe pas ou n’est pas publié`));
    assert.deepEqual(await loadSiteSettings(site.db), saved);
    assert.equal((await postForm(site, admin, `${base}/accueil`, { 'homeBlocks.featured': 'none', 'homeBlocks.latestCount': '0', 'homeBlocks.perSection': '12' })).status, 303);
    assert.deepEqual((await loadSiteSettings(site.db)).homeBlocks, { featured: 'none', latestCount: 0, sectionIds: [], perSection: 12 });
  });

  test('a save shows on the public site at once, though the page was cached; Réglages no longer touches the links', async () => {
    await (await site.get('/')).text();
    // PostgreSQL tells this process of its own earlier writes a moment later (LISTEN/NOTIFY), and each news drops
    // the cache: wait until the data version rests, then fill the cache again.
    for (let version = -1, tries = 0; version !== site.db.version() && tries < 40; tries++) {
      version = site.db.version();
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await (await site.get('/')).text();
    // Written behind the cache's back (no db.write): the cached page does not see it, which shows it is cached.
    const secretly = { key: 'name', value: JSON.stringify('Nom écrit en douce'), updated_at: new Date().toISOString() };
    await site.db.kysely.insertInto('settings').values(secretly).onConflict((oc) => oc.column('key').doUpdateSet({ value: secretly.value })).execute();
    assert.doesNotMatch(await (await site.get('/')).text(), /Nom écrit en douce/);
    const links = 'Mastodon | https://mastodon.example/@labo\nLa lettre | /lettre';
    assert.equal((await postForm(site, admin, `${base}/reseaux`, { followLinks: links })).status, 303);
    const home = await (await site.get('/')).text();
    assert.match(home, /href="https:\/\/mastodon.example\/@labo"/);
    assert.match(home, /Nom écrit en douce/, 'the whole cache was dropped');
    assert.deepEqual((await loadSiteSettings(site.db)).followLinks.map((l) => l.kind), ['mastodon', 'other']);
    const refused = await postForm(site, admin, `${base}/reseaux`, { followLinks: 'Piège | javascript:alert(1)' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /ligne 1 : l’adresse doit commencer par http:\/\/, https:\/\/ ou \//);
    const reglages = { name: 'Collectif Tisse', tagline: '', description: '', lang: 'fr', forumMode: 'pri', emailFrom: '', smtpHost: '', smtpPort: '', smtpSecurity: 'starttls', smtpUser: '', smtpPassword: '' };
    assert.equal((await postForm(site, admin, '/ecrire/reglages', reglages)).status, 303);
    assert.equal((await loadSiteSettings(site.db)).followLinks.length, 2);
  });

  test('each save is a revision with its author; an appearance one is restored, a Réglages one is not restored here', async () => {
    assert.equal((await postForm(site, admin, `${base}/theme`, theme({ 'theme.accent_color': '#123456' }))).status, 303);
    assert.equal((await postForm(site, admin, `${base}/theme`, theme({ 'theme.accent_color': '#2d4b1e' }))).status, 303);
    const [latest] = await listSettingsRevisions(site.db, 1);
    assert.ok(latest);
    assert.deepEqual(latest.keys, ['themeSettings']);
    assert.equal(latest.authorName, 'Administrateur');
    assert.equal((latest.before.themeSettings as Record<string, unknown>).accent_color, '#123456');
    const html = await adminPage(site, admin, base);
    assert.ok(html.includes(`action="${base}/revisions/${latest.id}/retablir"`));
    assert.match(html, /<td>Administrateur<\/td><td>couleurs et polices<\/td>/);

    const restored = await postForm(site, admin, `${base}/revisions/${latest.id}/retablir`, {});
    assert.equal(restored.status, 303);
    assert.equal(restored.headers.get('location'), `${base}?fait=restored#historique`);
    assert.equal((await loadSiteSettings(site.db)).themeSettings.accent_color, '#123456');
    const [again] = await listSettingsRevisions(site.db, 1);
    assert.equal((again!.after.themeSettings as Record<string, unknown>).accent_color, '#123456', 'the restoring is itself a revision');
    assert.match(await adminPage(site, admin, `${base}?fait=restored`), /Version rétablie\./);

    const reglages = { name: 'Le Labo renommé', tagline: '', description: '', lang: 'fr', forumMode: 'pri', emailFrom: '', smtpHost: 'smtp.example.org', smtpPort: '587', smtpSecurity: 'starttls', smtpUser: 'labo', smtpPassword: 'secret-smtp-456' };
    assert.equal((await postForm(site, admin, '/ecrire/reglages', reglages)).status, 303);
    const [other] = await listSettingsRevisions(site.db, 1);
    assert.deepEqual(other!.keys, ['name', 'smtp']);
    assert.ok(!(await adminPage(site, admin, base)).includes(`${base}/revisions/${other!.id}/retablir`));
    const notHere = await postForm(site, admin, `${base}/revisions/${other!.id}/retablir`, {});
    assert.equal(notHere.status, 400);
    assert.match(await notHere.text(), /ne se rétablit pas d’ici/);
    assert.equal((await loadSiteSettings(site.db)).name, 'Le Labo renommé');
    assert.equal((await postForm(site, admin, `${base}/revisions/999999/retablir`, {})).status, 404);
    // The SMTP password is in no revision, masked or not.
    const stored = await site.db.kysely.selectFrom('settings_revisions').select(['before', 'after']).execute();
    assert.ok(stored.every((row) => !row.before.includes('secret-smtp-456') && !row.after.includes('secret-smtp-456')));
  });
});

async function png(width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await sharp({ create: { width, height, channels: 4, background: { r: 15, g: 94, b: 86, alpha: 1 } } }).png().toBuffer());
}
