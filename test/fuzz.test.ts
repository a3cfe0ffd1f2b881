// The fuzz suite: every route the Hono application declares (read from app.routes, so a new route cannot be
// forgotten) is driven with generated hostile values — malformed and out-of-range ids, impossible dates, NUL,
// invalid UTF-8 (raw and percent-encoded), huge and empty values, arrays where one value is expected, XSS
// vectors — on both databases, anonymously and as an administrator with a valid form token. Every answer must
// be below 500, and a refused request (4xx) must leave every row as it was. Then, on SQLite, every page is opened
// in Chromium with the XSS trap armed: whatever the generated writes stored, no script runs.
// Bounded: TISSE_FUZZ_RUNS requests per route (6 by default), one site per database.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import pino from 'pino';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { logIn, type Session } from './helpers/back-office.ts';
import { changedTables, rowSnapshot } from './helpers/row-snapshot.ts';
import { armXssTrap, loadXssVectors } from './helpers/xss.ts';
import { browserSkip, launchBrowser } from './helpers/browser.ts';
import { createApp } from '../src/app.ts';
import { createPageCache } from '../src/web/page-cache.ts';
import { setPassword } from '../src/users/index.ts';

const RUNS = Number(process.env.TISSE_FUZZ_RUNS ?? 6);
const ADMIN = { email: 'admin@example.org', password: 'motdepasse-admin' };

interface Route {
  method: 'GET' | 'POST';
  path: string;
}

/** Every GET and POST route of the application, as Hono holds them (middleware entries are 'ALL'). */
function applicationRoutes(site: TestSite): Route[] {
  const app = createApp({
    db: site.db,
    config: site.config,
    cache: createPageCache({ enabled: false, version: site.db.version }),
    log: pino({ level: 'silent' }),
    storage: site.storage,
  });
  const seen = new Map<string, Route>();
  for (const route of app.routes) {
    if (route.method !== 'GET' && route.method !== 'POST') continue;
    seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
  }
  return [...seen.values()];
}

const xss = loadXssVectors();

/** Stands for a 60,000-character value (expanded when the request is built, so that a counterexample stays readable). */
const HUGE = '<60 000 × é>';
const expand = (value: string) => (value === HUGE ? 'é'.repeat(60_000) : value);

const hostileText = fc.oneof(
  fc.constantFrom(
    '', ' ', '0', '-1', '-3', '1', '2', '3', 'abc', '1e3', '1.5', '0x10', '007', '99999999999999999999', '2147483648', '2147483647', 'NaN',
    '2024-02-30T10:00', '2024-13-45T99:99', '10000-01-01T00:00', '+275760-09-13T00:00', '0000-00-00', '2024-02-29T10:00',
    'nul\u0000octet', '\u0000', 'seul \uD800 demi', '../../etc/passwd', '%00', '%FF', '\r\n\r\nX: y', 'draft', 'published', 'administrator',
    'pri', 'pos', 'abo', 'non', 'validate', 'delete', 'publish', 'schedule', 'fr', 'en',
  ),
  fc.constantFrom(...xss.map((v) => v.payload)),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 20, unit: 'binary' }),
  fc.integer().map(String),
  fc.constant(HUGE),
);

/** A form value: mostly one string, sometimes several where one is expected. */
const fieldValue = fc.oneof({ weight: 4, arbitrary: hostileText.map((v) => [v]) }, { weight: 1, arbitrary: fc.array(hostileText, { minLength: 2, maxLength: 3 }) });

const pathValue = fc.oneof(
  fc.constantFrom('0', '1', '2', '3', '5', '-1', 'abc', '99999999999999999999', '2147483648', '9999999999', '1.5', '%00', '%FF', '%C3%28', 'e%00', 'a'.repeat(3000), '%2e%2e', 'publie'),
  fc.integer({ min: 1, max: 40 }).map(String),
  fc.string({ maxLength: 12 }).map((s) => encodeURIComponent(s)),
);

const QUERY_NAMES = ['q', 'page', 'a', 'de', 'repondre', 'statut', 'rubrique', 'parent', 'groupe', 'retour', 'media', 'fait', 'complet', 'enregistre', 'id_article', 'article'];

type Encoding = 'urlencoded' | 'raw-bytes' | 'multipart' | 'json' | 'empty';

