// `tisse restore FILE [--force]`: the archive is unpacked and checked whole first (read-archive.ts); then, in ONE
// transaction of the target database, its schema is dropped, rebuilt by the archive's own migrations, its rows
// loaded, the later migrations run (an older archive is migrated forward), the id sequences moved and the search
// index rebuilt. Only after that commit do the documents take the place of the old ones. Whatever fails before
// leaves the site as it was. The archive's database does not matter: this is how a SQLite site moves to
// PostgreSQL (and back). Decision 022.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase, type Db, type Trx } from '../db/connect.ts';
import { knownMigrations, migrateInTransaction, migrateToLatest } from '../db/migrate.ts';
import { inSchemaTransaction } from '../db/schema-transaction.ts';
import { TisseError } from '../kernel/errors.ts';
import { runningServerPid } from '../kernel/pid-file.ts';
import { documentContentType, documentsRoot, openStorage, type Storage } from '../documents/index.ts';
import { suspendSearchIndex } from '../search/index.ts';
import { contentTables, inLoadOrder } from './archive-tables.ts';
import { tableEntryName, type Manifest } from './manifest.ts';
import { unpackAndVerify } from './read-archive.ts';
import type { SiteLocation } from './create-backup.ts';

/** Rows per insert batch: the bulk insert's own statements are sized inside (db/bulk-insert.ts). */
const BATCH = 2000;

export interface RestoreProgress {
  step?(label: string): void;
  table?(table: string, rows: number, total: number): void;
}

export interface RestoreResult {
  manifest: Manifest;
  /** Rows loaded per table. */
  rows: Record<string, number>;
  documents: number;
}

export async function restoreBackup(site: SiteLocation, file: string, options: { force?: boolean; progress?: RestoreProgress } = {}): Promise<RestoreResult> {
  const pid = runningServerPid(site.dataDir);
  if (pid !== undefined) throw new TisseError('CONFLICT', { key: 'errors.backup.siteRunning', params: { pid } });
  await mkdir(site.dataDir, { recursive: true });
  const staging = join(site.dataDir, `.restore-${randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  try {
    options.progress?.step?.('vérification');
    const manifest = await unpackAndVerify(file, staging);
    const db = await openDatabase(site);
    const rows: Record<string, number> = {};
    try {
      if (!options.force) await refuseNonEmptySite(db, site);
      options.progress?.step?.('base de données');
      await inSchemaTransaction(db, async (trx, kysely) => {
        await db.dialect.dropSchema(trx);
        await migrateInTransaction(kysely, db.dialect.name, manifest.migrations);
        // The index is filled once at the end by today's statements, which need today's schema: an older archive's
        // rows go through its own triggers instead, and the migrations after it bring the index forward with them.
        const current = knownMigrations().every((name) => manifest.migrations.includes(name));
        const index = current ? await suspendSearchIndex(db, trx) : undefined;
        for (const table of inLoadOrder(Object.keys(manifest.tables))) {
          rows[table] = await loadTable(db, trx, table, join(staging, tableEntryName(table)), manifest.tables[table]!.rows, options.progress);
        }
        options.progress?.step?.('index de recherche');
        await index?.resume();
        await migrateInTransaction(kysely, db.dialect.name);
        await db.dialect.resetIdSequences(trx);
      });
      // Nothing is left to run, but a later start must find the schema complete.
      await migrateToLatest(db);
    } finally {
      await db.close();
    }
    options.progress?.step?.('documents');
    if (site.storageUrl) await replaceStoredDocuments(await openStorage({ dataDir: site.dataDir, storageUrl: site.storageUrl }), join(staging, 'documents'));
    else await replaceDocuments(site.dataDir, join(staging, 'documents'));
    return { manifest, rows, documents: Object.keys(manifest.files).length };
  } finally {
    // An extraction stopped by an error may still be closing files: retried until the folder empties.
    await rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

async function loadTable(db: Db, trx: Trx, table: string, path: string, total: number, progress: RestoreProgress | undefined): Promise<number> {
  let batch: Record<string, unknown>[] = [];
  let loaded = 0;
  const flush = async () => {
    if (!batch.length) return;
    await db.dialect.insertRows(trx, table, batch);
    loaded += batch.length;
    batch = [];
    progress?.table?.(table, loaded, total);
  };
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(JSON.parse(line) as Record<string, unknown>);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return loaded;
}

/** A site is empty when it has no content and no document (its accounts, made by `tisse init`, do not count). */
async function refuseNonEmptySite(db: Db, site: SiteLocation): Promise<void> {
  const existing = new Set(await db.dialect.listTables(db.kysely));
  const found: string[] = [];
  for (const table of contentTables) {
    if (!existing.has(table)) continue;
    const row = await db.kysely.selectFrom(table as 'articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const n = Number(row?.n ?? 0);
    if (n > 0) found.push(`${n} ${table}`);
  }
  let files = 0;
  for await (const _key of (await openStorage({ dataDir: site.dataDir, storageUrl: site.storageUrl })).list()) files++;
  if (files) found.push(`${files} documents/`);
  if (found.length) throw new TisseError('CONFLICT', { key: 'errors.backup.siteNotEmpty', params: { found: found.join(', ') } });
}

/**
 * The restored documents uploaded to the site's S3-compatible storage, then whatever else it held removed (a
 * forced restore over another site's documents): the archive's files are all there before anything goes.
 */
async function replaceStoredDocuments(storage: Storage, restored: string): Promise<void> {
  const entries = await readdir(restored, { recursive: true, withFileTypes: true }).catch(() => []);
  const keys = new Set<string>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const key = relative(restored, path).split(sep).join('/');
    await storage.put(key, await readFile(path), documentContentType(key));
    keys.add(key);
  }
  const stale: string[] = [];
  for await (const key of storage.list()) if (!keys.has(key)) stale.push(key);
  for (const key of stale) await storage.delete(key);
}

/** The restored documents take the old folder's place; the old one is removed only once the new one is there. */
async function replaceDocuments(dataDir: string, restored: string): Promise<void> {
  const root = documentsRoot(dataDir);
  const old = `${root}.old-${randomBytes(4).toString('hex')}`;
  await rename(root, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await mkdir(restored, { recursive: true });
  await rename(restored, root);
  await rm(old, { recursive: true, force: true });
}
