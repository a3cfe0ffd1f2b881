import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSlug, slugify } from './slug.ts';

test('slugs drop accents, apostrophes and punctuation', () => {
  assert.equal(slugify('Benoît Hamon en visite à Niort'), 'benoit-hamon-en-visite-a-niort');
  assert.equal(slugify('L’alchimie de l’écosystème financier solidaire'), 'l-alchimie-de-l-ecosysteme-financier-solidaire');
  assert.equal(slugify('Qu\'est-ce qu\'un PTCE ?'), 'qu-est-ce-qu-un-ptce');
  assert.equal(slugify('Cœur & œuvre'), 'coeur-oeuvre');
  assert.equal(slugify('!!!'), 'sans-titre');
});

test('a slug as typed is accepted only in the form slugify makes', () => {
  for (const good of ['rapport-2024', 'ess', 'a-b-c', 'x'.repeat(80)]) assert.equal(isSlug(good), true, good);
  for (const bad of ['', 'Rapport', 'mon rapport', 'rapport-', '-rapport', 'rapport--2024', 'écosystème', 'rss.xml', 'a/b', 'x'.repeat(81)]) assert.equal(isSlug(bad), false, bad);
  assert.equal(isSlug(slugify('L’ESS à Niort, bilan')), true);
});
