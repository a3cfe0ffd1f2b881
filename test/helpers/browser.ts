// A real Chromium for UI tests: Debian's /usr/bin/chromium driven by playwright-core, with the flags this
// workplace needs (no sandbox as root, no background networking) and a fresh profile each launch.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { after, before } from 'node:test';
import { startTestSite, type TestSite } from './site.ts';

export const CHROMIUM_PATH = process.env.TISSE_CHROMIUM ?? '/usr/bin/chromium';

export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Whether a file's browser tests run: false, or why they are skipped. A developer without Chromium sees them
 * skipped with a visible message; in CI a missing Chromium is a failure, never a silent skip.
 */
export function browserSkip(what: string): string | false {
  if (browserAvailable()) return false;
  if (process.env.CI) throw new Error(`CI: Chromium (${CHROMIUM_PATH}) is required for ${what}`);
  const reason = `Chromium (${CHROMIUM_PATH}) is not installed: ${what} SKIPPED`;
  console.warn(`⚠ ${reason}`);
  return reason;
}

export interface SiteInBrowser {
  readonly skip: string | false;
  readonly site: TestSite;
  readonly browser: TestBrowser;
}

/** One demo site and one Chromium shared by a test file's tests: started before them, closed after. */
export function siteInBrowser(what: string, prepare?: (site: TestSite) => Promise<void>): SiteInBrowser {
  const skip = browserSkip(what);
  let site: TestSite | undefined;
  let browser: TestBrowser | undefined;
  before(async () => {
    if (skip) return;
    site = await startTestSite('sqlite');
    await prepare?.(site);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    skip,
    get site() {
      return site!;
    },
    get browser() {
      return browser!;
    },
  };
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
