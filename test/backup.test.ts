// Backups and restores as an operator makes them (issue 21, item 1): `tisse backup` in a child process while the
// site serves, `tisse restore` into an empty data directory on SQLite and on PostgreSQL, from either: the
// restored site's public pages, documents, accounts and forum are the same. A backup taken while the site writes
// is one consistent moment. Damaged, truncated, newer and misplaced archives are refused with nothing changed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import * as tar from 'tar';
import { sql } from 'kysely';
import { createTestDatabase, postgresUrl, type TestDialect } from './helpers/database.ts';
import { forEachDialect, startTestSite, type TestSite } from './helpers/site.ts';
import { rowSnapshot } from './helpers/row-snapshot.ts';
import { attachDocument, uploadDocument } from '../src/documents/index.ts';
import { createSection } from '../src/sections/index.ts';
import { nowIso } from '../src/db/time.ts';
import { openDatabase } from '../src/db/connect.ts';

const cli = join(process.cwd(), 'src', 'cli.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `tisse …` in a child process, asynchronously: the site of this process keeps serving meanwhile. */
function tisse(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', cli, ...args], { env: { ...process.env, TISSE_LOG_LEVEL: 'silent', TISSE_DATABASE_URL: '', ...env }, timeout: 240_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const siteEnv = (dataDir: string, databaseUrl?: string) => ({ TISSE_DATA_DIR: dataDir, TISSE_DATABASE_URL: databaseUrl ?? '' });

/** An empty place for a site: a data directory, and a fresh PostgreSQL database for that dialect. */
async function emptySite(dialect: TestDialect): Promise<{ dataDir: string; databaseUrl: string | undefined; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tisse-restored-'));
  const database = dialect === 'postgres' ? await createTestDatabase() : undefined;
  return {
    dataDir,
    databaseUrl: database?.url,
    async drop() {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a reader and the team would notice: every public article page, every document's bytes, accounts, forum. */
async function siteState(site: TestSite): Promise<{ pages: Record<string, string>; files: Record<string, string>; users: string; forum: string }> {
  const articles = await site.db.kysely.selectFrom('articles').select('slug').where('status', '=', 'published').orderBy('id').execute();
  const pages: Record<string, string> = {};
  for (const { slug } of [...articles, { slug: '' }]) {
    const response = await site.get(`/${slug}`);
    assert.equal(response.status, 200, `/${slug}`);
    pages[`/${slug}`] = (await response.text()).replaceAll(site.url, 'ORIGINE');
  }
  const files: Record<string, string> = {};
  const root = join(site.config.dataDir, 'documents');
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[relative(root, join(entry.parentPath, entry.name))] = createHash('sha256').update(readFileSync(join(entry.parentPath, entry.name))).digest('hex');
  }
  for (const doc of await site.db.kysely.selectFrom('documents').select('file').execute()) {
    const response = await site.get(`/documents/${doc.file}`);
    assert.equal(response.status, 200, doc.file);
    files[`http:${doc.file}`] = createHash('sha256').update(new Uint8Array(await response.arrayBuffer())).digest('hex');
  }
  const users = JSON.stringify(await site.db.kysely.selectFrom('users').selectAll().orderBy('id').execute());
  // A message's html is made from its text (forum/message-html.ts), again by a site that starts on rows without it.
  const forum = JSON.stringify((await site.db.kysely.selectFrom('forum_messages').selectAll().orderBy('id').execute()).map(({ html: _html, html_version: _version, ...row }) => row));
  return { pages, files, users, forum };
}

const targets: TestDialect[] = postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];

forEachDialect('backup and restore', (dialect) => {
  let site: TestSite;
  let archive: string;
  let work: string;
  let before_: Awaited<ReturnType<typeof siteState>>;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'tisse-backup-test-'));
    site = await startTestSite(dialect, { demo: true });
    const db = site.db;
    // A section moved under a younger one: its parent's id is larger than its own (rows must load parents first).
    const older = await createSection(db, { title: 'Rubrique déplacée' });
    const younger = await createSection(db, { title: 'Nouvelle rubrique mère' });
    await db.write((trx) => trx.updateTable('sections').set({ parent_id: younger.id }).where('id', '=', older.id).execute());
    // An image attached to a published article: the page shows it, its sizes are made on the first view.
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 15, g: 94, b: 86 } } }).png().toBuffer();
    const image = await uploadDocument(db, { originalName: 'maison-de-l-ess.png', bytes: new Uint8Array(png), title: 'La maison de l’ESS' }, { dataDir: site.config.dataDir });
    const published = await db.kysely.selectFrom('articles').select(['id', 'slug']).where('status', '=', 'published').orderBy('id').execute();
    await attachDocument(db, image.id, published[0]!.id);
    // A thread: a published message and its reply.
    await db.write(async (trx) => {
      const message = { kind: 'public' as const, article_id: published[0]!.id, thread_id: null, status: 'published' as const, title: '', author_email: 'l@example.org', author_url: '', user_id: null, ip: '127.0.0.1', created_at: nowIso(), moderated_at: null, moderated_by: null };
      const first = await trx.insertInto('forum_messages').values({ ...message, parent_id: null, text: 'Très bon article sur l’économie sociale.', author_name: 'Lectrice' }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('forum_messages').values({ ...message, parent_id: first.id, text: 'Merci, je réponds.', author_name: 'Auteur' }).execute();
    });
    before_ = await siteState(site);
    const made = await tisse(['backup', '--to', join(work, 'site.tar.gz')], siteEnv(site.config.dataDir, site.config.databaseUrl));
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /Sauvegarde écrite/);
    archive = join(work, 'site.tar.gz');
  });
  after(async () => {
    await site.close();
    rmSync(work, { recursive: true, force: true });
  });

  for (const target of targets) {
    test(`restored into an empty ${target} site: the same pages, documents, accounts and forum`, async () => {
      const empty = await emptySite(target);
      try {
        const restored = await tisse(['restore', archive], siteEnv(empty.dataDir, empty.databaseUrl));
        assert.equal(restored.code, 0, restored.stderr);
        assert.match(restored.stdout, /Restauration terminée/);
        const copy = await startTestSite(target, { demo: false, at: { dataDir: empty.dataDir, databaseUrl: empty.databaseUrl } });
        try {
          const after_ = await siteState(copy);
          assert.deepEqual(Object.keys(after_.pages), Object.keys(before_.pages));
          for (const path of Object.keys(before_.pages)) assert.equal(after_.pages[path], before_.pages[path], `page ${path}`);
          assert.deepEqual(after_.files, before_.files);
          assert.equal(after_.users, before_.users);
          assert.equal(after_.forum, before_.forum);
          // Derived data is made again: the search finds the restored articles, and new rows get new ids.
          const search = await (await copy.get('/recherche?q=maison')).text();
          assert.match(search, /ORIGINE|href="\//);
          const fresh = await createSection(copy.db, { title: 'Après la restauration' });
          assert.ok(fresh.id > Math.max(...(await copy.db.kysely.selectFrom('sections').select('id').where('id', '!=', fresh.id).execute()).map((s) => s.id)));
        } finally {
          await copy.close();
        }
      } finally {
        await empty.drop();
      }
    });
  }

  test('a restore onto a site with content is refused without --force, and nothing changes', async () => {
    const empty = await emptySite(dialect);
    try {
      assert.equal((await tisse(['restore', archive], siteEnv(empty.dataDir, empty.databaseUrl))).code, 0);
      const db = await openDatabase({ dataDir: empty.dataDir, databaseUrl: empty.databaseUrl });
      const snapshot = await rowSnapshot(db);
      await db.close();
      const again = await tisse(['restore', archive], siteEnv(empty.dataDir, empty.databaseUrl));
      assert.equal(again.code, 1);
      assert.match(again.stderr, /n’est pas vide .*--force/);
      assert.doesNotMatch(again.stderr, /at .*\.ts:\d+/);
      const reopened = await openDatabase({ dataDir: empty.dataDir, databaseUrl: empty.databaseUrl });
      assert.deepEqual(await rowSnapshot(reopened), snapshot);
      await reopened.close();
      const forced = await tisse(['restore', archive, '--force'], siteEnv(empty.dataDir, empty.databaseUrl));
      assert.equal(forced.code, 0, forced.stderr);
    } finally {
      await empty.drop();
    }
  });

  test('a restore into a site that is running is refused: stop it first', async () => {
    const refused = await tisse(['restore', archive, '--force'], siteEnv(site.config.dataDir, site.config.databaseUrl));
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /le site tourne \(processus \d+\)/);
    assert.equal((await site.get('/')).status, 200);
  });

  test('truncated, flipped, tampered and newer archives are refused with a French sentence, the site unchanged', async () => {
    const bytes = readFileSync(archive);
    const truncated = join(work, 'tronquee.tar.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const flipped = join(work, 'octet.tar.gz');
    const copy = Buffer.from(bytes);
    copy[Math.floor(copy.length / 2)]! ^= 0x40;
    writeFileSync(flipped, copy);
    // Repacked archives: valid gzip and tar, but a data file that is not what the manifest says, or a schema
    // this Tisse does not know.
    const tampered = await repack(archive, join(work, 'alteree'), (dir) => {
      const file = join(dir, 'data', 'users.jsonl');
      writeFileSync(file, readFileSync(file, 'utf8').replace('Administrateur', 'Intrus'));
    });
    const newer = await repack(archive, join(work, 'future'), (dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      manifest.migrations.push('090-une-migration-future');
      manifest.tisseVersion = '9.0.0';
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    });

    // A site with content, restored onto with --force: even then, a bad archive changes nothing.
    const target = await emptySite(dialect);
    try {
      assert.equal((await tisse(['restore', archive], siteEnv(target.dataDir, target.databaseUrl))).code, 0);
      const db = await openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
      await db.write((trx) => trx.updateTable('settings').set({ value: JSON.stringify('Le site d’avant') }).where('key', '=', 'name').execute());
      const snapshot = await rowSnapshot(db);
      await db.close();
      const documents = readdirSync(join(target.dataDir, 'documents'), { recursive: true }).sort();
      const cases: [string, RegExp][] = [
        [truncated, /endommagée ou incomplète/],
        [flipped, /endommagée ou incomplète/],
        [tampered, /somme de contrôle/],
        [newer, /version plus récente de Tisse \(9\.0\.0\).*090-une-migration-future/],
        [join(work, 'absente.tar.gz'), /introuvable/],
      ];
      for (const [file, message] of cases) {
        const refused = await tisse(['restore', file, '--force'], siteEnv(target.dataDir, target.databaseUrl));
        assert.equal(refused.code, 1, file);
        assert.match(refused.stderr, message, file);
        assert.doesNotMatch(refused.stderr, /at .*\.ts:\d+/);
        const reopened = await openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
        assert.deepEqual(await rowSnapshot(reopened), snapshot, file);
        await reopened.close();
        assert.deepEqual(readdirSync(join(target.dataDir, 'documents'), { recursive: true }).sort(), documents, file);
        assert.deepEqual(readdirSync(target.dataDir).filter((name) => name.startsWith('.restore-')), [], 'no staging left behind');
      }
    } finally {
      await target.drop();
    }
  });

  test('an archive of an older schema is migrated forward (columns added since are filled)', async () => {
    // As an archive written before migrations 031 (articles.title_folded, forum_messages.search_folded) and 032
    // (stored renders, forum_messages.html): those columns are not in its rows.
    const older = await repack(archive, join(work, 'ancienne'), (dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      manifest.migrations = manifest.migrations.filter((name: string) => name < '031');
      const addedSince = { articles: ['title_folded', 'translation_of', 'lang_chosen'], sections: ['lang_chosen'], forum_messages: ['search_folded', 'html', 'html_version'] };
      // Tables made by migrations after 030: such an archive has none.
      for (const table of ['newsletter_lists', 'newsletter_subscribers', 'newsletter_subscriptions', 'newsletter_issues', 'newsletter_deliveries', 'audit_log', 'petitions', 'petition_signatures', 'sites', 'syndicated_items']) {
        rmSync(join(dir, 'data', `${table}.jsonl`), { force: true });
        delete manifest.tables[table];
      }
      for (const [table, columns] of Object.entries(addedSince)) {
        const file = join(dir, 'data', `${table}.jsonl`);
        const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => {
          const row = JSON.parse(line);
          for (const column of columns) delete row[column];
          return JSON.stringify(row);
        });
        const text = lines.map((l) => `${l}\n`).join('');
        writeFileSync(file, text);
        manifest.tables[table] = { rows: lines.length, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') };
      }
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    });
    const empty = await emptySite(dialect);
    try {
      const restored = await tisse(['restore', older], siteEnv(empty.dataDir, empty.databaseUrl));
      assert.equal(restored.code, 0, restored.stderr);
      const db = await openDatabase({ dataDir: empty.dataDir, databaseUrl: empty.databaseUrl });
      try {
        const rows = await db.kysely.selectFrom('articles').select(['title', 'title_folded']).execute();
        assert.ok(rows.length > 0);
        for (const row of rows) assert.ok(row.title_folded.length > 0 && !/[A-ZÉÈ]/.test(row.title_folded), row.title);
        const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db.kysely);
        assert.ok(applied.rows.some((m) => m.name === '032-article-renders'));
      } finally {
        await db.close();
      }
    } finally {
      await empty.drop();
    }
  });

  test('a backup taken while the site serves and writes is one consistent moment', async () => {
    // Each write is one transaction: an article and exactly three messages. A consistent snapshot holds whole
    // groups only; the site answers readers all along.
    const sectionId = (await site.db.kysely.selectFrom('sections').select('id').executeTakeFirstOrThrow()).id;
    let writing = true;
    let groups = 0;
    let pagesServed = 0;
    const writer = (async () => {
      while (writing) {
        const n = ++groups;
        await site.db.write(async (trx) => {
          const now = nowIso();
          const article = await trx
            .insertInto('articles')
            .values({ section_id: sectionId, title: `Lot ${n}`, slug: `lot-${n}`, status: 'published', published_at: now, created_at: now, updated_at: now, surtitle: '', subtitle: '', description: '', lead: '', text: 'Un lot.', postscript: '', written_at: null, forum_mode: null, lang: 'fr', glossary_enabled: 1, link_title: '', link_url: '', redirect_url: '' })
            .returning('id')
            .executeTakeFirstOrThrow();
          for (let i = 0; i < 3; i++) {
            await trx.insertInto('forum_messages').values({ kind: 'public', article_id: article.id, parent_id: null, thread_id: null, status: 'published', title: '', text: `Message ${i}`, author_name: 'Lot', author_email: '', author_url: '', user_id: null, ip: '127.0.0.1', created_at: now, moderated_at: null, moderated_by: null }).execute();
          }
        });
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const reader = (async () => {
      while (writing) {
        assert.equal((await site.get('/')).status, 200);
        pagesServed++;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const file = join(work, 'pendant.tar.gz');
    const made = await tisse(['backup', '--to', file], siteEnv(site.config.dataDir, site.config.databaseUrl));
    writing = false;
    await Promise.all([writer, reader]);
    assert.equal(made.code, 0, made.stderr);
    assert.ok(groups > 5 && pagesServed > 5, `${groups} groups written, ${pagesServed} pages served during the backup`);

    const dir = join(work, 'pendant');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    await tar.extract({ file, cwd: dir });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const rows = (table: string) => readFileSync(join(dir, 'data', `${table}.jsonl`), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const lots = new Map(rows('articles').filter((a) => a.title.startsWith('Lot ')).map((a) => [a.id, 0]));
    for (const message of rows('forum_messages')) if (lots.has(message.article_id)) lots.set(message.article_id, lots.get(message.article_id)! + 1);
    assert.ok(lots.size > 0, 'some groups were written before the snapshot');
    for (const [id, count] of lots) assert.equal(count, 3, `article ${id}: ${count} messages of 3`);
    assert.equal(manifest.tables.articles.rows, rows('articles').length);
  });
});

/** Unpacks an archive, lets `change` edit it, packs it again (manifest first) as `<dir>.tar.gz`. */
async function repack(archive: string, dir: string, change: (dir: string) => void): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await tar.extract({ file: archive, cwd: dir });
  change(dir);
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort((a, b) => (a === 'manifest.json' ? -1 : b === 'manifest.json' ? 1 : a.localeCompare(b)));
  await tar.create({ gzip: true, cwd: dir, file: `${dir}.tar.gz`, portable: true }, entries);
  return `${dir}.tar.gz`;
}

