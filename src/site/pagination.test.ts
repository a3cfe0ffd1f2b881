// Numbered pages, without a server: what `?page=` may say, and which numbers a list's navigation shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageCount, pageUrl, paginate, readPageParam, type PageLink } from './pagination.ts';

test('?page= is a page from 2 on; 1 is the list’s own address; anything else names no page', () => {
  assert.deepEqual(readPageParam(undefined), { kind: 'page', page: 1 });
  assert.deepEqual(readPageParam('2'), { kind: 'page', page: 2 });
  assert.deepEqual(readPageParam('123456789'), { kind: 'page', page: 123456789 });
  assert.deepEqual(readPageParam('1'), { kind: 'first' });
  for (const nonsense of ['0', '-1', 'abc', '1.5', '', '02', '2abc', ' 2', '1e3', '0x10', '1234567890', '+2']) {
    assert.deepEqual(readPageParam(nonsense), { kind: 'invalid' }, `« ${nonsense} »`);
  }
});

test('a list has at least one page, and the pages its rows fill', () => {
  assert.equal(pageCount(0), 1);
  assert.equal(pageCount(20), 1);
  assert.equal(pageCount(21), 2);
  assert.equal(pageCount(10_000), 500);
  assert.equal(pageCount(11, 10), 2);
});

test('page addresses: the first has no ?page, the others add it to the query the list already has', () => {
  assert.equal(pageUrl('/archives', 1), '/archives');
  assert.equal(pageUrl('/archives', 3), '/archives?page=3');
  assert.equal(pageUrl('/recherche?q=ess', 2), '/recherche?q=ess&page=2');
});

const shown = (links: PageLink[]) => links.map((l) => (l.kind === 'gap' ? '…' : l.current ? `[${l.number}]` : String(l.number))).join(' ');

test('the window: first, last, the current page and two on each side, gaps as ellipses', () => {
  assert.equal(shown(paginate('/a', 1, 1).links), '[1]');
  assert.equal(shown(paginate('/a', 1, 3).links), '[1] 2 3');
  assert.equal(shown(paginate('/a', 1, 10).links), '[1] 2 3 … 10');
  assert.equal(shown(paginate('/a', 5, 10).links), '1 2 3 4 [5] 6 7 … 10');
  assert.equal(shown(paginate('/a', 6, 12).links), '1 … 4 5 [6] 7 8 … 12');
  assert.equal(shown(paginate('/a', 10, 10).links), '1 … 8 9 [10]');
  assert.equal(shown(paginate('/a', 250, 500).links), '1 … 248 249 [250] 251 252 … 500');
});

test('an ellipsis never hides a single page: that page is shown instead', () => {
  assert.equal(shown(paginate('/a', 5, 9).links), '1 2 3 4 [5] 6 7 8 9');
  assert.equal(shown(paginate('/a', 4, 7).links), '1 2 3 [4] 5 6 7');
});

test('previous and next addresses, none past either end', () => {
  assert.deepEqual([paginate('/a', 1, 3).prev_url, paginate('/a', 1, 3).next_url], [null, '/a?page=2']);
  assert.deepEqual([paginate('/a', 2, 3).prev_url, paginate('/a', 2, 3).next_url], ['/a', '/a?page=3']);
  assert.deepEqual([paginate('/a', 3, 3).prev_url, paginate('/a', 3, 3).next_url], ['/a?page=2', null]);
  const links = paginate('/a', 2, 3).links;
  assert.deepEqual(links[0], { kind: 'page', number: 1, url: '/a', current: false });
  assert.deepEqual(links[1], { kind: 'page', number: 2, url: '/a?page=2', current: true });
});

test('every page of a list shows links that reach every other page in a few steps', () => {
  for (const pages of [1, 2, 7, 50, 500]) {
    for (let current = 1; current <= pages; current += Math.max(1, Math.floor(pages / 13))) {
      const numbers = paginate('/a', current, pages).links.flatMap((l) => (l.kind === 'page' ? [l.number] : []));
      assert.ok(numbers.includes(1) && numbers.includes(pages) && numbers.includes(current));
      assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), 'in order');
      assert.ok(numbers.length <= 9, `at most nine numbers (${pages} pages, page ${current})`);
    }
  }
});
