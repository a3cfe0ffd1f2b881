// Editing a glossary term by id on both databases: validated by the glossary's rules, anchor changes
// allowed unless another term holds it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase, openTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { saveTerm } from './save-term.ts';
import { updateTerm } from './update-term.ts';

const code = (expected: string) => (error: unknown) => (error as { code?: string }).code === expected;

forEachDatabase('glossary term edit', (dialect) => {
  let site: TestDatabase;
  before(async () => {
    site = await openTestDatabase(dialect);
  });
  after(() => site.close());

  test('a term is edited, its anchor may change, bad input writes nothing', async () => {
    const { term } = await saveTerm(site.db, { term: 'SCOP', definition: 'Société coopérative' });
    await saveTerm(site.db, { term: 'PTCE', definition: 'Pôle territorial' });
    const edited = await updateTerm(site.db, term.id, {
      term: 'Scop',
      slug: 'scop-societe',
      variants: ['SCOP', 'Scops', 'SCOP'],
      definition: 'Société coopérative et participative',
      linkUrl: 'https://www.les-scop.coop/',
    });
    assert.equal(edited.slug, 'scop-societe');
    assert.deepEqual(JSON.parse(edited.variants), ['SCOP', 'Scops']);
    await assert.rejects(updateTerm(site.db, term.id, { term: 'Scop', slug: 'ptce', definition: 'x' }), code('CONFLICT'));
    await assert.rejects(updateTerm(site.db, term.id, { term: 'Scop', definition: '' }), code('BAD_INPUT'));
    await assert.rejects(updateTerm(site.db, term.id, { term: 'Scop', definition: 'x', linkUrl: 'javascript:alert(1)' }), code('BAD_INPUT'));
    await assert.rejects(updateTerm(site.db, 999_999, { term: 'X', definition: 'x' }), code('NOT_FOUND'));
    const row = await site.db.kysely.selectFrom('glossary_terms').selectAll().where('id', '=', term.id).executeTakeFirstOrThrow();
    assert.equal(row.definition, 'Société coopérative et participative');
  });
});