interface Attempt {
  /** A form of the application, sent with a few of its fields replaced; null for a request made of hostile values only. */
  base: [string, Record<string, string[]>] | null;
  params: string[];
  query: [string, string][];
  fields: Record<string, string[]>;
  encoding: Encoding;
  asAdmin: boolean;
}

function attempts(route: Route, fieldNames: string[], bases: [string, Record<string, string[]>][]): fc.Arbitrary<Attempt> {
  const paramCount = (route.path.match(/:[A-Za-z]+|\*/g) ?? []).length;
  return fc.record({
    base: bases.length ? fc.option(fc.constantFrom(...bases), { freq: 2 }) : fc.constant(null),
    params: fc.array(pathValue, { minLength: paramCount, maxLength: paramCount }),
    query: fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), hostileText.map((v) => v.slice(0, 300))), { maxLength: 3 }),
    fields: fc.dictionary(fc.constantFrom(...fieldNames), fieldValue, { maxKeys: 4 }),
    encoding: fc.constantFrom<Encoding>('urlencoded', 'urlencoded', 'urlencoded', 'raw-bytes', 'multipart', 'json', 'empty'),
    asAdmin: fc.boolean().map((b) => b || route.path.startsWith('/ecrire')),
  });
}

/** The route's path with its parameters filled (`:id{[0-9]+}`, `:slug`, `*`). */
function fillPath(path: string, params: string[]): string {
  let i = 0;
  return path.replace(/:[A-Za-z]+(\{[^}]*\})?|\*/g, () => params[i++] ?? '1');
}

