// One time zone (issue 18) on both databases: the back office shows every date in the site's time zone
// (settings `timeZone`, Europe/Paris by default), moderation included, and types the editor's dates in it;
// Réglages refuses a name that is not an IANA zone, in French, and keeps the setting.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, startTestSite, type TestSite } from '../../test/helpers/site.ts';
import { adminPage, logIn, postForm, type Session } from '../../test/helpers/back-office.ts';
import { createArticle } from '../articles/index.ts';
import { createSection } from '../sections/index.ts';
import { loadSiteSettings } from '../settings/index.ts';

const settingsForm = (changes: Record<string, string>) => ({ name: 'Collectif Tisse', tagline: '', description: '', lang: 'fr', forumMode: 'pri', emailFrom: '', smtpHost: '', smtpPort: '', smtpSecurity: 'starttls', smtpUser: '', smtpPassword: '', ...changes });

forEachDialect('back office: one time zone', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let articleId = 0;
  before(async () => {
    site = await startTestSite(dialect, { demo: false });
    const section = await createSection(site.db, { title: 'Débats' });
    articleId = (await createArticle(site.db, { sectionId: section.id, title: 'Le temps de travail', status: 'published', forumMode: 'pri' })).id;
    // Posted at 23:30 UTC on a winter evening: in Paris it is already the next day, half past midnight.
    await site.db.kysely
      .insertInto('forum_messages')
      .values({ kind: 'public', article_id: articleId, thread_id: null, parent_id: null, title: '', status: 'pending', text: 'Un avis tardif', author_name: 'Lou', author_email: 'lou@example.org', author_url: '', user_id: null, ip: '', created_at: '2024-01-15T23:30:00.000Z', moderated_at: null, moderated_by: null })
      .execute();
    admin = await logIn(site, 'admin@example.org', 'motdepasse-admin');
  });
  after(() => site.close());

  test('moderation shows a message posted at 23:30 UTC in winter on the next day at 00:30, Paris time', async () => {
    const queue = await adminPage(site, admin, '/ecrire/forum');
    assert.match(queue, /<time datetime="2024-01-15T23:30:00.000Z">16 janvier 2024 à 00:30<\/time>/);
    assert.doesNotMatch(queue, /23:30</);
  });

  test('an unknown time zone is refused in French and changes nothing', async () => {
    const refused = await postForm(site, admin, '/ecrire/reglages', settingsForm({ timeZone: 'Europe/Pariss' }));
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /fuseau horaire inconnu/);
    assert.equal((await loadSiteSettings(site.db)).timeZone, 'Europe/Paris');
  });

  test('another zone chosen in Réglages: moderation and the editor follow it', async () => {
    const saved = await postForm(site, admin, '/ecrire/reglages', settingsForm({ timeZone: 'America/Montreal' }));
    assert.equal(saved.status, 303);
    assert.equal((await loadSiteSettings(site.db)).timeZone, 'America/Montreal');
    assert.match(await adminPage(site, admin, '/ecrire/forum'), />15 janvier 2024 à 18:30</);
    // The editor's date field is typed in the site's zone and stored in UTC.
    const editor = await adminPage(site, admin, `/ecrire/articles/${articleId}`);
    const expected = /name="expectedUpdatedAt" value="([^"]+)"/.exec(editor)![1]!;
    const response = await postForm(site, admin, `/ecrire/articles/${articleId}`, { title: 'Le temps de travail', sectionId: /name="sectionId"[\s\S]*?<option value="(\d+)" selected/.exec(editor)?.[1] ?? '1', publishedAt: '2024-01-15T09:00', expectedUpdatedAt: expected });
    assert.equal(response.status, 303, await response.text());
    const row = await site.db.kysely.selectFrom('articles').select('published_at').where('id', '=', articleId).executeTakeFirstOrThrow();
    assert.equal(row.published_at, '2024-01-15T14:00:00.000Z');
    assert.match(await adminPage(site, admin, `/ecrire/articles/${articleId}`), /value="2024-01-15T09:00"/);
    await postForm(site, admin, '/ecrire/reglages', settingsForm({ timeZone: 'Europe/Paris' }));
  });
});
