// A real Chromium for UI tests: Debian's /usr/bin/chromium driven by playwright-core, with the flags this
// workplace needs (no sandbox as root, no background networking) and a fresh profile each launch.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.TISSE_CHROMIUM ?? '/usr/bin/chromium';

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface TestBrowser {
  browser: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'tisse-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser: context,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export type { Browser, Page };

/** Runs axe-core in the page and returns the serious and critical violations (id and first target). */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string; help: string; target: string }[]> {
  // Evaluated rather than added as a <script>: the site's Content-Security-Policy rightly blocks inline scripts.
  await page.evaluate(axeSource());
  const results = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      target: String(v.nodes[0]?.target ?? ''),
    }));
  });
  return (results as { id: string; impact: string; help: string; target: string }[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
}

let axeCache: string | undefined;
function axeSource(): string {
  axeCache ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeCache;
}

/** Where tests save screenshots (created on demand). */
export function resultsDir(): string {
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  return dir;
}
