// Forms take at most their share of the time; readers are served while forms wait; a line too long is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { publicWriteShare, type WriteShare } from './public-write-share.ts';

/** A form's handling: `ms` of work that holds the event loop, as a post on SQLite does. */
function work(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

function appWith(limits: WriteShare) {
  const app = new Hono<AppEnv>();
  app.use('*', publicWriteShare((c) => c.req.method === 'POST', () => new Response('occupé', { status: 503 }), limits));
  app.post('/forum/poster', (c) => {
    work(5);
    return c.text('merci');
  });
  app.get('/article', (c) => c.text('page'));
  return app;
}

test('twenty posts at once take at most their share of the clock, and pages are answered meanwhile', async () => {
  const app = appWith({ share: 0.25, burstMs: 10, maxWaiting: 100 });
  const started = performance.now();
  const posts = Array.from({ length: 20 }, () => app.request('/forum/poster', { method: 'POST' }));
  // A reader arriving while the posts wait: answered long before they are all written.
  const page = await app.request('/article');
  const pageMs = performance.now() - started;
  const answers = await Promise.all(posts);
  const allMs = performance.now() - started;
  assert.equal(page.status, 200);
  assert.deepEqual(new Set(answers.map((r) => r.status)), new Set([200]));
  // 100 ms of work at a quarter of the clock, less the burst: about 360 ms at least.
  assert.ok(allMs >= 300, `the posts took ${allMs.toFixed(0)} ms`);
  assert.ok(pageMs < allMs / 3, `the page waited ${pageMs.toFixed(0)} ms of ${allMs.toFixed(0)}`);
});

test('a single post is never held', async () => {
  const app = appWith({ share: 0.1, burstMs: 20, maxWaiting: 100 });
  const started = performance.now();
  assert.equal((await app.request('/forum/poster', { method: 'POST' })).status, 200);
  assert.ok(performance.now() - started < 50);
});

test('past the forms allowed to wait, a new one is refused at once with Retry-After', async () => {
  const app = appWith({ share: 0.2, burstMs: 5, maxWaiting: 3 });
  const answers = await Promise.all(Array.from({ length: 10 }, () => app.request('/forum/poster', { method: 'POST' })));
  const refused = answers.filter((r) => r.status === 503);
  assert.ok(refused.length >= 5, `${refused.length} refused`);
  assert.ok(refused.every((r) => r.headers.get('retry-after') === '2'));
  assert.ok(answers.filter((r) => r.status === 200).length >= 2, 'the first ones are written');
});
