// Every payload of the hostile-input corpus (test/fixtures/security/xss-vectors.jsonl), rendered by the markup
// engine with the forum profile and with the article profile, is opened in Chromium: nothing may run
// (alert/confirm/prompt, javascript: navigation) and nothing may reach the marker host. One exception,
// for the article profile only: an `<img>` with an external http(s) source is content editors may use;
// such image requests are listed, not failed. Payloads are batched many per page to keep this fast.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { propre } from '../../src/markup/index.ts';
import { browserSkip, launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { armXssTrap, loadXssVectors, type XssVector } from '../helpers/xss.ts';

const BATCH = 60;
const skip = browserSkip('the browser XSS test of the markup engine');

const pages = new Map<string, string>();
let server: Server;
let origin = '';
let browser: TestBrowser;

function pageFor(vectors: XssVector[], profile: 'article' | 'forum'): string {
  const body = vectors
    .map((v) => {
      const out = propre(v.payload, { profile });
      return `<section data-case="${v.id}">${out.html}${out.notes ? `<div class="notes">${out.notes}</div>` : ''}</section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>xss</title></head><body>${body}</body></html>`;
}

before(async () => {
  if (skip) return;
  server = createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test('the trap sees a payload that runs (canary)', { skip }, async () => {
  pages.set('/canary', '<!doctype html><title>c</title><img src=x onerror="alert(1)"><img src="http://xss.invalid/c.png"><a id=l href="javascript:alert(2)">l</a>');
  const page = await browser.newPage();
  const trap = await armXssTrap(page, origin);
  await page.goto(`${origin}/canary`, { waitUntil: 'load' });
  await page.waitForTimeout(250);
  await page.close();
  assert.ok(trap.events.some((e) => e.includes('alert')), `no alert seen: ${trap.events.join(', ')}`);
  assert.ok(trap.events.some((e) => e.startsWith('request:image:http://xss.invalid')), `no marker request seen: ${trap.events.join(', ')}`);
});

for (const profile of ['forum', 'article'] as const) {
  test(`xss corpus rendered with the ${profile} profile executes nothing in Chromium`, { skip, timeout: 240_000 }, async () => {
    const vectors = loadXssVectors();
    assert.ok(vectors.length > 800, 'corpus loaded');
    const failures: string[] = [];
    const allowedImages: string[] = [];
    for (let k = 0; k < vectors.length; k += BATCH) {
      const batch = vectors.slice(k, k + BATCH);
      const path = `/${profile}/${k}`;
      pages.set(path, pageFor(batch, profile));
      const page = await browser.newPage();
      const trap = await armXssTrap(page, origin);
      await page.goto(origin + path, { waitUntil: 'load' });
      // timers, animations and deferred handlers get their chance to fire
      await page.waitForTimeout(250);
      await page.close();
      for (const e of trap.events) {
        if (profile === 'article' && e.startsWith('request:image:')) allowedImages.push(e);
        else failures.push(`${e} (one of ${batch[0]?.id}…${batch[batch.length - 1]?.id})`);
      }
    }
    if (allowedImages.length) console.log(`# ${profile}: ${allowedImages.length} external image request(s) from allowed <img> (editor content)`);
    assert.deepEqual(failures, []);
  });
}
