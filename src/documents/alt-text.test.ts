// The alternative text of an image document (issue 18): the one entered, else the title, else none (decorative),
// never the file's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageAlt } from './alt-text.ts';

test('the alt entered wins; a title stands in for it; with neither the image is decorative', () => {
  assert.equal(imageAlt({ alt: 'Façade de la Maison', title: 'La Maison' }), 'Façade de la Maison');
  assert.equal(imageAlt({ alt: '', title: 'La Maison' }), 'La Maison');
  assert.equal(imageAlt({ alt: '  ', title: '  ' }), '');
});
