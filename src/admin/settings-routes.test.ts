// Site settings from the back office on both databases: a refused form saves nothing and keeps what was typed,
// the site name shows on the public pages at once, the SMTP password is never sent back, and the site's forum
// default applies to articles that have none of their own.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { loadSiteSettings } from '../settings/index.ts';

const form = (changes: Record<string, string>) => ({ name: 'Collectif Tisse', tagline: '', description: '', lang: 'fr', forumMode: 'pri', followLinks: '', emailFrom: '', smtpHost: '', smtpPort: '', smtpSecurity: 'starttls', smtpUser: '', smtpPassword: '', ...changes });

forEachDialect('back office: settings', (dialect) => {
  let site: TestSite;
  let admin: Session;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Actualité' });
    await createArticle(site.db, { sectionId: section.id, title: 'Assemblée annuelle', status: 'published' });
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('a refused form saves nothing and keeps what was typed', async () => {
    const before = await loadSiteSettings(site.db);
    const refused = await postForm(site, admin, '/ecrire/reglages', form({ name: 'Nom gardé', emailFrom: 'pas-une-adresse' }));
    assert.equal(refused.status, 400);
    const html = await refused.text();
    assert.match(html, /value="Nom gardé"/);
    assert.match(html, /value="pas-une-adresse"/);
    assert.deepEqual(await loadSiteSettings(site.db), before);
    assert.equal((await postForm(site, admin, '/ecrire/reglages', form({ name: '  ' }))).status, 400);
  });

  test('the new name shows on the public site at once; the SMTP password is never sent back', async () => {
    assert.equal((await postForm(site, admin, '/ecrire/reglages', form({ name: 'Collectif Tisse', smtpHost: 'smtp.example.org', smtpPort: '587', smtpUser: 'collectif', smtpPassword: 'secret-smtp-123' }))).status, 303);
    assert.match(await (await site.get('/')).text(), /Collectif Tisse/);
    assert.doesNotMatch(await adminPage(site, admin, '/ecrire/reglages'), /secret-smtp-123/);
    assert.equal((await loadSiteSettings(site.db)).smtp.password, 'secret-smtp-123');
  });

  test('closing the site’s forums removes the form from articles without a mode of their own', async () => {
    assert.match(await (await site.get('/assemblee-annuelle')).text(), /name="token"/);
    assert.equal((await postForm(site, admin, '/ecrire/reglages', form({ forumMode: 'non' }))).status, 303);
    assert.doesNotMatch(await (await site.get('/assemblee-annuelle')).text(), /name="token"/);
  });
});
