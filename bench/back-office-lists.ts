// Back-office lists at scale (issue 18): 10,000 articles (200 sections, 300 authors, every status) and 100,000 forum
// messages, then the article list — unfiltered, and filtered by status and searched on titles — at its first and
// last page, the related-articles picker's search, and the moderation queue at its first and last page, each
// asked 40 times in a row over HTTP by a logged-in administrator (the page cache never answers for a session):
// p50 and p95 of the whole request, SQLite and PostgreSQL. Aim: p95 under 50 ms.
// Usage: node --import tsx bench/back-office-lists.ts   (PostgreSQL runs when TISSE_TEST_POSTGRES_URL is set)
import { startTestSite, type TestSite } from '../test/helpers/site.ts';
import { logIn } from '../test/helpers/back-office.ts';
import type { TestDialect } from '../test/helpers/database.ts';
import { loadavg } from 'node:os';
import { table, writeBenchSection } from './report.ts';
import { ARTICLES, MESSAGES, fill } from './_back-office-data.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(site: TestSite, cookie: string, path: string): Promise<{ p50: number; p95: number; status: number }> {
  let status = 0;
  const times: number[] = [];
  for (let n = 0; n < WARMUP + RUNS; n++) {
    const started = performance.now();
    const response = await site.get(path, { headers: { cookie } });
    await response.arrayBuffer();
    status = response.status;
    if (n >= WARMUP) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), status };
}

/** The number of pages a list says it has ("page 1 sur N"). */
async function lastPage(site: TestSite, cookie: string, path: string): Promise<number> {
  const html = await (await site.get(path, { headers: { cookie } })).text();
  return Number(/page 1 sur (\d+)/.exec(html)?.[1] ?? 1);
}

const loadAtStart = loadavg()[0]!;
const dialects: TestDialect[] = process.env.TISSE_TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];
const rows: (string | number)[][] = [];
for (const dialect of dialects) {
  const site = await startTestSite(dialect, { demo: false });
  try {
    const loadStarted = performance.now();
    await fill(site);
    console.log(`${dialect}: data loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);
    const { cookie } = await logIn(site, 'admin@example.org', 'motdepasse-admin');
    const searched = '/ecrire/articles?q=economie&statut=published';
    const cases: [string, string][] = [
      // The fixed cost of a back-office request (session, one count of no row, JSON), to read the others against.
      ['Picker search finding nothing (baseline)', '/ecrire/articles/choix?q=zzzz'],
      ['Articles, “Tous”, page 1', '/ecrire/articles'],
      ['Articles, “Tous”, last page', `/ecrire/articles?page=${await lastPage(site, cookie, '/ecrire/articles')}`],
      ['Articles, published + “economie”, page 1', searched],
      ['Articles, published + “economie”, last page', `${searched}&page=${await lastPage(site, cookie, searched)}`],
      ['Articles, sorted by title, page 100', '/ecrire/articles?tri=titre&ordre=asc&page=100'],
      ['Picker search “cooperative”', '/ecrire/articles/choix?q=cooperative'],
      ['Moderation, pending, page 1', '/ecrire/forum'],
      ['Moderation, published, last page', `/ecrire/forum?statut=published&page=${await lastPage(site, cookie, '/ecrire/forum?statut=published')}`],
      ['Moderation, search “lecteur 12”', '/ecrire/forum?statut=published&q=lecteur%2012'],
    ];
    for (const [name, path] of cases) {
      const result = await measure(site, cookie, path);
      if (result.status !== 200) throw new Error(`${path}: ${result.status}`);
      console.log(`${dialect}  ${name}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms`);
      rows.push([dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL', name, `\`${path}\``, result.p50.toFixed(1), result.p95.toFixed(1)]);
    }
  } finally {
    await site.close();
  }
}

writeBenchSection(
  'back-office-lists',
  'Back-office lists (issue 18)',
  'TISSE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/back-office-lists.ts',
  [
    `${ARTICLES.toLocaleString('en')} articles (200 sections, 300 authors, every status: about 55 % published, 9 % in the trash), ${MESSAGES.toLocaleString('en')} public forum messages (64 % published, 18 % pending), loaded by bulk inserts through the triggers (folded titles, search index). Each page is asked ${RUNS} times in a row after ${WARMUP} warm-up requests, by a logged-in full administrator over HTTP on loopback (whole request: session, query, count, render); p50/p95 in milliseconds. PostgreSQL is vacuumed and analysed after the load (what autovacuum would do); SQLite is used as installed (no ANALYZE). Aim: p95 < 50 ms. Load average when the run started: ${loadAtStart.toFixed(1)} (the machine is shared: figures above 1 per core are slowed by other work).`,
    '',
    table(['Database', 'List', 'Address', 'p50 (ms)', 'p95 (ms)'], rows),
  ].join('\n'),
);
