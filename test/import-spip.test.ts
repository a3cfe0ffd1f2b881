// SPIP import, on SQLite and PostgreSQL: the real SPIP 4.1 backup of test/fixtures/spip-site/ goes into a fresh site,
// and the facts its README states are checked in the database and on the public pages, old URLs included.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { fixturePath } from './helpers/fixtures.ts';
import { importSpip } from '../src/importers/spip/importer.ts';
import { openSpipDump } from '../src/importers/spip/dump.ts';
import { MappingContext } from '../src/importers/spip/context.ts';
import { mapForum } from '../src/importers/spip/mappers/forum.ts';
import { inviteAccountsToChoosePassword } from '../src/importers/spip/invite-accounts.ts';
import { search } from '../src/search/search.ts';
import { isTisseError } from '../src/kernel/errors.ts';
import type { Database } from '../src/db/schema.ts';
import { sql } from 'kysely';

const dump = fixturePath('spip-site', 'labo-ess.sqlite');
const img = fixturePath('spip-site', 'IMG');
const tables: (keyof Database)[] = [
  'settings', 'sections', 'articles', 'users', 'user_sections', 'article_authors', 'keyword_groups', 'keywords', 'keyword_links',
  'glossary_terms', 'forum_messages', 'documents', 'document_links', 'revisions', 'urls', 'legacy_objects', 'password_resets', 'sessions',
  'petitions', 'petition_signatures', 'sites', 'syndicated_items',
];

async function snapshot(site: TestSite): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await site.db.kysely.selectFrom(table).selectAll().execute();
    result[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return result;
}

const count = (rows: unknown[]) => rows.length;

