// The hostile-input corpus (test/fixtures/security/xss-vectors.jsonl) and a page trap that records any sign
// of execution: alert/confirm/prompt, javascript: navigation, and requests to the marker host.
import type { Page } from 'playwright-core';
import { readFixtureJsonLines } from './fixtures.ts';

export interface XssVector {
  id: string;
  payload: string;
  kind: 'spip' | 'html';
  note?: string;
}

/** The host the corpus points every third-party resource at (see test/fixtures/security/README.md). */
export const MARKER_HOST = 'xss.invalid';

export function loadXssVectors(): XssVector[] {
  return readFixtureJsonLines<XssVector>('security', 'xss-vectors.jsonl');
}

export interface XssTrap {
  /** Everything that executed or tried to reach outside, since the trap was set. */
  events: string[];
}

/**
 * Arms a page so that any execution is recorded: dialogs are hooked before any script runs, requests to the
 * marker host are recorded, every request outside `allowedOrigin` is aborted, and javascript: navigations are recorded.
 */
export async function armXssTrap(page: Page, allowedOrigin: string): Promise<XssTrap> {
  const trap: XssTrap = { events: [] };
  await page.exposeBinding('__xssFired', (_source, what: string) => {
    trap.events.push(what);
  });
  await page.addInitScript(() => {
    const fire = (what: string) => (window as unknown as { __xssFired: (w: string) => void }).__xssFired(what);
    window.alert = (m?: unknown) => fire(`alert(${String(m)})`);
    window.confirm = (m?: unknown) => {
      fire(`confirm(${String(m)})`);
      return false;
    };
    window.prompt = (m?: unknown) => {
      fire(`prompt(${String(m)})`);
      return null;
    };
  });
  page.on('dialog', (dialog) => {
    trap.events.push(`dialog:${dialog.type()}:${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(allowedOrigin)) return route.continue();
    // Nothing leaves the machine; a request to the marker host means a payload ran or loaded something.
    if (url.includes(MARKER_HOST)) trap.events.push(`request:${route.request().resourceType()}:${url.slice(0, 200)}`);
    return route.abort();
  });
  page.on('framenavigated', (frame) => {
    if (frame.url().startsWith('javascript:')) trap.events.push(`navigation:${frame.url().slice(0, 200)}`);
  });
  return trap;
}
