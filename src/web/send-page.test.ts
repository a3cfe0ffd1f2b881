// Sending a page: every page carries an ETag, a browser holding it gets a 304 with no body, HEAD gets the headers
// only, and only a shareable 200 is offered to the page cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { sendPage } from './send-page.ts';

function app() {
  const offered: string[] = [];
  const hono = new Hono<AppEnv>();
  hono.use(async (c, next) => {
    await next();
    const mark = c.get('pageToCache');
    if (mark) offered.push(`${c.req.path} ${mark.etag}`);
  });
  hono.get('/page', (c) => sendPage(c, `<p>Bonjour ${c.req.query('who') ?? 'tout le monde'}</p>`));
  hono.get('/prive', (c) => sendPage(c, '<p>Votre compte</p>', { cacheable: false }));
  hono.get('/absent', (c) => sendPage(c, '<p>Introuvable</p>', { status: 404 }));
  hono.get('/flux', (c) => sendPage(c, '<rss/>', { contentType: 'application/rss+xml; charset=utf-8' }));
  return { hono, offered };
}

test('a page has an ETag that follows its content, and the browser must revalidate', async () => {
  const { hono } = app();
  const one = await hono.request('/page');
  assert.equal(one.status, 200);
  assert.equal(await one.text(), '<p>Bonjour tout le monde</p>');
  assert.match(one.headers.get('content-type')!, /^text\/html; charset=utf-8/);
  assert.equal(one.headers.get('cache-control'), 'no-cache');
  const etag = one.headers.get('etag')!;
  assert.ok(etag);
  assert.equal((await hono.request('/page')).headers.get('etag'), etag, 'same content, same ETag');
  assert.notEqual((await hono.request('/page?who=Anne')).headers.get('etag'), etag, 'other content, other ETag');
});

test('a matching If-None-Match gets 304 without a body; a stale one gets the page', async () => {
  const { hono } = app();
  const etag = (await hono.request('/page')).headers.get('etag')!;
  const again = await hono.request('/page', { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(await again.text(), '');
  assert.equal(again.headers.get('etag'), etag);
  const stale = await hono.request('/page', { headers: { 'if-none-match': '"autre"' } });
  assert.equal(stale.status, 200);
  assert.equal(await stale.text(), '<p>Bonjour tout le monde</p>');
});

test('an error page is never answered 304 and is not offered to the cache', async () => {
  const { hono, offered } = app();
  const missing = await hono.request('/absent');
  assert.equal(missing.status, 404);
  const etag = missing.headers.get('etag')!;
  const again = await hono.request('/absent', { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 404);
  assert.equal(await again.text(), '<p>Introuvable</p>');
  await hono.request('/prive');
  await hono.request('/page');
  assert.deepEqual(offered.map((o) => o.split(' ')[0]), ['/page'], 'only the shareable 200 page');
});

test('HEAD gets the headers without the body; other content types are kept', async () => {
  const { hono } = app();
  const head = await hono.request('/page', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
  assert.ok(head.headers.get('etag'));
  const feed = await hono.request('/flux');
  assert.equal(feed.headers.get('content-type'), 'application/rss+xml; charset=utf-8');
});