test('spip_forum.nom_site (« Nom de votre site ») maps to author_site_name, url_site to author_url', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'tisse-spip-forum-'));
  try {
    const file = join(scratch, 'nom-site.sqlite');
    copyFileSync(dump, file);
    const raw = new BetterSqlite3(file);
    raw.prepare("update spip_forum set nom_site = 'Pilules pas chères' where id_forum = 6").run();
    raw.close();
    const spip = openSpipDump(file);
    try {
      const ctx = new MappingContext(spip, undefined);
      for (let id = 1; id <= 30; id++) ctx.articleIds.add(id);
      mapForum(ctx);
      const rows = ctx.writes.find((w) => w.table === 'forum_messages')!.rows as { id: number; author_url: string; author_site_name: string }[];
      const m6 = rows.find((r) => r.id === 6)!;
      assert.deepEqual([m6.author_url, m6.author_site_name], ['http://spam.example.com/', 'Pilules pas chères']);
      assert.ok(rows.filter((r) => r.id !== 6).every((r) => r.author_url === '' && r.author_site_name === ''));
    } finally {
      spip.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

forEachDialect('SPIP import', (dialect) => {
  let site: TestSite;
  let scratch: string;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    scratch = mkdtempSync(join(tmpdir(), 'tisse-spip-'));
  });
  after(async () => {
    await site.close();
    rmSync(scratch, { recursive: true, force: true });
  });
  const run = (file: string, options: { img?: string; dryRun?: boolean } = {}) =>
    importSpip(site.db, file, { dataDir: site.config.dataDir, imgDir: 'img' in options ? options.img : img, dryRun: options.dryRun ?? false });

  async function refused(file: string, options: { img?: string } = {}): Promise<void> {
    const before = await snapshot(site);
    await assert.rejects(run(file, options), (error: unknown) => isTisseError(error) && error.code === 'BAD_INPUT' && error.message.length > 20);
    assert.deepEqual(await snapshot(site), before, 'nothing written');
  }

  test('bad input: not SQLite, not SPIP, an unsupported SPIP version, a missing IMG folder — a clear error, nothing written', async () => {
    const text = join(scratch, 'notes.sqlite');
    writeFileSync(text, 'Ceci n’est pas une base de données.\n'.repeat(10));
    await refused(text);

    const other = join(scratch, 'other.sqlite');
    const raw = new BetterSqlite3(other);
    raw.exec('create table wp_posts (id integer primary key, title text); insert into wp_posts values (1, \'x\')');
    raw.close();
    await refused(other);

    const old = join(scratch, 'spip2.sqlite');
    copyFileSync(dump, old);
    const spip2 = new BetterSqlite3(old);
    spip2.prepare("update spip_meta set valeur = '15375' where nom = 'version_installee'").run();
    spip2.close();
    await refused(old);

    await refused(dump, { img: join(scratch, 'no-such-IMG') });
    await refused(dump, { img: undefined });
  });

  test('--dry-run reports the counts and writes nothing', async () => {
    const before = await snapshot(site);
    const result = await run(dump, { dryRun: true });
    assert.equal(result.dryRun, true);
    assert.deepEqual(result.report.counts.articles, { publie: 24, prop: 2, prepa: 2, refuse: 1, poubelle: 1 });
    assert.deepEqual(await snapshot(site), before);
  });

  test('imports every table with SPIP’s ids, counts per status as in the README', async () => {
    const result = await run(dump);
    assert.equal(result.alreadyImported, false);
    const k = site.db.kysely;
    // SPIP's 12 rubriques, and one « Brèves » section under sector 1, where its two brèves became articles 31 and 32.
    assert.equal(count(await k.selectFrom('sections').select('id').execute()), 13);
    assert.deepEqual(await k.selectFrom('sections').select(['id', 'parent_id', 'slug', 'title']).where('id', '=', 13).executeTakeFirst(), { id: 13, parent_id: 1, slug: 'breves', title: 'Brèves' });
    const statuses = await k.selectFrom('articles').select(['id', 'status']).where('section_id', '!=', 13).orderBy('id').execute();
    const byStatus: Record<string, number> = {};
    for (const a of statuses) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    assert.deepEqual(byStatus, { published: 24, proposed: 2, draft: 2, refused: 1, trash: 1 });
    assert.deepEqual(statuses.map((a) => a.id), Array.from({ length: 30 }, (_, i) => i + 1));
    const breves = await k.selectFrom('articles').select(['id', 'title', 'status', 'published_at', 'link_title', 'link_url', 'slug']).where('section_id', '=', 13).orderBy('id').execute();
    assert.deepEqual(breves, [
      { id: 31, title: 'Le Mois de l\'ESS 2014 a commencé', status: 'published', published_at: '2014-11-03T09:00:00.000Z', link_title: 'Site du Mois de l\'ESS', link_url: 'https://www.lemois-ess.example', slug: 'le-mois-de-l-ess-2014-a-commence' },
      { id: 32, title: 'Brève proposée', status: 'proposed', published_at: null, link_title: '', link_url: '', slug: 'breve-proposee' },
    ]);
    assert.deepEqual(result.report.counts['brèves'], { publie: 1, prop: 1 });

    const users = await k.selectFrom('users').select(['id', 'email', 'role', 'password_hash', 'must_reset_password']).orderBy('id').execute();
    assert.deepEqual(users.slice(0, 5).map((u) => [u.id, u.role, u.password_hash, u.must_reset_password]), [
      [1, 'administrator', null, 1], [2, 'administrator', null, 1], [3, 'editor', null, 1], [4, 'editor', null, 1], [5, 'visitor', null, 1],
    ]);
    // The administrator the fresh site started with is kept, moved after SPIP's ids.
    assert.deepEqual(users.slice(5).map((u) => [u.id, u.email, u.role]), [[6, 'admin@example.org', 'administrator']]);
    assert.deepEqual(await k.selectFrom('user_sections').selectAll().execute(), [{ user_id: 2, section_id: 5 }]);
    assert.equal(count(await k.selectFrom('article_authors').select('article_id').execute()), 31);

    assert.deepEqual((await k.selectFrom('keyword_groups').select('title').orderBy('id').execute()).map((g) => g.title), ['Thèmes', 'Type de contenu']);
    assert.deepEqual((await k.selectFrom('keywords').select('id').orderBy('id').execute()).map((w) => w.id), [6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const article1Keywords = await k.selectFrom('keyword_links').select('keyword_id').where('object_type', '=', 'article').where('object_id', '=', 1).orderBy('keyword_id').execute();
    assert.deepEqual(article1Keywords.map((l) => l.keyword_id), [7, 11, 12]);

    const revisions = await k.selectFrom('revisions').select(['object_type', 'object_id', 'number', 'author_label', 'fields']).orderBy('object_type').orderBy('object_id').orderBy('number').execute();
    assert.equal(revisions.filter((r) => r.object_type === 'article').length, 64);
    assert.equal(revisions.filter((r) => r.object_type === 'section').length, 12);
    const art21 = revisions.filter((r) => r.object_type === 'article' && r.object_id === 21).map((r) => JSON.parse(r.fields) as Record<string, unknown>);
    assert.deepEqual(art21.map((f) => f.title), ['Les PTCE dix ans après', 'Les PTCE dix ans après', 'Les PTCE dix ans après', 'Les PTCE, dix ans après']);
    assert.equal(art21[2]!.lead, 'Bilan d’étape, dix ans après le lancement des premiers pôles.'.replace('’', "'"));
    assert.match(String(art21[3]!.text), /pas à pas\[\[Voir aussi \[->art11\]\.\]\]\.$/);
    assert.equal(revisions.find((r) => r.object_type === 'article' && r.object_id === 1 && r.number === 3)?.author_label, '192.0.2.10');

    const legacy = await k.selectFrom('legacy_objects').select(['source_type']).execute();
    const kept: Record<string, number> = {};
    for (const l of legacy) kept[l.source_type] = (kept[l.source_type] ?? 0) + 1;
    assert.deepEqual(kept, {}, 'every object of the backup has a Tisse form now');
    assert.ok(result.report.skipped.some((s) => s.table === 'spip_jobs'), 'SPIP’s job queue is reported as skipped');
  });

  test('site settings and forum modes (site default priori; 2 pos, 3 non, 10 abo)', async () => {
    const settings = Object.fromEntries((await site.db.kysely.selectFrom('settings').selectAll().execute()).map((r) => [r.key, JSON.parse(r.value)]));
    assert.equal(settings.name, 'Le Labo de l\'ESS');
    assert.equal(settings.tagline, 'Think tank de l\'économie sociale et solidaire');
    assert.equal(settings.address, 'https://www.labo-ess.example');
    assert.equal(settings.forumMode, 'pri');
    const modes = await site.db.kysely.selectFrom('articles').select(['id', 'forum_mode']).orderBy('id').execute();
    const special = modes.filter((m) => m.forum_mode !== 'pri').map((m) => [m.id, m.forum_mode]);
    // The brèves (31, 32) follow the site's mode, as SPIP's breve.html did.
    assert.deepEqual(special, [[2, 'pos'], [3, 'non'], [10, 'abo'], [31, null], [32, null]]);
  });

  test('forum threads and statuses per article; private messages become the team discussion', async () => {
    const messages = await site.db.kysely.selectFrom('forum_messages').selectAll().orderBy('id').execute();
    assert.equal(messages.length, 16);
    const of = (article: number, kind: string, status: string) => messages.filter((m) => m.article_id === article && m.kind === kind && m.status === status).map((m) => m.id);
    assert.deepEqual(of(1, 'public', 'published'), [1, 2, 3]);
    assert.deepEqual(of(1, 'public', 'pending'), [4]);
    assert.deepEqual(of(1, 'public', 'refused'), [5]);
    assert.deepEqual(of(1, 'public', 'spam'), [6]);
    assert.deepEqual(of(1, 'team', 'published'), [7, 8]);
    assert.deepEqual(of(2, 'public', 'published'), [9, 10]);
    assert.deepEqual(of(2, 'public', 'refused'), [11]);
    assert.deepEqual(of(10, 'public', 'published'), [12, 13]);
    assert.deepEqual([of(4, 'public', 'published'), of(4, 'public', 'pending')], [[14], [15]]);
    assert.deepEqual(of(25, 'team', 'published'), [16]);
    const m3 = messages.find((m) => m.id === 3)!;
    assert.deepEqual([m3.parent_id, m3.thread_id], [2, 1]);
    assert.equal(messages.find((m) => m.id === 12)!.user_id, 5);
    assert.equal(messages.find((m) => m.id === 1)!.user_id, null);
    // SPIP's url_site → author_url, nom_site (« Nom de votre site », empty on message 6) → author_site_name.
    const m6 = messages.find((m) => m.id === 6)!;
    assert.deepEqual([m6.author_name, m6.author_url, m6.author_site_name], ['cheap-pills', 'http://spam.example.com/', '']);
  });

  test('glossary: the "Glossaire" group becomes terms with their variants and definitions', async () => {
    const terms = await site.db.kysely.selectFrom('glossary_terms').selectAll().orderBy('id').execute();
    assert.deepEqual(terms.map((t) => [t.id, t.term, JSON.parse(t.variants)]), [
      [1, 'PTCE', ['Pôle territorial de coopération économique', 'Pôles territoriaux de coopération économique']],
      [2, 'SCOP', ['Scop', 'SCOPs']],
      [3, 'ESS', ['Économie sociale et solidaire']],
      [4, 'RSE', []],
      [5, 'SCIC', ['Scic']],
    ]);
    assert.equal(terms[3]!.definition, 'Responsabilité sociale des entreprises');
    assert.match(terms[2]!.definition, /Qu'est-ce que l'Économie sociale et solidaire/);
    assert.notEqual(terms[2]!.presentation, '');
  });

  test('article 1: its page, breadcrumb, document, footnotes and internal links', async () => {
    const response = await site.get('/benoit-hamon-en-visite-a-niort');
    assert.equal(response.status, 200);
    const html = await response.text();
    const crumbs = ['/rubrique/l-ess-au-quotidien', '/rubrique/l-actu-de-l-ess', '/rubrique/en-regions'].map((href) => html.indexOf(`href="${href}"`));
    assert.ok(crumbs.every((i) => i > 0) && crumbs[0]! < crumbs[1]! && crumbs[1]! < crumbs[2]!, 'breadcrumb Accueil > L’ESS au quotidien > L’actu de l’ESS > En régions');
    assert.match(html, /href="\/qu-est-ce-qu-un-ptce"/, '[->art2] in the first footnote resolves to imported article 2');
    assert.match(html, /id="nb1"/);
    assert.match(html, /id="nb2"/);
    assert.match(html, /\/documents\/jpg\/niort-maison-ess\.jpg/, '<doc1|left>');
    const page2 = await (await site.get('/qu-est-ce-qu-un-ptce')).text();
    assert.match(page2, /href="\/benoit-hamon-en-visite-a-niort"/);
    assert.match(page2, /href="\/rubrique\/fiches-territoires"/);
    const page6 = await (await site.get('/les-ptce-laureats-de-l-appel-a-projets')).text();
    assert.match(page6, /href="\/documents\/pdf\/rapport_ptce_2014\.pdf"/, '[…->doc3]');
  });

  test('documents are served from the data directory, IMG/ paths redirect to them', async () => {
    const jpg = await site.get('/documents/jpg/niort-maison-ess.jpg');
    assert.equal(jpg.status, 200);
    assert.equal((await jpg.arrayBuffer()).byteLength, 5259);
    const pdf = await site.get('/documents/pdf/rapport_ptce_2014.pdf');
    assert.equal(pdf.status, 200);
    assert.equal((await pdf.arrayBuffer()).byteLength, 699);
    const old = await site.get('/IMG/png/schema_ptce.png');
    assert.equal(old.status, 301);
    assert.equal(old.headers.get('location'), '/documents/png/schema_ptce.png');
    assert.equal((await site.get('/IMG/png/nothing.png')).status, 404);
  });

  test('the post-dated article 23 is not public, nor are unpublished ones', async () => {
    assert.equal((await site.get('/mois-de-l-ess-2030-save-the-date')).status, 404);
    assert.equal((await site.get('/Mois-de-l-ESS-2030-save-the-date')).status, 404);
    assert.equal((await site.get('/spip.php?article23')).status, 404);
    assert.equal((await site.get('/spip.php?article24')).status, 404);
    const home = await (await site.get('/')).text();
    assert.doesNotMatch(home, /Mois de l.ESS 2030/);
  });

  test('the published brève: its page with its link, the « Brèves » list under its sector, the feeds, the search', async () => {
    const page = await site.get('/le-mois-de-l-ess-2014-a-commence');
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Le Mois de l’ESS 2014 a commencé/);
    assert.match(html, /Plus de 2 000 événements partout en France/);
    assert.match(html, /href="https:\/\/www\.lemois-ess\.example"/, 'SPIP’s lien_url is the page’s « Voir en ligne » link');
    assert.match(html, /href="\/rubrique\/breves"/, 'the breadcrumb leads to the brèves');
    const list = await (await site.get('/rubrique/breves')).text();
    assert.match(list, /Le Mois de l’ESS 2014 a commencé/);
    assert.doesNotMatch(list, /Brève proposée/);
    assert.match(await (await site.get('/rubrique/l-ess-au-quotidien')).text(), /Le Mois de l’ESS 2014 a commencé/, 'listed in its sector, as SPIP did');
    const feed = await (await site.get('/rubrique/breves/rss.xml')).text();
    assert.match(feed, /<title>Le Mois de l’ESS 2014 a commencé<\/title>/);
    assert.match(await (await site.get('/rss.xml')).text(), /Le Mois de l’ESS 2014 a commencé/);
    const backend = await site.get('/spip.php?page=backend-breves');
    assert.equal(backend.headers.get('location'), '/rss.xml');
    assert.ok((await search(site.db, 'événements')).items.some((r) => r.id === 31), 'the brève is found by the search');
  });

  test('the petition of article 12 with its signatures: the two confirmed shown and counted, the trashed one not', async () => {
    const k = site.db.kysely;
    assert.deepEqual(await k.selectFrom('petitions').select(['article_id', 'text', 'status', 'allow_message']).execute(), [
      { article_id: 12, text: 'Nous soutenons les Rencontres du Labo.', status: 'open', allow_message: 1 },
    ]);
    const signatures = await k.selectFrom('petition_signatures').select(['id', 'name', 'email', 'status', 'shown', 'confirmed_at']).orderBy('id').execute();
    assert.deepEqual(signatures.map((s) => [s.id, s.name, s.email, s.status, s.shown]), [
      [1, 'Jeanne Petit', 'jeanne@example.org', 'confirmed', 1], [2, 'Paul Martin', 'paul@example.org', 'confirmed', 1], [3, 'Robot', 'bot@example.com', 'trash', 1],
    ]);
    assert.equal(signatures[0]!.confirmed_at, '2016-03-06T08:59:59.000Z');
    const page = await (await site.get('/rencontres-du-labo-2016-programme')).text();
    assert.match(page, /Nous soutenons les Rencontres du Labo\./);
    assert.match(page, /<strong>2 signatures<\/strong>/);
    assert.match(page, /Jeanne Petit/);
    assert.match(page, /Paul Martin/);
    assert.doesNotMatch(page, /Robot/);
    assert.doesNotMatch(page, /@example\.(org|com)/, 'no signer’s address shows');
  });

  test('the links directory: ESS France and Avise, with their descriptions, listed on the page of their section', async () => {
    const sites = await site.db.kysely.selectFrom('sites').select(['id', 'section_id', 'name', 'url', 'description', 'status', 'syndication']).orderBy('id').execute();
    assert.deepEqual(sites, [
      { id: 1, section_id: 11, name: 'ESS France', url: 'https://www.ess-france.example', description: 'Chambre française de l\'ESS.', status: 'published', syndication: 0 },
      { id: 2, section_id: 11, name: 'Avise', url: 'https://www.avise.example', description: 'Agence d\'ingénierie pour entreprendre autrement.', status: 'published', syndication: 0 },
    ]);
    const page = await (await site.get('/rubrique/qui-sommes-nous')).text();
    assert.match(page, /<a href="https:\/\/www\.ess-france\.example" rel="external">ESS France<\/a>/);
    assert.match(page, /Chambre française de l’ESS/);
    assert.match(page, /Agence d’ingénierie pour entreprendre autrement/);
    for (const from of ['/spip.php?site1', '/spip.php?syndic2', '/site1.html', '/spip.php?page=site&id_syndic=1']) await redirectsToPage(from, '/rubrique/qui-sommes-nous');
    assert.equal((await site.get('/spip.php?site99')).status, 404);
  });

  const articleUrls: [number, string, string][] = [
    [1, 'Benoit-Hamon-en-visite-a-Niort', '/benoit-hamon-en-visite-a-niort'],
    [2, 'Qu-est-ce-qu-un-PTCE', '/qu-est-ce-qu-un-ptce'],
    [3, 'Le-Labo-de-l-ESS-un-think-tank', '/le-labo-de-l-ess-un-think-tank'],
    [4, 'L-alchimie-de-l-ecosysteme-financier-solidaire', '/l-alchimie-de-l-ecosysteme-financier-solidaire'],
    [5, 'Transformer-l-emploi-redonner-du-sens-au-travail', '/transformer-l-emploi-et-redonner-du-sens-au-travail'],
    [5, 'Transformer-l-emploi-et-redonner-du-sens-au-travail', '/transformer-l-emploi-et-redonner-du-sens-au-travail'],
    [6, 'Les-PTCE-laureats-de-l-appel-a-projets', '/les-ptce-laureats-de-l-appel-a-projets'],
    [7, 'Le-PTCE-du-Pays-de-Figeac', '/le-ptce-du-pays-de-figeac'],
    [8, 'Le-Pole-Sud-Archer-a-Romans-sur-Isere', '/le-pole-sud-archer-a-romans-sur-isere'],
    [9, 'Finance-solidaire-les-chiffres-du-barometre-2015', '/finance-solidaire-les-chiffres-du-barometre-2015'],
    [10, 'Entretien-avec-une-dirigeante-de-SCOP', '/entretien-avec-une-dirigeante-de-scop'],
    [11, 'La-loi-du-31-juillet-2014-relative-a-l-ESS', '/la-loi-du-31-juillet-2014-relative-a-l-ess'],
    [12, 'Rencontres-du-Labo-2016-programme', '/rencontres-du-labo-2016-programme'],
    [13, 'Circuits-courts-et-ESS', '/circuits-courts-et-ess'],
    [14, 'Cooperatives-d-activite-et-d-emploi-un-modele-qui-essaime', '/cooperatives-d-activite-et-d-emploi-un-modele-qui-essaime'],
    [15, 'L-epargne-salariale-solidaire-en-question', '/l-epargne-salariale-solidaire-en-question'],
    [16, 'Monnaies-locales-complementaires', '/monnaies-locales-complementaires'],
    [17, 'Tiers-lieux-et-ESS', '/tiers-lieux-et-ess'],
    [18, 'Revitaliser-les-centres-bourgs', '/revitaliser-les-centres-bourgs'],
    [19, 'Rapport-d-activite-2019', '/rapport-d-activite-2019'],
    [20, 'ESS-et-transition-ecologique', '/ess-et-transition-ecologique'],
    [21, 'Les-PTCE-dix-ans-apres', '/les-ptce-dix-ans-apres'],
    [22, 'Emploi-des-jeunes-dans-l-ESS', '/emploi-des-jeunes-dans-l-ess'],
  ];
  const sectionUrls: [number, string, string][] = [
    [1, 'L-ESS-au-quotidien', 'l-ess-au-quotidien'], [2, 'L-actu-de-l-ESS', 'l-actu-de-l-ess'], [3, 'En-regions', 'en-regions'],
    [4, 'Agenda', 'agenda'], [5, 'Nos-travaux', 'nos-travaux'], [6, 'PTCE', 'ptce'], [7, 'Fiches-territoires', 'fiches-territoires'],
    [8, 'Finance-solidaire', 'finance-solidaire'], [9, 'Emploi-et-travail', 'emploi-et-travail'], [10, 'Le-Labo', 'le-labo'], [11, 'Qui-sommes-nous', 'qui-sommes-nous'],
  ];

  async function redirectsToPage(from: string, to: string): Promise<void> {
    const response = await site.get(from);
    assert.equal(response.status, 301, from);
    assert.equal(response.headers.get('location'), to, from);
    assert.equal((await site.get(to)).status, 200, `${from} → ${to}`);
  }

  test('SPIP’s propres URLs of articles and sections (old and current slugs) answer 301 to a 200 page', async () => {
    for (const [, url, path] of articleUrls) await redirectsToPage(`/${url}`, path);
    for (const [, url, slug] of sectionUrls) await redirectsToPage(`/-${url}-`, `/rubrique/${slug}`);
  });

  test('spip.php?article5, page=article&id_article=5, /?article5, article5.html, rubrique, brève, site, backend', async () => {
    const article5 = '/transformer-l-emploi-et-redonner-du-sens-au-travail';
    for (const from of ['/spip.php?article5', '/spip.php?page=article&id_article=5', '/?article5', '/article5.html', '/spip.php?id_article=5']) await redirectsToPage(from, article5);
    for (const [id, , slug] of sectionUrls) await redirectsToPage(`/spip.php?rubrique${id}`, `/rubrique/${slug}`);
    await redirectsToPage('/rubrique3.html', '/rubrique/en-regions');
    for (const from of ['/+Le-Mois-de-l-ESS-2014-a-commence+', '/spip.php?breve1', '/breve1.html', '/spip.php?page=breve&id_breve=1', '/?breve1']) {
      await redirectsToPage(from, '/le-mois-de-l-ess-2014-a-commence');
    }
    await redirectsToPage('/@ESS-France@', '/rubrique/qui-sommes-nous');
    await redirectsToPage('/@Avise@', '/rubrique/qui-sommes-nous');
    const backend = await site.get('/spip.php?page=backend');
    assert.equal(backend.status, 301);
    assert.equal(backend.headers.get('location'), '/rss.xml');
    for (const from of ['/spip.php?breve2', '/breve2.html', '/spip.php?breve99']) assert.equal((await site.get(from)).status, 404, `${from}: a proposed brève stays hidden`);
  });

  test('mots and auteurs: 301 to their Tisse address (keyword, glossary anchor, author)', async () => {
    const expect = async (from: string, to: string) => {
      const response = await site.get(from);
      assert.equal(response.status, 301, from);
      assert.equal(response.headers.get('location'), to, from);
    };
    await expect('/+-RSE-+', '/glossaire#rse');
    await expect('/+-PTCE-Pole-territorial-de-cooperation-economique-Poles-territoriaux-de-+', '/glossaire#ptce');
    await expect('/spip.php?mot4', '/glossaire#rse');
    await expect('/+-Finance-solidaire-8-+', '/mot/finance-solidaire-8');
    await expect('/+-Cooperation-+', '/mot/cooperation');
    await expect('/spip.php?mot6', '/mot/cooperation');
    await expect('/_Claire-Rousseau_', '/auteur/claire-rousseau');
    await expect('/spip.php?auteur1', '/auteur/claire-rousseau');
    await expect('/auteur4.html', '/auteur/julien-moreau');
  });

  test('the trashed article 27 answers 410 at every old address, never its content', async () => {
    for (const path of ['/Communique-retire', '/spip.php?article27', '/article27.html', '/communique-retire']) {
      const response = await site.get(path);
      assert.equal(response.status, 410, path);
      assert.doesNotMatch(await response.text(), /Communiqué retiré/);
    }
  });

  test('the search index holds the imported objects (filled by the import, not the triggers) and the triggers work again', async () => {
    const found = async (q: string) => (await search(site.db, q)).items.map((i) => `${i.kind}:${i.id}`);
    assert.ok((await found('Benoît Hamon Niort')).includes('article:1'), 'a published article');
    assert.ok((await found('financements')).includes('forum:9'), 'a published forum message');
    assert.ok((await found('pépinière')).every((hit) => hit !== 'forum:4'), 'not a pending message');
    assert.deepEqual(await found('cheap pills'), [], 'not spam');
    assert.ok(!(await found('save the date')).includes('article:23'), 'not the post-dated article');
    assert.ok((await found('PTCE')).includes('section:6'), 'a section');
    assert.ok((await found('Scic')).includes('glossary:5'), 'a glossary term');
    const count = async (table: 'search_fts' | 'search_entries') => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(site.db.kysely)).rows[0]!.n);
    // Every published article (23 public + the post-dated one, kept with its date; + the published brève) and published
    // public message, every section (+ the brèves' one) and term.
    assert.equal(await count(dialect === 'sqlite' ? 'search_fts' : 'search_entries'), 24 + 1 + 8 + 13 + 5);
    // The insert triggers are back: an article written after the import is found.
    await site.db.write((trx) =>
      trx.insertInto('articles').values({
        section_id: 2, slug: 'apres-import', surtitle: '', title: 'Zythologie solidaire', subtitle: '', description: '', lead: '', text: 'Après l’import.', postscript: '',
        status: 'published', published_at: '2026-01-01T00:00:00.000Z', written_at: null, forum_mode: null, lang: 'fr', glossary_enabled: 1, link_title: '', link_url: '',
        redirect_url: '', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z',
      }).execute(),
    );
    assert.equal((await found('zythologie')).length, 1);
    await site.db.write((trx) => trx.deleteFrom('articles').where('slug', '=', 'apres-import').execute());
    assert.equal((await found('zythologie')).length, 0);
  });

  test('invitations to choose a password: one mail per reachable imported account, in its language', async () => {
    const result = await inviteAccountsToChoosePassword(site.db, 'https://tisse.example', new Date('2026-12-01T00:00:00Z'));
    assert.equal(result.invited.length, 5);
    const jobs = await site.db.kysely.selectFrom('jobs').select('payload').execute();
    // The queued mail holds a marker where the link's token goes: the token is drawn when the mail leaves.
    const queued = jobs.map((j) => JSON.parse(j.payload) as { marker: string; mail: { to: string; subject: string; text: string } });
    const mails = queued.filter((q) => q.mail.to === result.invited[0]).map((q) => ({ ...q.mail, marker: q.marker }));
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.subject, 'Le Labo de l\'ESS — votre compte vous attend');
    assert.match(mails[0]!.text, /^Bonjour Claire Rousseau,/);
    assert.ok(mails[0]!.text.includes(`https://tisse.example/ecrire/reinitialiser/${mails[0]!.marker}\n`));
    assert.match(mails[0]!.text, /valable 7 jours/);
    await site.db.write(async (trx) => {
      await trx.deleteFrom('jobs').execute();
      await trx.deleteFrom('password_resets').execute();
    });
  });

  test('importing the same backup twice changes nothing', async () => {
    const before = await snapshot(site);
    const again = await run(dump);
    assert.equal(again.alreadyImported, true);
    assert.deepEqual(await snapshot(site), before);
  });

  test('a new article after the import gets the next id (identity sequences moved past SPIP’s ids)', async () => {
    const row = await site.db.write((trx) =>
      trx.insertInto('sections').values({ parent_id: null, slug: 'nouvelle', title: 'Nouvelle', description: '', text: '', position: 0, lang: 'fr', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow(),
    );
    assert.equal(row.id, 14, 'after the 12 rubriques and the brèves’ section');
  });
});
