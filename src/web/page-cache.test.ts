import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryChangeFeed } from '../db/change-feed.ts';
import { createPageCache, etagOf } from './page-cache.ts';

const page = (body: string) => ({ status: 200, body: Buffer.from(body), etag: etagOf(body), headers: [['content-type', 'text/html']] as [string, string][] });

test('a change of data version drops every cached page', () => {
  let version = 1;
  const cache = createPageCache({ enabled: true, version: () => version });
  cache.set('/a', page('A'));
  assert.equal(cache.get('/a')?.body.toString(), 'A');
  version = 2;
  assert.equal(cache.get('/a'), undefined);
});

test('without a change feed, a change of data version drops every cached page', () => {
  let version = 1;
  const cache = createPageCache({ enabled: true, version: () => version });
  cache.set('/a', { ...page('A'), dependsOn: ['article:1'] });
  version = 2;
  assert.equal(cache.get('/a'), undefined);
});

// Issue 19: a write drops the pages that show what it changed.
test('with a change feed, only the pages depending on a changed scope are dropped', () => {
  let version = 1;
  const changes = memoryChangeFeed(() => true);
  const cache = createPageCache({ enabled: true, version: () => version, changes });
  const fill = () => {
    cache.set('/article-1', { ...page('1'), dependsOn: ['article:1', 'forum:1', 'section-list:3'] });
    cache.set('/article-2', { ...page('2'), dependsOn: ['article:2', 'forum:2', 'article:1'] });
    cache.set('/', page('home'));
  };
  const kept = () => ['/article-1', '/article-2', '/'].filter((key) => cache.get(key));
  const write = (scopes: string[] | '*') => {
    changes.record(scopes === '*' ? '*' : new Set(scopes));
    version++;
  };
  fill();
  write([]);
  assert.deepEqual(kept(), ['/article-1', '/article-2', '/'], 'a write no page shows');
  write(['article:5']);
  assert.deepEqual(kept(), ['/article-1', '/article-2', '/'], 'a draft elsewhere');
  write(['forum:1']);
  assert.deepEqual(kept(), ['/article-2'], 'a comment published: its article and the lists');
  fill();
  write(['article:1', 'list']);
  assert.deepEqual(kept(), [], 'an article shown by both pages, and in the lists');
  fill();
  write(['section-list:3']);
  assert.deepEqual(kept(), ['/article-2', '/']);
  fill();
  write('*');
  assert.deepEqual(kept(), []);
});

// Issue 15 (several nodes): a page rendered while another node's change arrived was stored under the new
// version, so it was served stale until the next change.
test('a page whose data changed while it was rendered is not stored', () => {
  let version = 1;
  const cache = createPageCache({ enabled: true, version: () => version });
  const renderedAt = cache.version();
  version = 2; // another node's notification arrives during the render
  cache.set('/a', page('A (stale)'), renderedAt);
  assert.equal(cache.get('/a'), undefined);
  cache.set('/a', page('A'), cache.version());
  assert.equal(cache.get('/a')?.body.toString(), 'A');
});

test('an expired page is not served', () => {
  const cache = createPageCache({ enabled: true, version: () => 1 });
  cache.set('/a', { ...page('A'), expiresAt: Date.now() - 1 });
  assert.equal(cache.get('/a'), undefined);
});

test('a disabled cache keeps nothing', () => {
  const cache = createPageCache({ enabled: false, version: () => 1 });
  cache.set('/a', page('A'));
  assert.equal(cache.get('/a'), undefined);
});

test('the ETag depends on the body', () => {
  assert.notEqual(etagOf('a'), etagOf('b'));
  assert.equal(etagOf('a'), etagOf('a'));
});
