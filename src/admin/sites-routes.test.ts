// The links directory in the back office, on both databases: an administrator references a site with its feed and
// syndication on (a fetch is queued), sees it listed, and a bad address or a missing feed is refused in French
// with nothing written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createSection } from '../sections/index.ts';

forEachDialect('sites in the back office', (dialect) => {
  let site: TestSite;
  let session: Session;
  let sectionId: number;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    await site.jobs.stop();
    sectionId = (await createSection(site.db, { title: 'Partenaires' })).id;
    session = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('reference a syndicated site: saved, listed, its first fetch queued', async () => {
    const saved = await postForm(site, session, '/ecrire/sites/nouveau', { name: 'ESS France', url: 'https://ess-france.example', sectionId: String(sectionId), status: 'published', feedUrl: 'https://ess-france.example/rss.xml', syndication: 'oui', description: 'La chambre de l’ESS.' });
    assert.equal(saved.status, 303);
    const location = saved.headers.get('location')!;
    assert.match(location, /^\/ecrire\/sites\/\d+\?fait=saved$/);
    assert.match(await adminPage(site, session, location), /Le site est enregistré\.[\s\S]*Le flux n’a pas encore été lu/);
    assert.match(await adminPage(site, session, '/ecrire/sites'), /ESS France<\/a><\/td><td>Partenaires<\/td><td>publié<\/td><td>oui/);
    const jobs = await site.db.kysely.selectFrom('jobs').select('type').where('type', '=', 'syndicate-site').execute();
    assert.equal(jobs.length, 1);
  });

  test('a javascript: address or syndication without a feed: refused in French, nothing written', async () => {
    const count = async () => (await site.db.kysely.selectFrom('sites').select('id').execute()).length;
    const before = await count();
    const bad = await postForm(site, session, '/ecrire/sites/nouveau', { name: 'X', url: 'javascript:alert(1)', sectionId: String(sectionId), status: 'published' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /L’adresse du site doit commencer par http:\/\/ ou https:\/\//);
    const noFeed = await postForm(site, session, '/ecrire/sites/nouveau', { name: 'X', url: 'https://x.example', sectionId: String(sectionId), status: 'published', syndication: 'oui' });
    assert.equal(noFeed.status, 400);
    assert.match(await noFeed.text(), /indiquez l’adresse de son flux RSS ou Atom/);
    assert.equal(await count(), before);
  });
});
