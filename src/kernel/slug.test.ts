import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from './slug.ts';

test('slugs drop accents, apostrophes and punctuation', () => {
  assert.equal(slugify('Benoît Hamon en visite à Niort'), 'benoit-hamon-en-visite-a-niort');
  assert.equal(slugify('L’alchimie de l’écosystème financier solidaire'), 'l-alchimie-de-l-ecosysteme-financier-solidaire');
  assert.equal(slugify('Qu\'est-ce qu\'un PTCE ?'), 'qu-est-ce-qu-un-ptce');
  assert.equal(slugify('Cœur & œuvre'), 'coeur-oeuvre');
  assert.equal(slugify('!!!'), 'sans-titre');
});
