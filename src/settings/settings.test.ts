// Site settings: validation (follow links, forum mode, language, SMTP) refuses bad input and writes
// nothing; good input is stored and read back on both databases; each change is a revision (who, which keys,
// before and after) written in the same transaction, without the SMTP password; the follow links' text format.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { loadSiteSettings, saveSiteSettings, siteSettingsSchema } from './settings.ts';
import { followLinksText, listSettingsRevisions, MASKED, parseFollowLinks } from './index.ts';
import { isTisseError } from '../kernel/errors.ts';

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

test('follow links read one per line, their kind guessed; a line without its bar, label or usable address names its line', () => {
  const links = parseFollowLinks('Mastodon | https://mastodon.example/@labo\n\nFil | /rss.xml\nBluesky | https://bsky.app/profile/labo');
  assert.deepEqual(links.map((l) => l.kind), ['mastodon', 'rss', 'bluesky']);
  assert.equal(followLinksText(links), 'Mastodon | https://mastodon.example/@labo\nFil | /rss.xml\nBluesky | https://bsky.app/profile/labo');
  for (const [text, field] of [['Sans barre', 'ligne 1 : « libellé | adresse » attendu'], ['ok | /a\n | /b', 'ligne 2 : libellé manquant'], ['Piège | javascript:alert(1)', 'ligne 1 : adresse en http(s):// ou commençant par /']]) {
    assert.throws(() => parseFollowLinks(text!), (error) => isTisseError(error) && error.fields?.followLinks === field, text);
  }
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

  test('a change is a revision with its author and only the keys that changed; no change, no revision; the SMTP password is masked', async () => {
    const before = await listSettingsRevisions(site.db, 100);
    await saveSiteSettings(site.db, { name: 'Le Labo', tagline: 'Un autre slogan', smtp: { host: 'smtp.example.org', port: 587, security: 'starttls', user: 'labo', password: 'un-secret-smtp' } }, site.adminId);
    const [latest] = await listSettingsRevisions(site.db, 1);
    assert.deepEqual(latest!.keys, ['tagline', 'smtp'], 'the name did not change');
    assert.equal(latest!.authorName, 'Administrateur');
    assert.deepEqual(latest!.before.tagline, 'Un think tank');
    assert.deepEqual((latest!.after.smtp as { password: string }).password, MASKED);
    assert.deepEqual((latest!.before.smtp as { password: string }).password, MASKED, 'the password before ("secret") is masked too');
    const rows = await site.db.kysely.selectFrom('settings_revisions').select(['before', 'after']).execute();
    assert.ok(rows.every((row) => !`${row.before}${row.after}`.includes('un-secret-smtp')));
    await saveSiteSettings(site.db, { tagline: 'Un autre slogan' });
    assert.equal((await listSettingsRevisions(site.db, 100)).length, before.length + 1, 'saving the same values records nothing');
    await saveSiteSettings(site.db, { tagline: 'Depuis la ligne de commande' });
    assert.equal((await listSettingsRevisions(site.db, 1))[0]!.authorName, null);
  });

  test('a refused save leaves neither settings nor revision', async () => {
    const [settings, revisions] = [await loadSiteSettings(site.db), await listSettingsRevisions(site.db, 100)];
    await assert.rejects(saveSiteSettings(site.db, { tagline: 'Gardé ?', lang: 'de' as never }, site.adminId));
    assert.deepEqual(await loadSiteSettings(site.db), settings);
    assert.equal((await listSettingsRevisions(site.db, 100)).length, revisions.length);
  });
});
