// SPIP's own cases: at least 90% must give SPIP's HTML (normalised), and the interdire_scripts cases
// must produce nothing executable. The report lists every case that does not pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runConformance } from '../../test/helpers/markup-conformance.ts';

test('SPIP conformance fixtures: ≥ 90% pass', () => {
  const { results, passed, skipped, total, rate } = runConformance();
  const failing = results.filter((r) => r.status === 'fail').map((r) => r.id);
  console.log(`conformance: ${passed}/${total - skipped} pass (${(rate * 100).toFixed(1)}%), ${skipped} skipped (SPIP globals not modelled)`);
  if (failing.length) console.log(`not passing:\n  ${failing.join('\n  ')}`);
  assert.ok(skipped <= total * 0.1, `too many skipped: ${skipped}`);
  assert.ok(rate >= 0.9, `pass rate ${(rate * 100).toFixed(1)}% < 90%`);
});

test('interdire_scripts cases: nothing executable', () => {
  const { results } = runConformance();
  const bad = results.filter((r) => r.fn === 'interdire_scripts' && r.status !== 'pass');
  assert.deepEqual(bad.map((r) => `${r.id}: ${r.reason}`), []);
});
