// Public lists at 10,000 articles (decision 017): the LAST page of a big section (its own articles and its
// sub-sections'), the last page of a flat section, the last page of /archives, and one month of the archive,
// each requested over HTTP from a running site with the page cache off (every request renders and queries), on
// SQLite and on PostgreSQL when TISSE_TEST_POSTGRES_URL is set. Then the list query alone (page + count) with the
// indexes of migration 028, and again with the indexes it replaced: the measured reason for the migration.
//   npm run bench -- public-lists
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { sql } from 'kysely';
import { loadConfig } from '../src/kernel/config.ts';
import { startSite, type RunningSite } from '../src/server.ts';
import type { Db } from '../src/db/connect.ts';
import { createSection } from '../src/sections/index.ts';
import { countPublicArticles, listPublicArticles, loadPublicSectionTree } from '../src/articles/index.ts';
import { PAGE_SIZE } from '../src/site/pagination.ts';
import { table, writeBenchSection } from './report.ts';
import { createTestDatabase, postgresUrl } from '../test/helpers/database.ts';

const ARTICLES = 10_000;
const REQUESTS = 200;
const WARMUP = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * 10,000 articles, one in ten unpublished, one every 12 hours from 2012 on: a big section with three sub-sections
 * (a quarter of the site), a flat section (another quarter), the rest spread over 18 small sections.
 */
async function fill(db: Db): Promise<{ bigSlug: string; flatSlug: string }> {
  const big = await createSection(db, { title: 'Grande rubrique' });
  const subs = [];
  for (let i = 0; i < 3; i++) subs.push(await createSection(db, { title: `Sous-rubrique ${i}`, parentId: big.id }));
  const flat = await createSection(db, { title: 'Rubrique plate' });
  const small: { id: number }[] = [];
  for (let i = 0; i < 18; i++) small.push(await createSection(db, { title: `Petite rubrique ${i}` }));
  const bigFamily = [big.id, ...subs.map((s) => s.id)];
  const now = new Date().toISOString();
  await db.write(async (trx) => {
    for (let from = 0; from < ARTICLES; from += 500) {
      const rows = [];
      for (let i = from; i < Math.min(from + 500, ARTICLES); i++) {
        const quarter = i % 4;
        const section = quarter === 0 ? bigFamily[i % bigFamily.length]! : quarter === 1 ? flat.id : small[i % small.length]!.id;
        const status = i % 10 === 7 ? 'draft' : 'published';
        rows.push({
          section_id: section, slug: `article-${i}`, title: `Article ${i}`, surtitle: '', subtitle: '', description: `Description de l’article ${i}.`, lead: '', text: `Texte ${i}.`, postscript: '',
          status: status as 'draft' | 'published', published_at: new Date(Date.UTC(2012, 0, 1) + i * 43_200_000).toISOString(), written_at: null, forum_mode: null, lang: 'fr', glossary_enabled: 1,
          link_title: '', link_url: '', redirect_url: '', created_at: now, updated_at: now,
        });
      }
      const ids = await trx.insertInto('articles').values(rows).returning(['id', 'slug']).execute();
      await trx.insertInto('urls').values(ids.map((a) => ({ path: `/${a.slug}`, object_type: 'article' as const, object_id: a.id, is_current: 1, created_at: now }))).execute();
    }
  });
  return { bigSlug: big.slug, flatSlug: flat.slug };
}