function encodeForm(fields: Record<string, string[]>, csrf: string | undefined, encoding: Encoding): { body: Uint8Array | string | undefined; type: string } {
  const all: [string, string][] = Object.entries(fields).flatMap(([name, values]) => values.map((v): [string, string] => [name, expand(v)]));
  if (csrf) all.unshift(['_csrf', csrf]);
  switch (encoding) {
    case 'empty':
      return { body: csrf ? `_csrf=${encodeURIComponent(csrf)}` : '', type: 'application/x-www-form-urlencoded' };
    case 'json':
      return { body: JSON.stringify(Object.fromEntries(all)), type: 'application/json' };
    case 'raw-bytes': {
      const text = new URLSearchParams(all).toString();
      return { body: new Uint8Array(Buffer.concat([Buffer.from(text), Buffer.from('&title=Caf'), Buffer.from([0xff, 0xfe, 0xc3, 0x28])])), type: 'application/x-www-form-urlencoded' };
    }
    case 'multipart': {
      const boundary = 'fuzzBoundary7MA4YWxk';
      const parts = all.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
      return { body: parts.join('') + `--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
    }
    default:
      return { body: new URLSearchParams(all).toString(), type: 'application/x-www-form-urlencoded' };
  }
}

const unescape = (html: string) => html.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** The forms of a page as the browser would send them untouched: action → fields. */
function formsOf(html: string): Map<string, Record<string, string[]>> {
  const forms = new Map<string, Record<string, string[]>>();
  for (const [, action, inner] of html.matchAll(/<form\b[^>]*\baction="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)) {
    const fields: Record<string, string[]> = {};
    const add = (name: string | undefined, value: string) => {
      if (name && name !== '_csrf') (fields[name] ??= []).push(unescape(value));
    };
    for (const [tag] of inner!.matchAll(/<input\b[^>]*>/g)) {
      const type = attribute(tag, 'type') ?? 'text';
      if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(tag)) continue;
      if (type === 'file' || type === 'submit') continue;
      add(attribute(tag, 'name'), attribute(tag, 'value') ?? '');
    }
    for (const [, name, text] of inner!.matchAll(/<textarea\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) add(name, text!);
    for (const [, name, options] of inner!.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
      const chosen = /<option\b[^>]*\bselected\b[^>]*>/.exec(options!)?.[0] ?? /<option\b[^>]*>/.exec(options!)?.[0];
      if (chosen) add(name, attribute(chosen, 'value') ?? '');
    }
    forms.set(unescape(action!), fields);
  }
  return forms;
}

/** The back-office forms (action → fields as sent untouched) and every field name they use. */
async function applicationForms(site: TestSite, session: Session): Promise<{ names: string[]; forms: Map<string, Record<string, string[]>> }> {
  const names = new Set(['title', 'text', 'sectionId', 'publishedAt', 'writtenAt', 'keywordIds', 'authorIds', 'relatedIds', 'forumMode', 'article', 'parent', 'token', 'step', 'email', 'password', 'ids', 'action', 'one']);
  const forms = new Map<string, Record<string, string[]>>();
  for (const page of ['/ecrire/articles/nouveau', '/ecrire/articles/1', '/ecrire/rubriques/nouvelle', '/ecrire/rubriques/1', '/ecrire/mots/nouveau', '/ecrire/mots/1', '/ecrire/mots/groupes/nouveau', '/ecrire/mots/groupes/1', '/ecrire/glossaire/nouveau', '/ecrire/glossaire/1', '/ecrire/auteurs/nouveau', '/ecrire/auteurs/2', '/ecrire/reglages', '/ecrire/reglages/apparence', '/ecrire/documents', '/ecrire/documents/1', '/ecrire/forum']) {
    const html = await (await site.get(page, { headers: { cookie: session.cookie } })).text();
    for (const match of html.matchAll(/\bname="([^"]+)"/g)) if (match[1] !== '_csrf') names.add(match[1]!);
    for (const [action, fields] of formsOf(html)) if (!action.includes('logout')) forms.set(action, fields);
  }
  return { names: [...names], forms };
}

/** The scraped forms whose action this route answers: their fields are a valid base that one or two hostile values then spoil. */
function formsFor(route: Route, forms: Map<string, Record<string, string[]>>): [string, Record<string, string[]>][] {
  const pattern = new RegExp(`^${route.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, '[^/]+').replace(/\*/g, '.*')}$`);
  return [...forms].filter(([action]) => pattern.test(action));
}

forEachDialect('fuzz: every route with hostile input', (dialect) => {
  let site: TestSite;
  let admin: Session;
  let routes: Route[];
  let fieldNames: string[];
  let forms: Map<string, Record<string, string[]>>;
  let adminId: number;
  const started = performance.now();

  before(async () => {
    site = await startTestSite(dialect, { demo: true });
    admin = await logIn(site, ADMIN.email, ADMIN.password);
    adminId = (await site.db.kysely.selectFrom('users').select('id').where('email', '=', ADMIN.email).executeTakeFirstOrThrow()).id;
    routes = applicationRoutes(site);
    ({ names: fieldNames, forms } = await applicationForms(site, admin));
  });
  after(() => site.close());

  /** The fuzz may log the administrator out, demote or rename them: put them back and log in again. */
  async function keepAdmin(): Promise<void> {
    const home = await site.get('/ecrire/', { headers: { cookie: admin.cookie } });
    await home.text();
    if (home.status === 200) return;
    await site.db.write((trx) => trx.updateTable('users').set({ role: 'administrator', email: ADMIN.email }).where('id', '=', adminId).execute());
    await setPassword(site.db, ADMIN.email, ADMIN.password);
    await site.db.write((trx) => trx.deleteFrom('rate_limits').execute());
    admin = await logIn(site, ADMIN.email, ADMIN.password);
  }

  test('the route list comes from the application and covers the site and the back office', () => {
    assert.ok(routes.length >= 60, `${routes.length} routes`);
    for (const expected of ['POST /ecrire/login', 'POST /forum/poster', 'GET /:slug', 'POST /ecrire/articles/nouveau', 'POST /ecrire/articles/apercu']) {
      assert.ok(routes.some((r) => `${r.method} ${r.path}` === expected), expected);
    }
  });

  async function backupsSettled(): Promise<void> {
    for (let tries = 0; tries < 200; tries++) {
      const busy = await site.db.kysely.selectFrom('jobs').select('id').where('type', '=', 'backup').where('status', 'in', ['queued', 'running']).where('run_at', '<=', new Date().toISOString()).executeTakeFirst();
      if (!busy) return;
      await site.jobs.runDue();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  test('every route, hostile values: no 5xx, and nothing written when refused', { timeout: 600_000 }, async () => {
    let requests = 0;
    assert.ok(forms.size >= 15, `${forms.size} forms to start from`);
    const statuses = new Map<number, number>();
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(attempts(route, fieldNames, route.method === 'POST' ? formsFor(route, forms) : []), async (attempt) => {
          const path = attempt.base ? attempt.base[0] : fillPath(route.path, attempt.params);
          const url = path + (attempt.query.length ? `${path.includes('?') ? '&' : '?'}${new URLSearchParams(attempt.query)}` : '');
          const fields = attempt.base ? { ...attempt.base[1], ...attempt.fields } : attempt.fields;
          const headers: Record<string, string> = { origin: site.url };
          if (attempt.asAdmin) headers.cookie = admin.cookie;
          let body: Uint8Array | string | undefined;
          if (route.method === 'POST') {
            const form = encodeForm(fields, attempt.asAdmin ? admin.csrf : undefined, attempt.encoding);
            body = form.body;
            headers['content-type'] = form.type;
          }
          const before = await rowSnapshot(site.db);
          const response = await site.get(url, { method: route.method, headers, ...(body === undefined ? {} : { body: body as BodyInit }) });
          await response.arrayBuffer();
          requests++;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          assert.ok(response.status < 500, `${route.method} ${url.slice(0, 200)} → ${response.status}`);
          if (response.status >= 400) {
            const changed = changedTables(before, await rowSnapshot(site.db));
            assert.deepEqual(changed, [], `${route.method} ${url.slice(0, 200)} → ${response.status} changed ${changed.join(', ')}`);
          }
          if (route.method === 'POST') await keepAdmin();
          // « Sauvegarder maintenant » starts a backup job: it runs before the next request is judged on its rows.
          if (route.path === '/ecrire/sauvegardes/maintenant') await backupsSettled();
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`fuzz [${dialect}]: ${routes.length} routes, ${requests} requests, ${seconds} s, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  });

  test('whatever was stored, no page runs a script', { skip: dialect === 'postgres' ? 'one browser pass (SQLite) is enough' : browserSkip('the fuzz suite’s XSS pass') }, async () => {
    await keepAdmin();
    const ids = async (table: 'articles' | 'sections' | 'keywords' | 'keyword_groups' | 'glossary_terms' | 'documents' | 'users') =>
      (await site.db.kysely.selectFrom(table).select('id').orderBy('id', 'desc').limit(3).execute()).map((r) => String(r.id));
    const slugs = (await site.db.kysely.selectFrom('urls').select('path').where('is_current', '=', 1).orderBy('path').limit(40).execute()).map((r) => r.path);
    const articleIds = await ids('articles');
    const pages = new Set<string>([...slugs, '/', '/plan', '/glossaire', '/recherche?q=script', '/ecrire/', '/ecrire/articles', '/ecrire/rubriques', '/ecrire/mots', '/ecrire/glossaire', '/ecrire/auteurs', '/ecrire/documents', '/ecrire/reglages', '/ecrire/reglages/apparence', '/ecrire/forum']);
    for (const id of articleIds) ['/ecrire/articles/', '/forum/ecrire/'].forEach((prefix) => pages.add(prefix + id)), pages.add(`/ecrire/articles/${id}/revisions`);
    for (const id of await ids('sections')) pages.add(`/ecrire/rubriques/${id}`);
    for (const id of await ids('keywords')) pages.add(`/ecrire/mots/${id}`);
    for (const id of await ids('glossary_terms')) pages.add(`/ecrire/glossaire/${id}`);
    for (const { slug } of await site.db.kysely.selectFrom('glossary_terms').select('slug').orderBy('id', 'desc').limit(3).execute()) pages.add(`/glossaire/${slug}`);
    pages.add('/archives');
    for (const id of await ids('users')) pages.add(`/ecrire/auteurs/${id}`);
    for (const id of await ids('documents')) pages.add(`/ecrire/documents/${id}`);
    const browser = await launchBrowser();
    try {
      const [name, value] = admin.cookie.split('=') as [string, string];
      await browser.browser.addCookies([{ name, value, url: site.url }]);
      const page = await browser.newPage();
      const trap = await armXssTrap(page, site.url);
      for (const path of pages) {
        await page.goto(site.url + path, { waitUntil: 'load' });
        await page.waitForTimeout(20);
      }
      assert.deepEqual(trap.events, [], `${pages.size} pages`);
    } finally {
      await browser.close();
    }
  });
});
