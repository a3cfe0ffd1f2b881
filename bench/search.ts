// Search benchmark: 100,000 generated French articles (bench/_french-text.ts, seeded), written in big
// transactions with the index maintained by the triggers (migration 011), then a full `reindex`, then 20 varied queries
// (through search(): bounded ranking, visibility, snippets), on SQLite and on PostgreSQL when
// TISSE_TEST_POSTGRES_URL is set. Figures go to docs/benchmarks.md.
//   npx tsx bench/search.ts [articles]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { reindex, search } from '../src/search/search.ts';
import { RANKED_CANDIDATES } from '../src/search/backend.ts';
import { frenchWriter } from './_french-text.ts';
import { table, writeBenchSection } from './report.ts';
import { createTestDatabase, postgresUrl } from '../test/helpers/database.ts';

const ARTICLES = Number(process.argv[2] ?? 100_000);
const PER_TRANSACTION = 10_000;
const PER_STATEMENT = 500;

const queries = [
  'économie', 'coopératives', 'economie sociale', '"économie sociale et solidaire"', 'financement des associations',
  'mutuelles santé', 'épargne solidaire', 'transition énergétique', 'insertion jeunesse', 'Niort',
  'logement habitants coopératif', 'circuits courts producteurs', 'gouvernance démocratique', 'numérique inclusif', 'recyclage réemploi déchets',
  'subventions collectivités', 'utilité sociale', 'ministre loi', 'agrément label', 'innov*',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The articles' generated texts, made once and written to both databases (generation is not timed). */
function generate() {
  const writer = frenchWriter(42);
  return Array.from({ length: ARTICLES }, () => ({ title: writer.title(), lead: writer.lead(), text: writer.text(), postscript: writer.postscript() }));
}

async function fill(db: Db, texts: ReturnType<typeof generate>): Promise<number> {
  const now = new Date().toISOString();
  const section = await db.write((trx) =>
    trx.insertInto('sections').values({ parent_id: null, slug: 'bench', title: 'Banc d’essai', description: '', text: '', position: 0, lang: 'fr', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow(),
  );
  const began = performance.now();
  for (let done = 0; done < ARTICLES; done += PER_TRANSACTION) {
    await db.write(async (trx) => {
      for (let start = done; start < Math.min(done + PER_TRANSACTION, ARTICLES); start += PER_STATEMENT) {
        const rows = [];
        for (let i = start; i < Math.min(start + PER_STATEMENT, ARTICLES); i++) {
          // One article in ten is not public (draft or scheduled): results must leave them out.
          const status = i % 10 === 3 ? 'draft' : 'published';
          const published = new Date(Date.UTC(2010, 0, 1) + i * 3_600_000).toISOString();
          rows.push({
            section_id: section.id, slug: `article-${i}`, surtitle: '', subtitle: '', description: '', ...texts[i]!,
            status: status as 'draft' | 'published', published_at: status === 'published' ? published : null, written_at: null, forum_mode: null, lang: 'fr', glossary_enabled: 1,
            link_title: '', link_url: '', redirect_url: '', created_at: now, updated_at: now,
          });
        }
        await trx.insertInto('articles').values(rows).execute();
      }
    });
    process.stdout.write(`\r  ${Math.min(done + PER_TRANSACTION, ARTICLES)} articles`);
  }
  process.stdout.write('\n');
  return performance.now() - began;
}

async function measure(name: string, db: Db, texts: ReturnType<typeof generate>) {
  await migrateToLatest(db);
  console.log(`${name}: writing ${ARTICLES} articles (index maintained by triggers)…`);
  const writeMs = await fill(db, texts);
  console.log(`${name}: reindex…`);
  const t = performance.now();
  const { indexed } = await reindex(db);
  const reindexMs = performance.now() - t;
  const cold: number[] = [];
  const warm: number[] = [];
  const totals: Record<string, string> = {};
  for (const round of [0, 1, 2, 3]) {
    for (const q of queries) {
      const start = performance.now();
      const result = await search(db, q);
      const ms = performance.now() - start;
      (round === 0 ? cold : warm).push(ms);
      totals[q] = result.totalCapped ? `${result.total}+` : String(result.total);
    }
  }
  cold.sort((a, b) => a - b);
  warm.sort((a, b) => a - b);
  console.log(`${name}: write ${(writeMs / 1000).toFixed(1)} s, reindex ${(reindexMs / 1000).toFixed(1)} s, cold p50 ${percentile(cold, 50).toFixed(1)} p95 ${percentile(cold, 95).toFixed(1)}, warm p50 ${percentile(warm, 50).toFixed(1)} p95 ${percentile(warm, 95).toFixed(1)} ms`);
  return { name, writeMs, reindexMs, indexed, cold, warm, totals };
}

const loadStart = loadavg()[0] ?? 0;
console.log(`generating ${ARTICLES} articles…`);
const texts = generate();
const words = texts.slice(0, 1000).reduce((n, t) => n + [t.title, t.lead, t.text, t.postscript].join(' ').split(/\s+/).length, 0) / Math.min(1000, ARTICLES);
const results: Awaited<ReturnType<typeof measure>>[] = [];
const dir = mkdtempSync(join(tmpdir(), 'tisse-bench-search-'));
try {
  const db = await openDatabase({ dataDir: dir });
  try {
    results.push(await measure('SQLite', db, texts));
  } finally {
    await db.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (postgresUrl) {
  const database = await createTestDatabase();
  const db = await openDatabase({ dataDir: dir, databaseUrl: database.url });
  try {
    results.push(await measure('PostgreSQL', db, texts));
  } finally {
    await db.close();
    await database.drop();
  }
} else console.log('TISSE_TEST_POSTGRES_URL unset: PostgreSQL skipped.');

const ms = (v: number) => v.toFixed(1);
writeBenchSection(
  'search',
  'Search (100,000 French articles)',
  `TISSE_TEST_POSTGRES_URL=… npx tsx bench/search.ts ${ARTICLES}`,
  [
    `${ARTICLES.toLocaleString('en')} generated articles (bench/_french-text.ts: ~${Math.round(words)} words each, a vocabulary of tens of thousands of words with a Zipf–Mandelbrot distribution and per-article topic words; 10 % unpublished), one section. Writes go through the triggers of migration 011 (SQLite: words stemmed in JS by \`tisse_search_stems()\`; PostgreSQL: statement-level triggers) in transactions of ${PER_TRANSACTION.toLocaleString('en')} articles, ${PER_STATEMENT} per INSERT; "reindex" is \`tisse reindex\` (SQLite: refill then FTS5 optimize; PostgreSQL: refill then one GIN build). Query time is the whole \`search()\` call: parsing, a count bounded at 2,001, ranking of a bounded candidate set (decision 010, second amendment: title-or-lead matches first, then body-only ones, each group's ${RANKED_CANDIDATES.toLocaleString('en')} newest ranked), page of 10 with snippets. "Cold" is each query's first run, "warm" the next three. Load average (1 min) at the start ${loadStart.toFixed(1)}, at the end ${(loadavg()[0] ?? 0).toFixed(1)}, on ${cpus().length} cores: above the core count, the machine was shared with other work and times are upper bounds.`,
    '',
    table(
      ['database', 'write + index', 'reindex (full rebuild)', 'objects indexed', 'cold p50', 'cold p95', 'warm p50', 'warm p95', 'slowest'],
      results.map((r) => [r.name, `${(r.writeMs / 1000).toFixed(1)} s`, `${(r.reindexMs / 1000).toFixed(1)} s`, r.indexed, `${ms(percentile(r.cold, 50))} ms`, `${ms(percentile(r.cold, 95))} ms`, `${ms(percentile(r.warm, 50))} ms`, `${ms(percentile(r.warm, 95))} ms`, `${ms(Math.max(...r.cold, ...r.warm))} ms`]),
    ),
    '',
    'Matches per query: ' + queries.map((q) => `\`${q}\` ${results.map((r) => r.totals[q]).join(' / ')}`).join(', ') + ' (SQLite / PostgreSQL).',
  ].join('\n'),
);
