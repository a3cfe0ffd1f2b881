// The whole role × action matrix of content/permissions.ts: every role, every action, on targets inside and
// outside a restricted administrator's sections, for an author and a non-author, in every status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleActions, can, siteActions, type Actor, type ArticleAction } from '../src/users/permissions.ts';
import { buildSectionTree } from '../src/sections/sections.ts';
import { articleStatuses } from '../src/articles/workflow.ts';
import type { ArticleStatus, Section } from '../src/db/schema.ts';

// Sections: 1 (top) > 2 (child) ; 3 (another top).
const section = (id: number, parent_id: number | null): Section => ({ id, parent_id, slug: `s${id}`, title: `S${id}`, description: '', text: '', position: id, lang: 'fr', lang_chosen: 0, created_at: '', updated_at: '' });
const tree = buildSectionTree([section(1, null), section(2, 1), section(3, null)]);

const ME = 10;
const actors: Record<string, Actor> = {
  administrator: { id: ME, role: 'administrator', sections: null },
  restricted: { id: ME, role: 'administrator', sections: new Set(tree.subtree(1)) },
  editor: { id: ME, role: 'editor', sections: null },
  visitor: { id: ME, role: 'visitor', sections: null },
  disabled: { id: ME, role: 'disabled', sections: null },
};

/** The expected answer, written as the rules say, independently of permissions.ts's code. */
function expected(role: string, action: ArticleAction, status: ArticleStatus, author: boolean, inMySections: boolean): boolean {
  if (role === 'visitor' || role === 'disabled') return false;
  const admin = role === 'administrator' || (role === 'restricted' && inMySections);
  switch (action) {
    case 'article.create': return role !== 'restricted' || inMySections;
    case 'article.view':
    case 'article.discuss': return admin || author || status === 'proposed' || status === 'published';
    case 'article.edit':
    case 'article.restoreRevision': return admin || (author && (status === 'draft' || status === 'proposed'));
    case 'article.propose': return status === 'draft' && (admin || author);
    case 'article.withdraw': return status === 'proposed' && (admin || author);
    case 'article.reopen': return status === 'refused' && (admin || author);
    case 'article.trash': return status !== 'trash' && (admin || (author && status === 'draft'));
    case 'article.publish':
    case 'article.schedule': return admin && status !== 'trash';
    case 'article.refuse': return admin && (status === 'draft' || status === 'proposed');
    case 'article.unpublish': return admin && status === 'published';
    case 'article.restore': return admin && status === 'trash';
  }
}

test('article actions: every role × action × status × authorship × section', () => {
  let checked = 0;
  for (const [role, actor] of Object.entries(actors)) {
    for (const action of articleActions) {
      for (const status of articleStatuses) {
        for (const author of [true, false]) {
          for (const sectionId of [1, 2, 3]) {
            const target = { sectionId, status, authorIds: author ? [ME, 99] : [99] };
            const want = expected(role, action, status, author, sectionId !== 3);
            assert.equal(can(actor, action, target), want, `${role} ${action} ${status} author=${author} section=${sectionId}`);
            checked++;
          }
        }
      }
    }
  }
  assert.equal(checked, 5 * articleActions.length * 5 * 2 * 3);
});

test('site actions: every role', () => {
  const table: Record<string, Record<string, boolean>> = {
    administrator: { 'backoffice.enter': true, 'section.manage': true, 'keyword.manage': true, 'glossary.manage': true, 'user.manage': true, 'settings.manage': true, 'audit.view': true, 'newsletter.manage': true, 'document.upload': true, 'document.manage': true, 'forum.moderate': true, 'forum.postSubscribers': true, 'profile.edit': true },
    restricted: { 'backoffice.enter': true, 'section.manage': true, 'keyword.manage': false, 'glossary.manage': false, 'user.manage': false, 'settings.manage': false, 'audit.view': false, 'newsletter.manage': false, 'document.upload': true, 'document.manage': false, 'forum.moderate': true, 'forum.postSubscribers': true, 'profile.edit': true },
    editor: { 'backoffice.enter': true, 'section.manage': false, 'keyword.manage': false, 'glossary.manage': false, 'user.manage': false, 'settings.manage': false, 'audit.view': false, 'newsletter.manage': false, 'document.upload': true, 'document.manage': false, 'forum.moderate': false, 'forum.postSubscribers': true, 'profile.edit': true },
    visitor: { 'backoffice.enter': false, 'section.manage': false, 'keyword.manage': false, 'glossary.manage': false, 'user.manage': false, 'settings.manage': false, 'audit.view': false, 'newsletter.manage': false, 'document.upload': false, 'document.manage': false, 'forum.moderate': false, 'forum.postSubscribers': true, 'profile.edit': true },
    disabled: Object.fromEntries(siteActions.map((a) => [a, false])),
  };
  for (const [role, actor] of Object.entries(actors)) {
    for (const action of siteActions) {
      assert.equal(can(actor, action), table[role]![action], `${role} ${action}`);
    }
  }
});

test('section-scoped site actions follow a restricted administrator’s sections and their sub-sections', () => {
  for (const action of ['section.manage', 'forum.moderate'] as const) {
    assert.equal(can(actors.restricted, action, { sectionId: 1 }), true);
    assert.equal(can(actors.restricted, action, { sectionId: 2 }), true, 'sub-section');
    assert.equal(can(actors.restricted, action, { sectionId: 3 }), false);
    assert.equal(can(actors.restricted, action, { sectionId: null }), false, 'top level is the full administrators’');
    assert.equal(can(actors.administrator, action, { sectionId: 3 }), true);
    assert.equal(can(actors.editor, action, { sectionId: 1 }), false);
  }
  assert.equal(can(null, 'backoffice.enter'), false);
  // Starting an article: anywhere for those who write, a restricted administrator only in their sections.
  assert.equal(can(actors.restricted, 'article.create'), true, 'somewhere');
  assert.equal(can(actors.restricted, 'article.create', { sectionId: 2 }), true);
  assert.equal(can(actors.restricted, 'article.create', { sectionId: 3 }), false);
  assert.equal(can(actors.editor, 'article.create', { sectionId: 3 }), true);
  assert.equal(can(actors.visitor, 'article.create', { sectionId: 3 }), false);
});

test('document.manage: a restricted administrator only when everything the document is attached to is theirs', () => {
  const cases: [number | null, ...(number | null)[]][] = [[1], [2], [1, 2], [3], [1, 3], [null], [1, null]];
  for (const attachedTo of cases) {
    const mine = attachedTo.every((id) => id === 1 || id === 2);
    assert.equal(can(actors.restricted, 'document.manage', { attachedTo }), mine, `restricted ${attachedTo.join(',')}`);
    assert.equal(can(actors.administrator, 'document.manage', { attachedTo }), true);
    assert.equal(can(actors.editor, 'document.manage', { attachedTo }), false);
  }
  assert.equal(can(actors.restricted, 'document.manage', { attachedTo: [] }), false, 'attached to nothing: the full administrators’');
  assert.equal(can(actors.administrator, 'document.manage', { attachedTo: [] }), true);
});
