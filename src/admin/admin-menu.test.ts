// The menu per role (issue 18): each person sees only the entries whose permission they hold; Apparence, under
// Réglages, goes with it; a visitor and a disabled account see none. Over HTTP, role by role, every link is
// followed by test/role-route-matrix.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adminMenu, menuFor } from './admin-menu.ts';
import type { Actor } from '../users/index.ts';

const hrefs = (actor: Actor) => menuFor(actor).flatMap((entry) => [entry.href, ...(entry.sub ?? []).map((sub) => sub.href)]);

test('each role sees the entries it may open', () => {
  const admin: Actor = { id: 1, role: 'administrator', sections: null };
  const restricted: Actor = { id: 2, role: 'administrator', sections: new Set([3]) };
  const editor: Actor = { id: 3, role: 'editor', sections: null };
  assert.deepEqual(hrefs(admin), ['/ecrire/articles', '/ecrire/rubriques', '/ecrire/sites', '/ecrire/mots', '/ecrire/glossaire', '/ecrire/auteurs', '/ecrire/documents', '/ecrire/forum', '/ecrire/lettre', '/ecrire/lettre/abonnes', '/ecrire/lettre/import', '/ecrire/reglages', '/ecrire/reglages/apparence', '/ecrire/sauvegardes', '/ecrire/journal']);
  assert.deepEqual(hrefs(restricted), ['/ecrire/articles', '/ecrire/rubriques', '/ecrire/sites', '/ecrire/documents', '/ecrire/forum']);
  assert.deepEqual(hrefs(editor), ['/ecrire/articles', '/ecrire/documents']);
  assert.deepEqual(hrefs({ id: 4, role: 'visitor', sections: null }), []);
  assert.deepEqual(hrefs({ id: 5, role: 'disabled', sections: null }), []);
});

test('every entry, Apparence included, names a permission', () => {
  const all = adminMenu.flatMap((entry) => [entry, ...(entry.sub ?? [])]);
  assert.ok(all.some((entry) => entry.href === '/ecrire/reglages/apparence' && entry.permission === 'settings.manage'));
  for (const entry of all) assert.ok(entry.permission, entry.href);
});
