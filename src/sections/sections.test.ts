// The section tree as menus, breadcrumbs and restricted administrators read it, on both databases: children in
// their order, ancestry from the top, a whole branch, and a change seen at once despite the memo.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { buildSectionTree } from './sections.ts';
import { createSection, loadSectionTree, moveSection, updateSection } from './index.ts';
import type { Section } from '../db/schema.ts';

test('a damaged tree (a cycle) does not hang the breadcrumb or the branch', () => {
  const section = (id: number, parent_id: number | null): Section => ({ id, parent_id, slug: `s${id}`, title: `S${id}`, description: '', text: '', position: 0, lang: 'fr', lang_chosen: 0, created_at: '', updated_at: '' });
  const tree = buildSectionTree([section(1, 2), section(2, 1), section(3, null)]);
  assert.deepEqual(tree.ancestry(1).map((s) => s.id), [2, 1]);
  assert.deepEqual(tree.subtree(1).sort(), [1, 2]);
  assert.deepEqual(tree.ancestry(99), []);
});

forEachDatabase('section tree', (dialect) => {
  let t: TestDatabase;
  before(async () => {
    t = await openTestDatabase(dialect);
  });
  after(() => t.close());

  test('children, ancestry and branch of a three-level tree', async () => {
    const top = await createSection(t.db, { title: 'Publications' });
    const a = await createSection(t.db, { title: 'Notes', parentId: top.id });
    const b = await createSection(t.db, { title: 'Rapports', parentId: top.id });
    const deep = await createSection(t.db, { title: 'Rapports annuels', parentId: b.id });
    const tree = await loadSectionTree(t.db);
    assert.deepEqual(tree.children(top.id).map((s) => s.title), ['Notes', 'Rapports']);
    assert.ok(tree.children(null).some((s) => s.id === top.id));
    assert.deepEqual(tree.ancestry(deep.id).map((s) => s.title), ['Publications', 'Rapports', 'Rapports annuels']);
    assert.deepEqual(tree.subtree(top.id).sort((x, y) => x - y), [top.id, a.id, b.id, deep.id].sort((x, y) => x - y));
    assert.deepEqual(tree.subtree(a.id), [a.id]);
  });

  test('a change is seen by the next read of the tree', async () => {
    const first = await createSection(t.db, { title: 'Événements' });
    const before = await loadSectionTree(t.db);
    assert.equal(before.byId.get(first.id)?.title, 'Événements');
    await updateSection(t.db, first.id, { title: 'Agenda' });
    const other = await createSection(t.db, { title: 'Archives' });
    await moveSection(t.db, first.id, other.id);
    const after = await loadSectionTree(t.db);
    assert.equal(after.byId.get(first.id)?.title, 'Agenda');
    assert.deepEqual(after.ancestry(first.id).map((s) => s.id), [other.id, first.id]);
  });

  test('a section under a missing parent is refused', async () => {
    await assert.rejects(createSection(t.db, { title: 'Orpheline', parentId: 999_999 }));
    assert.ok(![...(await loadSectionTree(t.db)).byId.values()].some((s) => s.title === 'Orpheline'));
  });
});
