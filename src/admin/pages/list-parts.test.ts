// The numbered pagination of back-office lists: which page numbers it shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageWindow } from './list-parts.tsx';

test('the pagination shows the first, the last and two pages around the current one, gaps as one mark', () => {
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(1, 10), [1, 2, 3, null, 10]);
  assert.deepEqual(pageWindow(6, 10), [1, null, 4, 5, 6, 7, 8, null, 10]);
  assert.deepEqual(pageWindow(4, 10), [1, 2, 3, 4, 5, 6, null, 10]);
  assert.deepEqual(pageWindow(10, 10), [1, null, 8, 9, 10]);
});
