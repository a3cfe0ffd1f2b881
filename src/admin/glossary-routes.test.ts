// The glossary from the back office on both databases: a term created, edited and deleted from its form shows
// (or stops showing) on the public glossary page at once, and a term needs a name and a definition.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';

forEachDialect('back office: glossary', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let termPath: string;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('a new term shows on the public glossary; editing it changes the definition shown', async () => {
    const created = await postForm(site, admin, '/ecrire/glossaire/nouveau', { term: 'AMAP', variants: 'Association pour le maintien d’une agriculture paysanne', definition: 'Un partenariat entre une ferme et des mangeurs.' });
    assert.equal(created.status, 303);
    termPath = created.headers.get('location')!.split('?')[0]!;
    assert.match(await (await site.get('/glossaire')).text(), /Un partenariat entre une ferme et des mangeurs/);
    assert.equal((await postForm(site, admin, termPath, { term: 'AMAP', variants: '', definition: 'Un contrat solidaire entre paysans et consommateurs.' })).status, 303);
    const html = await (await site.get('/glossaire')).text();
    assert.match(html, /Un contrat solidaire entre paysans et consommateurs/);
    assert.doesNotMatch(html, /Un partenariat entre une ferme/);
    assert.match(await adminPage(site, admin, '/ecrire/glossaire?q=amap'), /AMAP/);
  });

  test('a term without a definition is refused and keeps what was typed', async () => {
    const refused = await postForm(site, admin, '/ecrire/glossaire/nouveau', { term: 'Tontine', definition: '' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Tontine/);
    assert.doesNotMatch(await (await site.get('/glossaire')).text(), /Tontine/);
  });

  test('a deleted term leaves the public glossary', async () => {
    assert.equal((await postForm(site, admin, `${termPath}/supprimer`, {})).status, 303);
    assert.doesNotMatch(await (await site.get('/glossaire')).text(), /AMAP/);
    assert.equal((await site.get(termPath, { headers: { cookie: admin.cookie } })).status, 404);
  });
});
