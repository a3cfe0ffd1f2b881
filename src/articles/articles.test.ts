// What readers may see of articles, on both databases: a scheduled article is not public before its date,
// lists show only public articles newest first, and the next scheduled publication is known so that cached
// pages expire then. The back-office list shows each role what it may see.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { createSection } from '../sections/index.ts';
import { createUser, loadActor } from '../users/index.ts';
import { createArticle, isPublic, listArticlesForActor, listPublicArticles, loadArticlePageData, nextScheduledPublication } from './index.ts';

const DAY = 86_400_000;

test('public means published and dated now or earlier', () => {
  const now = '2024-06-01T12:00:00.000Z';
  assert.equal(isPublic({ status: 'published', published_at: '2024-06-01T11:59:59.000Z' }, now), true);
  assert.equal(isPublic({ status: 'published', published_at: now }, now), true);
  assert.equal(isPublic({ status: 'published', published_at: '2024-06-01T12:00:01.000Z' }, now), false, 'scheduled');
  assert.equal(isPublic({ status: 'published', published_at: null }, now), false);
  for (const status of ['draft', 'proposed', 'refused', 'trash'] as const) assert.equal(isPublic({ status, published_at: '2020-01-01T00:00:00.000Z' }, now), false, status);
});

forEachDatabase('articles', (dialect) => {
  let t: TestDatabase;
  let sectionId: number;
  const ids: Record<string, number> = {};
  const start = Date.now();
  before(async () => {
    t = await openTestDatabase(dialect);
    sectionId = (await createSection(t.db, { title: 'Chroniques' })).id;
    const add = async (key: string, status: 'draft' | 'published' | 'trash', publishedAt: number | null) => {
      ids[key] = (await createArticle(t.db, { sectionId, title: `Chronique ${key}`, status, publishedAt: publishedAt === null ? null : new Date(publishedAt).toISOString() })).id;
    };
    await add('old', 'published', start - 3 * DAY);
    await add('recent', 'published', start - DAY);
    await add('tomorrow', 'published', start + DAY);
    await add('nextWeek', 'published', start + 7 * DAY);
    await add('draft', 'draft', null);
    await add('trash', 'trash', start - 2 * DAY);
  });
  after(() => t.close());

  test('a scheduled article is not listed before its date, and is once the date has come', async () => {
    const now = new Date(start).toISOString();
    assert.deepEqual((await listPublicArticles(t.db, { sectionIds: [sectionId], now })).map((a) => a.id), [ids.recent, ids.old], 'newest first, public only');
    const later = new Date(start + 2 * DAY).toISOString();
    assert.deepEqual((await listPublicArticles(t.db, { sectionIds: [sectionId], now: later })).map((a) => a.id), [ids.tomorrow, ids.recent, ids.old]);
    assert.deepEqual(await listPublicArticles(t.db, { sectionIds: [] }), [], 'no section, no article');
  });

  test('the next scheduled publication is the nearest future date', async () => {
    const now = new Date(start).toISOString();
    const next = await nextScheduledPublication(t.db, now);
    assert.ok(next !== undefined && Math.abs(next - (start + DAY)) < 1000);
    assert.equal(await nextScheduledPublication(t.db, new Date(start + 30 * DAY).toISOString()), undefined);
  });

  test('an article page does not list a related article that is not public yet', async () => {
    const page = await createArticle(t.db, { sectionId, title: 'Avec liens', status: 'published', publishedAt: new Date(start - DAY).toISOString(), relatedIds: [ids.tomorrow!, ids.old!, ids.draft!] });
    const data = await loadArticlePageData(t.db, page, new Date(start).toISOString());
    assert.deepEqual(data.related.map((a) => a.id), [ids.old]);
  });

  test('the back-office list: an editor sees published articles and their own, not others’ drafts', async () => {
    const { user: editor } = await createUser(t.db, { email: 'redac@example.org', name: 'Rédactrice', role: 'editor', password: 'motdepasse-redac' });
    const own = await createArticle(t.db, { sectionId, title: 'Mon brouillon', authorIds: [editor.id] });
    const editorRows = await listArticlesForActor(t.db, await loadActor(t.db, editor));
    const seen = editorRows.map((r) => r.id);
    assert.ok(seen.includes(own.id), 'own draft');
    assert.ok(seen.includes(ids.recent!), 'published article');
    assert.ok(!seen.includes(ids.draft!), 'someone else’s draft');
    assert.deepEqual(editorRows.find((r) => r.id === own.id)!.authorNames, ['Rédactrice']);
    const admin = await loadActor(t.db, { id: t.adminId, role: 'administrator' });
    const drafts = await listArticlesForActor(t.db, admin, { status: 'draft' });
    assert.ok(drafts.every((r) => r.status === 'draft') && drafts.some((r) => r.id === ids.draft));
  });
});