async function timeRequests(site: RunningSite, path: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const started = performance.now();
    const response = await fetch(site.url + path);
    await response.text();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function timeQuery(run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const started = performance.now();
    await run();
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** A page as a single `select … order by … limit offset`: every skipped row read from the table. */
async function oneQueryPage(db: Db, offset: number) {
  return db.kysely
    .selectFrom('articles')
    .select(['id', 'slug', 'title', 'surtitle', 'description', 'published_at', 'section_id'])
    .where('status', '=', 'published')
    .where('published_at', '<=', new Date().toISOString())
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE)
    .offset(offset)
    .execute();
}

/** The indexes 028 replaced, instead of its own: the list queries as they ran before it. */
async function useOldIndexes(db: Db): Promise<void> {
  await sql`drop index articles_public_order`.execute(db.kysely);
  await sql`drop index articles_section_order`.execute(db.kysely);
  await sql`create index articles_published on articles (status, published_at)`.execute(db.kysely);
  await sql`create index articles_section on articles (section_id, status, published_at)`.execute(db.kysely);
  await (db.dialect.name === 'postgres' ? sql`vacuum analyze articles` : sql`analyze`).execute(db.kysely);
}

interface Figures {
  name: string;
  pages: [string, number[]][];
  queries: [string, number[], number[]][];
}

async function measure(name: string, databaseUrl: string | undefined): Promise<Figures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-bench-lists-'));
  const config = loadConfig({
    TISSE_PORT: '0', TISSE_HOST: '127.0.0.1', TISSE_DATA_DIR: dataDir, TISSE_PAGE_CACHE: 'off',
    TISSE_ADMIN_EMAIL: 'admin@example.org', TISSE_ADMIN_PASSWORD: 'motdepasse-admin',
    ...(databaseUrl ? { TISSE_DATABASE_URL: databaseUrl } : {}),
  });
  const site = await startSite(config, { demo: false, log: pino({ level: 'silent' }) });
  try {
    console.log(`${name}: writing ${ARTICLES} articles…`);
    const { bigSlug, flatSlug } = await fill(site.db);
    // As autovacuum leaves a table at rest: PostgreSQL's index-only scans need the visibility map it writes.
    await (databaseUrl ? sql`vacuum analyze articles` : sql`analyze`).execute(site.db.kysely);
    const tree = await loadPublicSectionTree(site.db);
    const big = [...tree.byId.values()].find((s) => s.slug === bigSlug)!;
    const bigFilter = { sectionIds: tree.subtree(big.id) };
    const flat = [...tree.byId.values()].find((s) => s.slug === flatSlug)!;
    const flatFilter = { sectionIds: [flat.id] };
    const lastPage = async (filter: object) => Math.max(1, Math.ceil((await countPublicArticles(site.db, filter)) / PAGE_SIZE));
    const [bigLast, flatLast, allLast] = [await lastPage(bigFilter), await lastPage(flatFilter), await lastPage({})];
    const pagesOf: [string, string][] = [
      [`section with 3 sub-sections, last page (${bigLast})`, `/rubrique/${bigSlug}?page=${bigLast}`],
      [`flat section, last page (${flatLast})`, `/rubrique/${flatSlug}?page=${flatLast}`],
      [`/archives, last page (${allLast})`, `/archives?page=${allLast}`],
      ['one month: /archives/2015/06', '/archives/2015/06'],
      ['one month, page 2: /archives/2015/06?page=2', '/archives/2015/06?page=2'],
    ];
    const pages: [string, number[]][] = [];
    for (const [label, path] of pagesOf) {
      pages.push([label, await timeRequests(site, path)]);
      console.log(`${name}: ${label} p50 ${percentile(pages.at(-1)![1], 50).toFixed(1)} ms`);
    }
    const listQueries: [string, () => Promise<unknown>][] = [
      ['big section, last page + count', () => Promise.all([listPublicArticles(site.db, { ...bigFilter, limit: PAGE_SIZE, offset: (bigLast - 1) * PAGE_SIZE }), countPublicArticles(site.db, bigFilter)])],
      ['flat section, last page + count', () => Promise.all([listPublicArticles(site.db, { ...flatFilter, limit: PAGE_SIZE, offset: (flatLast - 1) * PAGE_SIZE }), countPublicArticles(site.db, flatFilter)])],
      ['all articles, last page', () => listPublicArticles(site.db, { limit: PAGE_SIZE, offset: (allLast - 1) * PAGE_SIZE })],
      // The same page read in one query, whole rows found then skipped: what listPublicArticles avoids.
      ['all articles, last page, in one query', () => oneQueryPage(site.db, (allLast - 1) * PAGE_SIZE)],
    ];
    const withNew: number[][] = [];
    for (const [, run] of listQueries) withNew.push(await timeQuery(run));
    await useOldIndexes(site.db);
    const withOld: number[][] = [];
    for (const [, run] of listQueries) withOld.push(await timeQuery(run));
    return { name, pages, queries: listQueries.map(([label], i) => [label, withNew[i]!, withOld[i]!]) };
  } finally {
    await site.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const loadStart = loadavg()[0] ?? 0;
const results: Figures[] = [await measure('SQLite', undefined)];
if (postgresUrl) {
  const database = await createTestDatabase();
  try {
    results.push(await measure('PostgreSQL', database.url));
  } finally {
    await database.drop();
  }
} else console.log('TISSE_TEST_POSTGRES_URL unset: PostgreSQL skipped.');

const ms = (v: number) => `${v.toFixed(1)} ms`;
writeBenchSection(
  'public-lists',
  'Public lists in numbered pages (10,000 articles)',
  'TISSE_TEST_POSTGRES_URL=… npm run bench -- public-lists',
  [
    `${ARTICLES.toLocaleString('en')} articles (one in ten a draft), one every 12 hours from 2012: a section with three sub-sections holding a quarter of them, a flat section another quarter, the rest in 18 small sections. Pages of ${PAGE_SIZE}, requested one after the other over loopback from a running site with the page cache off (\`TISSE_PAGE_CACHE=off\`): each request counts, queries its page by \`LIMIT/OFFSET\` and renders the theme. ${WARMUP} requests of warm-up, then ${REQUESTS} timed. Load average (1 min) at the start ${loadStart.toFixed(1)}, at the end ${(loadavg()[0] ?? 0).toFixed(1)}, on ${cpus().length} cores: above the core count, the machine was shared and times are upper bounds.`,
    '',
    table(
      ['database', 'page', 'p50', 'p95'],
      results.flatMap((r) => r.pages.map(([label, times]) => [r.name, label, ms(percentile(times, 50)), ms(percentile(times, 95))])),
    ),
    '',
    'The list query alone (the page and the count, as the route runs them; the page\'s ids found in the index first, then its 20 rows read, except in the last line), with the indexes of migration 028 (`status, published_at desc, id desc` and `section_id, status, published_at desc, id desc`) and with those it replaced (`status, published_at` and `section_id, status, published_at`):',
    '',
    table(
      ['database', 'query', 'p50, 028', 'p95, 028', 'p50, before 028', 'p95, before 028'],
      results.flatMap((r) => r.queries.map(([label, withNew, withOld]) => [r.name, label, ms(percentile(withNew, 50)), ms(percentile(withNew, 95)), ms(percentile(withOld, 50)), ms(percentile(withOld, 95))])),
    ),
  ].join('\n'),
);
