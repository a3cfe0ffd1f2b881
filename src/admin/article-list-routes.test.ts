// The back-office article list on both databases (issue 18): search without accents or case, filters, sort,
// numbered pages and their edge cases, what each reader may see, and bulk actions applied all or nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createSection } from '../sections/index.ts';
import { createArticle } from '../articles/index.ts';
import { createUser } from '../users/index.ts';

/** The titles of the article list's rows, in order. */
function titles(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<a href="\/ecrire\/articles\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]!);
}

forEachDialect('back office: the article list', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let alice: Session;
  let restricted: Session;
  let ideas: number;
  let economy: number;
  let sub: number;
  let aliceId: number;
  let brunoId: number;
  const ids: Record<string, number> = {};

  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    ideas = (await createSection(site.db, { title: 'Idées' })).id;
    economy = (await createSection(site.db, { title: 'Économie' })).id;
    sub = (await createSection(site.db, { title: 'Finances publiques', parentId: economy })).id;
    aliceId = (await createUser(site.db, { email: 'alice@example.org', name: 'Alice', role: 'editor', password: 'motdepasse-alice' })).user.id;
    brunoId = (await createUser(site.db, { email: 'bruno@example.org', name: 'Bruno', role: 'editor', password: 'motdepasse-bruno' })).user.id;
    await createUser(site.db, { email: 'rest@example.org', name: 'Restreinte', role: 'administrator', password: 'motdepasse-rest', sections: [economy] });
    const make = async (key: string, title: string, sectionId: number, status: 'draft' | 'proposed' | 'published' | 'trash', authorIds: number[]) => {
      ids[key] = (await createArticle(site.db, { sectionId, title, status, authorIds, ...(status === 'published' ? { publishedAt: '2024-01-01T00:00:00.000Z' } : {}) })).id;
    };
    await make('soin', 'Pour une ÉCONOMIE du soin', economy, 'published', [aliceId]);
    await make('dette', 'La dette publique expliquée', sub, 'proposed', [brunoId]);
    await make('aliceDraft', 'Brouillon d’Alice sur l’économie', ideas, 'draft', [aliceId]);
    await make('brunoDraft', 'Brouillon secret de Bruno', ideas, 'draft', [brunoId]);
    await make('trashed', 'Économie jetée', economy, 'trash', [aliceId]);
    for (let n = 1; n <= 60; n++) await make(`n${n}`, `Note n° ${String(n).padStart(2, '0')}`, ideas, 'draft', [brunoId]);
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    alice = await logIn(site, 'alice@example.org', 'motdepasse-alice');
    restricted = await logIn(site, 'rest@example.org', 'motdepasse-rest');
  });
  after(() => site.close());

  test('a search ignores accents and case; "Tous" leaves the trash out, the trash filter shows it', async () => {
    const found = titles(await adminPage(site, admin, '/ecrire/articles?q=economie'));
    assert.deepEqual(found.sort(), ['Brouillon d’Alice sur l’économie', 'Pour une ÉCONOMIE du soin']);
    assert.deepEqual(titles(await adminPage(site, admin, '/ecrire/articles?q=%C3%89CONOMIE%20DU')), ['Pour une ÉCONOMIE du soin']);
    assert.deepEqual(titles(await adminPage(site, admin, '/ecrire/articles?q=economie&statut=trash')), ['Économie jetée']);
    // % and _ are letters to look for, not wildcards.
    assert.deepEqual(titles(await adminPage(site, admin, '/ecrire/articles?q=%25')), []);
    assert.deepEqual(titles(await adminPage(site, admin, `/ecrire/articles?q=%23${ids.dette}`)), ['La dette publique expliquée'], 'a number finds its article');
  });

  test('filters by status, section (with the sections below it), author and date of change', async () => {
    assert.deepEqual(titles(await adminPage(site, admin, '/ecrire/articles?statut=proposed')), ['La dette publique expliquée']);
    assert.deepEqual(titles(await adminPage(site, admin, `/ecrire/articles?rubrique=${economy}&tri=titre&ordre=asc`)), ['La dette publique expliquée', 'Pour une ÉCONOMIE du soin']);
    assert.deepEqual(titles(await adminPage(site, admin, `/ecrire/articles?rubrique=${sub}`)), ['La dette publique expliquée']);
    assert.deepEqual(titles(await adminPage(site, admin, `/ecrire/articles?auteur=${aliceId}&tri=titre&ordre=asc`)), ['Brouillon d’Alice sur l’économie', 'Pour une ÉCONOMIE du soin']);
    assert.deepEqual(titles(await adminPage(site, admin, '/ecrire/articles?du=2000-01-01&au=2000-12-31')), []);
    const today = new Date().toISOString().slice(0, 10);
    assert.match(await adminPage(site, admin, `/ecrire/articles?du=${today}&statut=proposed`), /La dette publique expliquée/);
  });

  test('unknown filter values and malformed pages or sorts are French 400s, never a 500 nor a silent page 1', async () => {
    for (const query of ['statut=teleport', 'rubrique=abc', 'rubrique=999999', `auteur=${999999}`, 'du=2024-02-30', 'au=hier', 'tri=mot_de_passe', 'ordre=up', 'page=0', 'page=-1', 'page=abc', 'page=1.5']) {
      const response = await site.get(`/ecrire/articles?${query}`, { headers: { cookie: admin.cookie } });
      assert.equal(response.status, 400, query);
      assert.match(await response.text(), /n’est pas valide|valeur inconnue|tri demandé|numéro de page/, query);
    }
  });

  test('50 rows per page, numbered; a page past the last goes to the last one, with the filters kept', async () => {
    const first = await adminPage(site, admin, '/ecrire/articles?statut=draft&tri=titre&ordre=asc');
    assert.equal(titles(first).length, 50);
    assert.match(first, /62 résultat\(s\) — page 1 sur 2/);
    assert.match(first, /href="\/ecrire\/articles\?statut=draft&amp;tri=titre&amp;ordre=asc&amp;page=2"/);
    const second = titles(await adminPage(site, admin, '/ecrire/articles?statut=draft&tri=titre&ordre=asc&page=2'));
    assert.equal(second.length, 12);
    assert.equal(second.at(-1), 'Note n° 60');
    const far = await site.get('/ecrire/articles?statut=draft&page=999999', { headers: { cookie: admin.cookie } });
    assert.equal(far.status, 302);
    assert.equal(far.headers.get('location'), '/ecrire/articles?statut=draft&page=2');
    assert.equal((await site.get('/ecrire/articles?q=introuvable&page=3', { headers: { cookie: admin.cookie } })).headers.get('location'), '/ecrire/articles?q=introuvable');
  });

  test('columns sort both ways, the sorted one carries aria-sort', async () => {
    const asc = await adminPage(site, admin, '/ecrire/articles?q=note&tri=titre&ordre=asc');
    assert.equal(titles(asc)[0], 'Note n° 01');
    assert.match(asc, /<th scope="col" aria-sort="ascending"><a href="\/ecrire\/articles\?q=note&amp;tri=titre&amp;ordre=desc"/);
    assert.equal(titles(await adminPage(site, admin, '/ecrire/articles?q=note&tri=titre&ordre=desc'))[0], 'Note n° 60');
    const byDate = titles(await adminPage(site, admin, '/ecrire/articles?tri=publication&ordre=desc'));
    assert.equal(byDate[0], 'Pour une ÉCONOMIE du soin');
  });

  test('an editor lists only what they may open: their own, proposed and published articles', async () => {
    const page = await adminPage(site, alice, '/ecrire/articles?q=brouillon');
    assert.deepEqual(titles(page), ['Brouillon d’Alice sur l’économie']);
    assert.match(await adminPage(site, alice, '/ecrire/articles'), /3 résultat\(s\)/);
  });

  test('bulk: publishing checked articles, back to the list as it was, with a confirmation', async () => {
    const chosen = [ids.n1!, ids.n2!, ids.n3!];
    const done = await postForm(site, admin, '/ecrire/articles/lot', { action: 'publish', ids: chosen.map(String), retour: '/ecrire/articles?q=note&statut=draft' });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/ecrire/articles?q=note&statut=draft&fait=publish&nombre=3');
    assert.match(await adminPage(site, admin, done.headers.get('location')!), /3 articles publiés\./);
    const rows = await site.db.kysely.selectFrom('articles').select(['status', 'published_at']).where('id', 'in', chosen).execute();
    assert.ok(rows.every((row) => row.status === 'published' && row.published_at));
    // Somewhere else than the list: back to the list.
    const elsewhere = await postForm(site, admin, '/ecrire/articles/lot', { action: 'unpublish', ids: [String(ids.n3)], retour: 'https://ailleurs.example/' });
    assert.equal(elsewhere.headers.get('location'), '/ecrire/articles?fait=unpublish&nombre=1');
  });

  test('bulk: one article the user may not touch refuses the whole action (403), nothing changes', async () => {
    const before = await site.db.kysely.selectFrom('articles').select(['id', 'status', 'section_id', 'updated_at']).orderBy('id').execute();
    // Alice may trash her own draft, not Bruno's proposed article.
    const refused = await postForm(site, alice, '/ecrire/articles/lot', { action: 'trash', ids: [String(ids.aliceDraft), String(ids.dette)] });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /La dette publique expliquée.*rien n’a été modifié/s);
    // A restricted administrator may not publish outside their sections, nor move articles there.
    assert.equal((await postForm(site, restricted, '/ecrire/articles/lot', { action: 'publish', ids: [String(ids.dette), String(ids.brunoDraft)] })).status, 403);
    assert.equal((await postForm(site, restricted, '/ecrire/articles/lot', { action: 'move', sectionId: String(ideas), ids: [String(ids.dette)] })).status, 403);
    // An administrator unpublishing a draft: its status forbids it, the whole action is a 409.
    assert.equal((await postForm(site, admin, '/ecrire/articles/lot', { action: 'unpublish', ids: [String(ids.soin), String(ids.aliceDraft)] })).status, 409);
    const after = await site.db.kysely.selectFrom('articles').select(['id', 'status', 'section_id', 'updated_at']).orderBy('id').execute();
    assert.deepEqual(after, before);
  });

  test('bulk: moving to a section; bad requests are 400s; the form needs its CSRF token', async () => {
    const moved = await postForm(site, restricted, '/ecrire/articles/lot', { action: 'move', sectionId: String(sub), ids: [String(ids.soin)] });
    assert.equal(moved.status, 303);
    assert.equal((await site.db.kysely.selectFrom('articles').select('section_id').where('id', '=', ids.soin!).executeTakeFirstOrThrow()).section_id, sub);
    assert.equal((await postForm(site, admin, '/ecrire/articles/lot', { action: 'teleport', ids: [String(ids.n4)] })).status, 400);
    assert.equal((await postForm(site, admin, '/ecrire/articles/lot', { action: 'publish' })).status, 400);
    assert.equal((await postForm(site, admin, '/ecrire/articles/lot', { action: 'publish', ids: ['abc'] })).status, 400);
    assert.equal((await postForm(site, admin, '/ecrire/articles/lot', { action: 'publish', ids: ['99999999'] })).status, 404);
    assert.equal((await postForm(site, admin, '/ecrire/articles/lot', { action: 'move', ids: [String(ids.n4)] })).status, 400);
    const forged = await site.get('/ecrire/articles/lot', { method: 'POST', headers: { origin: site.url, cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: `action=trash&ids=${ids.n4}` });
    assert.equal(forged.status, 403);
    assert.equal((await site.db.kysely.selectFrom('articles').select('status').where('id', '=', ids.n4!).executeTakeFirstOrThrow()).status, 'draft');
  });
});
