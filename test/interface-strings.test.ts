// The lint's search for interface text outside the catalogue (scripts/interface-strings.ts, issue 22): French
// written in a page or a template stays French in an English interface.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { hardCodedInSource, hardCodedInTemplate, hardCodedInterfaceStrings } from '../scripts/interface-strings.ts';

test('text between JSX tags, a read attribute and a French literal are found; catalogue calls and comments are not', () => {
  const source = [
    "// Un commentaire en français n'est pas du texte d'interface.",
    "const labels = { pending: 'À valider' };",
    'export const Page = () => (',
    '  <main>',
    '    <h1>Messages des lecteurs</h1>',
    '    <input placeholder="Votre nom" />',
    "    <p>{t('admin.forum.empty')}</p>",
    '    <option value="en">English</option>',
    '  </main>',
    ');',
  ].join('\n');
  assert.deepEqual(hardCodedInSource('page.tsx', source), ['page.tsx:2: « À valider »', 'page.tsx:5: « Messages des lecteurs »', 'page.tsx:6: « Votre nom »']);
});

test('text of a template outside its tags is found, with its line', () => {
  const template = ["{% comment %}Un commentaire{% endcomment %}", "<p>{{ 'site.by' | t }} {{ name }}</p>", '<p title="Imprimer">, par {{ name }}</p>'].join('\n');
  assert.deepEqual(hardCodedInTemplate('a.liquid', template), ['a.liquid:3: « Imprimer »', 'a.liquid:3: « , par »']);
});

test('the project has no interface text outside the catalogue', () => {
  assert.deepEqual(hardCodedInterfaceStrings(join(import.meta.dirname, '..')), []);
});
