// Keyword groups and keywords on both databases: create, rename (old path redirects), link/unlink with
// the group's "one keyword only" rule and its object types, deletions that would lose links refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { createSection } from '../../sections/operations/create-section.ts';
import { createArticle } from '../../articles/operations/create-article.ts';
import { saveKeywordGroup } from './save-keyword-group.ts';
import { deleteKeywordGroup } from './delete-keyword-group.ts';
import { saveKeyword } from './save-keyword.ts';
import { deleteKeyword } from './delete-keyword.ts';
import { linkKeyword, unlinkKeyword } from './link-keyword.ts';
import { keywordIdsOf, listKeywordGroups } from '../keywords.ts';
import { resolvePath } from '../../urls/urls.ts';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

forEachDatabase('keyword operations', (dialect) => {
  let site: TestDatabase;
  let articleId: number;
  let sectionId: number;
  before(async () => {
    site = await openTestDatabase(dialect);
    sectionId = (await createSection(site.db, { title: 'Actualités' })).id;
    articleId = (await createArticle(site.db, { sectionId, title: 'Un article' })).id;
  });
  after(() => site.close());

  test('groups validate their fields and refuse duplicates', async () => {
    await assert.rejects(saveKeywordGroup(site.db, { title: '' }), (e: { code?: string; fields?: Record<string, string> }) => e.code === 'BAD_INPUT' && 'title' in (e.fields ?? {}));
    await assert.rejects(saveKeywordGroup(site.db, { title: 'Vide', appliesTo: [] }), code('BAD_INPUT'));
    const group = await saveKeywordGroup(site.db, { title: 'Thèmes', appliesTo: ['article', 'section'] });
    assert.equal(group.applies_to, 'article,section');
    await assert.rejects(saveKeywordGroup(site.db, { title: 'Thèmes' }), code('CONFLICT'));
    const edited = await saveKeywordGroup(site.db, { title: 'Thématiques', description: 'Les grands thèmes' }, group.id);
    assert.equal(edited.title, 'Thématiques');
    assert.equal(edited.applies_to, 'article');
    await assert.rejects(saveKeywordGroup(site.db, { title: 'Fantôme' }, 999_999), code('NOT_FOUND'));
  });

  test('keywords have public paths that follow renames', async () => {
    const group = await saveKeywordGroup(site.db, { title: 'Territoires' });
    const keyword = await saveKeyword(site.db, { groupId: group.id, title: 'Nouvelle-Aquitaine' });
    assert.equal(keyword.slug, 'nouvelle-aquitaine');
    assert.equal((await resolvePath(site.db, '/mot/nouvelle-aquitaine'))?.objectId, keyword.id);
    await assert.rejects(saveKeyword(site.db, { groupId: group.id, title: 'Nouvelle-Aquitaine' }), code('CONFLICT'));
    await assert.rejects(saveKeyword(site.db, { groupId: 999_999, title: 'Ailleurs' }), code('BAD_INPUT'));
    const renamed = await saveKeyword(site.db, { groupId: group.id, title: 'Poitou-Charentes' }, keyword.id);
    assert.equal(renamed.slug, 'poitou-charentes');
    assert.equal((await resolvePath(site.db, '/mot/nouvelle-aquitaine'))?.isCurrent, false);
    const groups = await listKeywordGroups(site.db);
    assert.deepEqual(groups.find((g) => g.id === group.id)?.keywords.map((k) => k.title), ['Poitou-Charentes']);
  });

  test('a single-keyword group keeps one keyword per article; group types are enforced', async () => {
    const group = await saveKeywordGroup(site.db, { title: 'Format', single: true });
    const interview = await saveKeyword(site.db, { groupId: group.id, title: 'Entretien' });
    const report = await saveKeyword(site.db, { groupId: group.id, title: 'Reportage' });
    await linkKeyword(site.db, interview.id, 'article', articleId);
    await linkKeyword(site.db, report.id, 'article', articleId);
    await linkKeyword(site.db, report.id, 'article', articleId);
    const ids = await keywordIdsOf(site.db, 'article', articleId);
    assert.equal(ids.includes(report.id), true);
    assert.equal(ids.includes(interview.id), false);
    await assert.rejects(linkKeyword(site.db, report.id, 'section', sectionId), code('BAD_INPUT'));
    await assert.rejects(linkKeyword(site.db, report.id, 'article', 999_999), code('NOT_FOUND'));
    await unlinkKeyword(site.db, report.id, 'article', articleId);
    assert.equal((await keywordIdsOf(site.db, 'article', articleId)).includes(report.id), false);
  });

  test('a group cannot become single while an article carries two of its keywords', async () => {
    const group = await saveKeywordGroup(site.db, { title: 'Publics' });
    const a = await saveKeyword(site.db, { groupId: group.id, title: 'Jeunes' });
    const b = await saveKeyword(site.db, { groupId: group.id, title: 'Seniors' });
    await linkKeyword(site.db, a.id, 'article', articleId);
    await linkKeyword(site.db, b.id, 'article', articleId);
    await assert.rejects(saveKeywordGroup(site.db, { title: 'Publics', single: true }, group.id), code('CONFLICT'));
    const single = await saveKeywordGroup(site.db, { title: 'Genre', single: true });
    const other = await saveKeyword(site.db, { groupId: single.id, title: 'Tribune' });
    await linkKeyword(site.db, other.id, 'article', articleId);
    // Moving "Jeunes" into the single group would give the article two of its keywords.
    await assert.rejects(saveKeyword(site.db, { groupId: single.id, title: 'Jeunes' }, a.id), code('CONFLICT'));
  });

  test('a group with keywords is not deleted; a keyword is, with its links and paths', async () => {
    const group = await saveKeywordGroup(site.db, { title: 'Éphémère' });
    const keyword = await saveKeyword(site.db, { groupId: group.id, title: 'Passager' });
    await linkKeyword(site.db, keyword.id, 'article', articleId);
    await assert.rejects(deleteKeywordGroup(site.db, group.id), code('CONFLICT'));
    await deleteKeyword(site.db, keyword.id);
    assert.equal((await keywordIdsOf(site.db, 'article', articleId)).includes(keyword.id), false);
    assert.equal(await resolvePath(site.db, '/mot/passager'), undefined);
    await deleteKeywordGroup(site.db, group.id);
    assert.equal((await listKeywordGroups(site.db)).some((g) => g.id === group.id), false);
  });

  test('an article is created only with keywords its groups allow: one per single group, groups that apply to articles', async () => {
    const single = await saveKeywordGroup(site.db, { title: 'Forme', appliesTo: ['article'], single: true });
    const sectionsOnly = await saveKeywordGroup(site.db, { title: 'Région', appliesTo: ['section'] });
    const news = await saveKeyword(site.db, { title: 'Brève', groupId: single.id });
    const study = await saveKeyword(site.db, { title: 'Dossier', groupId: single.id });
    const region = await saveKeyword(site.db, { title: 'Occitanie', groupId: sectionsOnly.id });
    await assert.rejects(createArticle(site.db, { sectionId, title: 'Deux genres', keywordIds: [news.id, study.id] }), code('BAD_INPUT'));
    await assert.rejects(createArticle(site.db, { sectionId, title: 'Mauvais groupe', keywordIds: [region.id] }), code('BAD_INPUT'));
    const titles = (await site.db.kysely.selectFrom('articles').select('title').execute()).map((a) => a.title);
    assert.ok(!titles.includes('Deux genres') && !titles.includes('Mauvais groupe'), 'nothing written');
    const ok = await createArticle(site.db, { sectionId, title: 'Un seul genre', keywordIds: [study.id] });
    assert.deepEqual(await keywordIdsOf(site.db, 'article', ok.id), [study.id]);
  });
});
