import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textMemo } from './text-memo.ts';

test('a memo computes each key once, and starts again when full', () => {
  const computed: string[] = [];
  const upper = textMemo((key) => (computed.push(key), key.toUpperCase()), 2);
  assert.equal(upper('a'), 'A');
  assert.equal(upper('a'), 'A');
  assert.equal(upper('b'), 'B');
  assert.deepEqual(computed, ['a', 'b']);
  assert.equal(upper('c'), 'C');
  assert.equal(upper('a'), 'A');
  assert.deepEqual(computed, ['a', 'b', 'c', 'a'], 'full: forgotten, then computed again');
});
