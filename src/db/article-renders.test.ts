// The run of plain letters that finds the articles a glossary term may appear in: whatever the case or accents
// a text writes the term with, it contains that run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { longestPlainRun } from './article-renders.ts';

test('a term’s longest plain run is found in every spelling of it a reader may meet', () => {
  const run = longestPlainRun('Économie sociale');
  assert.equal(run, 'conomie');
  for (const spelling of ['économie sociale', 'ÉCONOMIE SOCIALE', 'economie sociale', 'Economie Sociale']) {
    // SQLite's lower(): ASCII letters only.
    const sqliteLower = spelling.replace(/[A-Z]/g, (c) => c.toLowerCase());
    assert.ok(sqliteLower.includes(run), spelling);
  }
  assert.equal(longestPlainRun('SCOP'), 'scop');
  assert.equal(longestPlainRun('— ’ «'), '');
});
