// Site settings: validation (follow links, forum mode, language, SMTP) refuses bad input and writes
// nothing; good input is stored and read back on both databases.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { loadSiteSettings, saveSiteSettings, siteSettingsSchema } from './settings.ts';

test('the schema refuses what a site cannot use', () => {
  assert.equal(siteSettingsSchema.safeParse({ name: '' }).success, false);
  assert.equal(siteSettingsSchema.safeParse({ forumMode: 'libre' }).success, false);
  assert.equal(siteSettingsSchema.safeParse({ lang: 'de' }).success, false);
  assert.equal(siteSettingsSchema.safeParse({ followLinks: [{ label: 'X', url: 'javascript:alert(1)' }] }).success, false);
  assert.equal(siteSettingsSchema.safeParse({ smtp: { host: 'smtp.example.org', port: 70000 } }).success, false);
  assert.equal(siteSettingsSchema.safeParse({ smtp: { host: 'bad host; rm -rf' } }).success, false);
  const ok = siteSettingsSchema.parse({ smtp: { host: 'smtp.example.org', port: '465', security: 'tls' } });
  assert.deepEqual(ok.smtp, { host: 'smtp.example.org', port: 465, security: 'tls', user: '', password: '' });
  assert.deepEqual(siteSettingsSchema.parse({}).smtp.host, '');
});

forEachDatabase('site settings', (dialect) => {
  let site: TestDatabase;
  before(async () => {
    site = await openTestDatabase(dialect);
  });
  after(() => site.close());

  test('settings are saved whole or not at all', async () => {
    await saveSiteSettings(site.db, { name: 'Le Labo', tagline: 'Un think tank', forumMode: 'pos' });
    await assert.rejects(saveSiteSettings(site.db, { name: 'Autre nom', forumMode: 'libre' as never }));
    const settings = await loadSiteSettings(site.db);
    assert.equal(settings.name, 'Le Labo');
    assert.equal(settings.forumMode, 'pos');
    const saved = await saveSiteSettings(site.db, {
      followLinks: [{ label: 'Mastodon', url: 'https://mastodon.example/@labo', kind: 'mastodon' }],
      smtp: { host: 'smtp.example.org', port: 587, security: 'starttls', user: 'labo', password: 'secret' },
      lang: 'en',
    });
    assert.deepEqual((await loadSiteSettings(site.db)).followLinks, saved.followLinks);
    assert.equal((await loadSiteSettings(site.db)).smtp.user, 'labo');
    assert.equal((await loadSiteSettings(site.db)).tagline, 'Un think tank');
  });
});
