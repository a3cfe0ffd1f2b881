import { test } from 'node:test';
import assert from 'node:assert/strict';
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
