// SPIP import at scale: a seeded generator writes a SPIP-shaped backup (the real backup's table definitions,
// 10,000 articles, 100,000 forum messages, sections, authors, keywords, URLs), then each database imports it in a
// child process of its own, so that its peak RSS is its own. Aim: under 60 s and under 500 MB.
// Usage: node --import tsx bench/import.ts   (PostgreSQL runs when TISSE_BENCH_POSTGRES_URL or TISSE_TEST_POSTGRES_URL is set)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { importSpip } from '../src/importers/spip/importer.ts';
import { fixturePath } from '../test/helpers/fixtures.ts';
import { table, writeBenchSection } from './report.ts';

const ARTICLES = 10_000;
const MESSAGES = 100_000;
const SECTIONS = 200;
const AUTHORS = 300;
const KEYWORDS = 500;

/** mulberry32: the same backup on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = 'économie sociale solidaire coopérative territoire emploi finance association mutuelle pôle innovation transition projet réseau acteurs'.split(' ');

function generate(file: string): void {
  const rnd = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  const date = (year: number) => `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')} 10:00:00`;
  const source = new BetterSqlite3(fixturePath('spip-site', 'labo-ess.sqlite'), { readonly: true });
  const schema = source.prepare("select sql from sqlite_master where type = 'table'").pluck().all() as string[];
  const meta = source.prepare("select * from spip_meta where nom <> 'dump_structure_temp'").all();
  const types = source.prepare('select * from spip_types_documents').all();
  source.close();
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = OFF');
  for (const sql of schema) db.exec(sql);
  const insert = (tableName: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row);
    return db.prepare(`insert into ${tableName} (${columns.join(', ')}) values (${columns.map((c) => '@' + c).join(', ')})`);
  };
  db.transaction(() => {
    for (const row of meta as Record<string, unknown>[]) insert('spip_meta', row).run(row);
    for (const row of types as Record<string, unknown>[]) insert('spip_types_documents', row).run(row);
    for (let id = 1; id <= SECTIONS; id++) {
      const parent = id <= 10 ? 0 : 1 + Math.floor(rnd() * (id - 1));
      db.prepare('insert into spip_rubriques (id_rubrique, id_parent, titre, texte, id_secteur, statut, date) values (?, ?, ?, ?, ?, ?, ?)').run(id, parent, `${id}. ${sentence(3)}`, sentence(40), 1, 'publie', date(2015));
      db.prepare("insert into spip_urls (url, type, id_objet, date) values (?, 'rubrique', ?, ?)").run(`Rubrique-${id}`, id, date(2015));
    }
    const statuses = ['publie', 'publie', 'publie', 'publie', 'prop', 'prepa', 'refuse', 'poubelle'];
    const auteur = insert('spip_auteurs', { id_auteur: 0, nom: '', email: '', login: '', statut: '' });
    for (let id = 1; id <= AUTHORS; id++) auteur.run({ id_auteur: id, nom: `Auteur ${id}`, email: `auteur${id}@example.org`, login: `auteur${id}`, statut: id <= 5 ? '0minirezo' : id <= 100 ? '1comite' : '6forum' });
    const article = db.prepare('insert into spip_articles (id_article, titre, id_rubrique, chapo, texte, date, statut, id_secteur, accepter_forum) values (?, ?, ?, ?, ?, ?, ?, 1, ?)');
    const link = db.prepare("insert into spip_auteurs_liens (id_auteur, id_objet, objet) values (?, ?, 'article')");
    const url = db.prepare("insert into spip_urls (url, type, id_objet, date) values (?, 'article', ?, ?)");
    const mot = db.prepare("insert or ignore into spip_mots_liens (id_mot, id_objet, objet) values (?, ?, 'article')");
    for (let id = 1; id <= ARTICLES; id++) {
      const text = Array.from({ length: 8 }, () => sentence(60)).join('\n\n') + `[[${sentence(10)} [->art${1 + Math.floor(rnd() * ARTICLES)}]]]`;
      const status = pick(statuses);
      article.run(id, `Article ${id} : ${sentence(5)}`, 1 + Math.floor(rnd() * SECTIONS), sentence(30), text, date(2010 + Math.floor(rnd() * 15)), status, pick(['pri', 'pri', 'pos', 'abo', 'non']));
      link.run(1 + Math.floor(rnd() * 100), id);
      if (status === 'publie' || status === 'poubelle') url.run(`Article-${id}-${pick(words)}`.normalize('NFD').replace(/[\u0300-\u036f]/g, ''), id, date(2016));
      for (let k = 0; k < 3; k++) mot.run(1 + Math.floor(rnd() * KEYWORDS), id);
    }
    db.prepare("insert into spip_groupes_mots (id_groupe, titre, tables_liees) values (1, 'Thèmes', 'articles')").run();
    for (let id = 1; id <= KEYWORDS; id++) db.prepare('insert into spip_mots (id_mot, titre, id_groupe) values (?, ?, 1)').run(id, `Mot ${id} ${pick(words)}`);
    const forum = db.prepare("insert into spip_forum (id_forum, id_objet, objet, id_parent, id_thread, date_heure, titre, texte, auteur, email_auteur, statut, ip, id_auteur) values (?, ?, 'article', ?, ?, ?, ?, ?, ?, ?, ?, '192.0.2.1', ?)");
    const threadOf = new Map<number, [number, number]>();
    for (let id = 1; id <= MESSAGES; id++) {
      const reply = id > 10 && rnd() < 0.6;
      const parent = reply ? id - 1 - Math.floor(rnd() * Math.min(id - 1, 50)) : 0;
      const [articleId, thread] = parent ? threadOf.get(parent)! : [1 + Math.floor(rnd() * ARTICLES), id];
      threadOf.set(id, [articleId, thread]);
      forum.run(id, articleId, parent, thread, date(2018), sentence(4), sentence(50), `Lecteur ${id % 997}`, `lecteur${id % 997}@example.org`, pick(['publie', 'publie', 'publie', 'prop', 'off', 'spam']), rnd() < 0.1 ? 1 + Math.floor(rnd() * AUTHORS) : 0);
    }
  })();
  db.close();
}

async function importOnce(dialect: string, file: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-bench-import-'));
  let databaseUrl: string | undefined;
  let dropName: string | undefined;
  const adminUrl = process.env.TISSE_BENCH_POSTGRES_URL ?? process.env.TISSE_TEST_POSTGRES_URL;
  if (dialect === 'postgres') {
    dropName = `tisse_bench_import_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dropName}`);
    await admin.end();
    const u = new URL(adminUrl!);
    u.pathname = `/${dropName}`;
    databaseUrl = u.toString();
  }
  const db = await openDatabase({ dataDir, databaseUrl });
  try {
    await migrateToLatest(db);
    const started = performance.now();
    // Seconds per table written (and before the first: reading and mapping), from the progress calls.
    const phases: Record<string, number> = {};
    let phase = 'read + map';
    let since = started;
    const mark = (next: string) => {
      const now = performance.now();
      phases[phase] = (phases[phase] ?? 0) + (now - since) / 1000;
      phase = next;
      since = now;
    };
    const progress = { start: (label: string) => mark(label), advance: () => {}, stop: () => mark('other writes') };
    const load = loadavg()[0]!;
    const cpu = process.cpuUsage();
    const result = await importSpip(db, file, { dataDir, progress });
    mark('');
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const rows = Object.values(result.written).reduce((a, b) => a + b, 0);
    const figures = {
      seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, rows, phases,
      // The machine is shared: its load average (1 min) before and after, and this process's own CPU time.
      load: [load, loadavg()[0]!], cpuSeconds: (used.user + used.system) / 1e6,
    };
    console.log(JSON.stringify(figures));
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (dropName) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${dropName} with (force)`);
      await admin.end();
    }
  }
}

if (process.argv[2] === '--child') {
  await importOnce(process.argv[3]!, process.argv[4]!);
} else if (process.argv[2] === '--generate') {
  // Writes the backup only, to profile one database: `--generate FILE`, then `--child sqlite|postgres FILE`.
  generate(process.argv[3]!);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'tisse-bench-spip-'));
  const file = join(dir, 'spip-large.sqlite');
  const genStart = performance.now();
  generate(file);
  console.log(`backup generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s`);
  const dialects = ['sqlite', ...(process.env.TISSE_BENCH_POSTGRES_URL ?? process.env.TISSE_TEST_POSTGRES_URL ? ['postgres'] : [])];
  const rows: (string | number)[][] = [];
  for (const dialect of dialects) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', dialect, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`${dialect}: ${child.stderr}`);
    const figures = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      seconds: number; maxRssMb: number; rows: number; phases: Record<string, number>; load: [number, number]; cpuSeconds: number;
    };
    console.log(dialect, figures);
    const { 'read + map': map = 0, 'index de recherche': index = 0 } = figures.phases;
    rows.push([
      dialect, ARTICLES.toLocaleString('en'), MESSAGES.toLocaleString('en'), figures.rows.toLocaleString('en'), `${figures.seconds.toFixed(1)} s`,
      `${map.toFixed(1)} s`, `${(figures.seconds - map - index).toFixed(1)} s`, `${index.toFixed(1)} s`, `${figures.cpuSeconds.toFixed(1)} s`,
      `${Math.round(figures.maxRssMb)} MB`, figures.load.map((l) => l.toFixed(1)).join(' → '),
    ]);
  }
  rmSync(dir, { recursive: true, force: true });
  writeBenchSection(
    'import',
    'SPIP import (bench/import.ts)',
    'TISSE_TEST_POSTGRES_URL=postgres://… node --import tsx bench/import.ts',
    `A seeded SPIP-shaped backup (the real backup's table definitions; ${SECTIONS} sections, ${AUTHORS} authors, ${KEYWORDS} keywords, article URLs, 3 keyword links per article) imported into an empty site, one child process per database; time is the whole import (read, map, one transaction), memory the child's peak RSS. Aim: < 60 s, < 500 MB. ` +
      `The import fills the search index once its rows are in (index triggers suspended inside the transaction; src/search/suspend-index.ts): ` +
      `"search index" is that step, "writes" the rest of the transaction. "Node CPU" is the importing process's own CPU time (PostgreSQL's is not in it). ` +
      `The machine is shared with other engineers' test runs: "load" is its 1-minute load average before → after, on 2 cores; wall times grow with it.\n\n` +
      table(['database', 'articles', 'forum messages', 'rows written', 'import time', 'read + map', 'writes', 'search index', 'Node CPU', 'peak RSS', 'load'], rows),
  );
}
