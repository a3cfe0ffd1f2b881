// MARKUP_ENGINE_VERSION must change with what the engine writes: stored HTML of an older version is made anew
// only if the version says so (issue 19). The output of every input of SPIP's fixtures and of the oracle corpus,
// in both profiles, is summed up here; when it changes, the version must change too, and this record with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFixtureJsonLines } from '../../test/helpers/fixtures.ts';
import { oracleResolver } from '../../test/helpers/markup-conformance.ts';
import { MARKUP_ENGINE_VERSION, propre } from './index.ts';

const RECORDED = { version: '2026-12-07.1', output: '7b865ce1c97b5f6a58f6a03ece5bcbe2bc291f6e8836ff5a3d11cdb5645da0ef' };

test('the engine’s output changes only with its version', () => {
  const inputs = [
    ...readFixtureJsonLines<{ input: string }>('spip-conformance', 'spip-fixtures.jsonl'),
    ...readFixtureJsonLines<{ input: string }>('spip-conformance', 'spip-oracle-corpus.jsonl'),
  ].map((f) => f.input);
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const profile of ['article', 'forum'] as const) {
      const result = propre(input, { profile, resolve: oracleResolver });
      hash.update(`${result.html}\u0000${result.notes}\u0000`);
    }
  }
  const output = hash.digest('hex');
  if (MARKUP_ENGINE_VERSION === RECORDED.version) {
    assert.equal(output, RECORDED.output, `the engine writes something else: give MARKUP_ENGINE_VERSION a new value (markup/version.ts), then record it here with output '${output}'`);
  } else {
    assert.fail(`MARKUP_ENGINE_VERSION is now ${MARKUP_ENGINE_VERSION}: record it here with output '${output}'`);
  }
});
