// Section tree operations on both databases: rename (old path redirects), move (cycles refused),
// reorder, delete only when empty.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { createSection } from './create-section.ts';
import { createArticle } from '../../articles/operations/create-article.ts';
import { updateSection } from './update-section.ts';
import { moveSection } from './move-section.ts';
import { reorderSections, stepOrder } from './reorder-sections.ts';
import { deleteSection } from './delete-section.ts';
import { loadSectionTree } from '../sections.ts';
import { resolvePath } from '../../urls/urls.ts';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

forEachDatabase('section operations', (dialect) => {
  let site: TestDatabase;
  before(async () => {
    site = await openTestDatabase(dialect);
  });
  after(() => site.close());

  test('renaming gives a new path and the old one redirects', async () => {
    const section = await createSection(site.db, { title: 'Agenda' });
    const renamed = await updateSection(site.db, section.id, { title: 'Agenda des rencontres', description: 'Les dates' });
    assert.equal(renamed.slug, 'agenda-des-rencontres');
    assert.equal(renamed.description, 'Les dates');
    assert.deepEqual(await resolvePath(site.db, '/rubrique/agenda'), { objectType: 'section', objectId: section.id, isCurrent: false });
    assert.equal((await resolvePath(site.db, '/rubrique/agenda-des-rencontres'))?.isCurrent, true);
    await assert.rejects(updateSection(site.db, section.id, { title: '  ' }), code('BAD_INPUT'));
    await assert.rejects(updateSection(site.db, 999_999, { title: 'X' }), code('NOT_FOUND'));
  });

  test('a section moves anywhere but into its own branch', async () => {
    const top = await createSection(site.db, { title: 'Haut' });
    const child = await createSection(site.db, { title: 'Enfant', parentId: top.id });
    const grandchild = await createSection(site.db, { title: 'Petit-enfant', parentId: child.id });
    const other = await createSection(site.db, { title: 'Ailleurs' });
    await assert.rejects(moveSection(site.db, top.id, top.id), code('BAD_INPUT'));
    await assert.rejects(moveSection(site.db, top.id, grandchild.id), code('BAD_INPUT'));
    await assert.rejects(moveSection(site.db, top.id, 999_999), code('BAD_INPUT'));
    const moved = await moveSection(site.db, child.id, other.id);
    assert.equal(moved.parent_id, other.id);
    const tree = await loadSectionTree(site.db);
    assert.deepEqual(tree.ancestry(grandchild.id).map((s) => s.id), [other.id, child.id, grandchild.id]);
    assert.equal((await moveSection(site.db, child.id, null)).parent_id, null);
  });

  test('siblings take the order given, and only a complete list', async () => {
    const parent = await createSection(site.db, { title: 'Parent ordre' });
    const ids: number[] = [];
    for (const title of ['Un', 'Deux', 'Trois']) ids.push((await createSection(site.db, { title: `${title} ordre`, parentId: parent.id })).id);
    const order = stepOrder(ids, ids[2]!, -1);
    assert.deepEqual(order, [ids[0], ids[2], ids[1]]);
    assert.deepEqual(stepOrder(ids, ids[0]!, -1), ids);
    await reorderSections(site.db, parent.id, order);
    assert.deepEqual((await loadSectionTree(site.db)).children(parent.id).map((s) => s.id), order);
    await assert.rejects(reorderSections(site.db, parent.id, [ids[0]!, ids[1]!]), code('CONFLICT'));
    await assert.rejects(reorderSections(site.db, parent.id, [ids[0]!, ids[1]!, ids[1]!]), code('CONFLICT'));
  });

  test('only an empty section can be deleted', async () => {
    const parent = await createSection(site.db, { title: 'À supprimer' });
    const child = await createSection(site.db, { title: 'Sous à supprimer', parentId: parent.id });
    await createArticle(site.db, { sectionId: child.id, title: 'Un brouillon', status: 'trash' });
    await assert.rejects(deleteSection(site.db, parent.id), code('CONFLICT'));
    await assert.rejects(deleteSection(site.db, child.id), code('CONFLICT'));
    const empty = await createSection(site.db, { title: 'Vide' });
    await deleteSection(site.db, empty.id);
    assert.equal((await loadSectionTree(site.db)).byId.has(empty.id), false);
    assert.equal(await resolvePath(site.db, '/rubrique/vide'), undefined);
    await assert.rejects(deleteSection(site.db, empty.id), code('NOT_FOUND'));
  });
});
