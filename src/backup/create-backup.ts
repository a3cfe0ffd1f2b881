// `tisse backup`, the scheduled backup and the back office's « Sauvegarder maintenant »: one .tar.gz holding
// manifest.json, one JSON-lines file per table read from one consistent snapshot (db/snapshot.ts) while the site
// serves and writes, and the documents folder. Written beside its final name and renamed at the end, so an
// archive that exists is complete. Decision 022.
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as tar from 'tar';
import { openSnapshot } from '../db/snapshot.ts';
import { TISSE_VERSION } from '../kernel/tisse-version.ts';
import { documentsRoot, openStorage, readWhole, type Storage } from '../documents/index.ts';
import { inLoadOrder, isArchivedTable, keepRow, parentColumns } from './archive-tables.ts';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, MANIFEST_NAME, tableEntryName, type Manifest } from './manifest.ts';
import { ensureBackupsDir, newBackupName, removeLeftovers } from './backups-folder.ts';

export interface SiteLocation {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** TISSE_STORAGE_URL: the documents are in S3-compatible storage rather than the data folder. */
  storageUrl?: string | undefined;
}

export interface BackupProgress {
  table?(table: string, rows: number): void;
  documents?(files: number): void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: Manifest;
}

export async function createBackup(site: SiteLocation, options: { to?: string | undefined; progress?: BackupProgress; now?: Date } = {}): Promise<BackupResult> {
  removeLeftovers(site.dataDir);
  const target = options.to ? resolve(options.to) : join(ensureBackupsDir(site.dataDir), newBackupName(options.now));
  // The staging folder is inside the data directory, on the documents' file system, so they can be hard-linked.
  const staging = join(ensureBackupsDir(site.dataDir), `.partial-${randomBytes(6).toString('hex')}`);
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  await mkdir(join(staging, 'data'), { recursive: true });
  try {
    const snapshot = await openSnapshot(site);
    const tables: Manifest['tables'] = {};
    let files: Manifest['files'];
    try {
      // Documents right after the snapshot is taken: an upload writes its file before its row commits, so every
      // document row of the snapshot has its file here.
      files = site.storageUrl
        ? await downloadDocuments(await openStorage({ dataDir: site.dataDir, storageUrl: site.storageUrl }), join(staging, 'documents'), options.progress)
        : await stageDocuments(documentsRoot(site.dataDir), join(staging, 'documents'), options.progress);
      for (const table of inLoadOrder(snapshot.tables.filter(isArchivedTable))) {
        tables[table] = await writeTable(snapshot.rows(table, { parentColumn: parentColumns[table] }), table, join(staging, tableEntryName(table)), options.progress);
      }
    } finally {
      await snapshot.close();
    }
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      tisseVersion: TISSE_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      database: snapshot.dialect,
      migrations: snapshot.migrations,
      tables,
      files,
    };
    await writeFile(join(staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(dirname(target), { recursive: true });
    const entries = [MANIFEST_NAME, ...Object.keys(tables).map(tableEntryName), ...Object.keys(files)];
    await tar.create({ gzip: true, cwd: staging, file: partial, portable: true, noDirRecurse: true }, entries);
    await rename(partial, target);
    return { file: target, bytes: (await stat(target)).size, manifest };
  } finally {
    await rm(partial, { force: true });
    await rm(staging, { recursive: true, force: true });
  }
}

/** Streams rows as JSON lines, hashing what is written; returns the table's manifest entry. */
async function writeTable(rows: AsyncIterable<Record<string, unknown>>, table: string, path: string, progress: BackupProgress | undefined) {
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  let count = 0;
  let bytes = 0;
  try {
    for await (const row of rows) {
      const kept = keepRow(table, row);
      if (!kept) continue;
      const line = `${JSON.stringify(kept)}\n`;
      hash.update(line);
      bytes += Buffer.byteLength(line);
      count++;
      await write(out, line);
      if (count % 10_000 === 0) progress?.table?.(table, count);
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  progress?.table?.(table, count);
  return { rows: count, bytes, sha256: hash.digest('hex') };
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/**
 * A frozen view of the documents folder: each file hard-linked (copied across file systems) into the staging
 * folder, then hashed there. Documents are never rewritten in place (new files, renames, deletions), so the link
 * keeps the bytes of this moment whatever the site does next. Temporary files of images being made are skipped.
 */
async function stageDocuments(root: string, into: string, progress: BackupProgress | undefined): Promise<Manifest['files']> {
  const files: Manifest['files'] = {};
  let found: string[];
  try {
    found = (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() && !e.name.endsWith('.tmp')).map((e) => join(e.parentPath, e.name));
  } catch {
    return files;
  }
  found.sort();
  for (const path of found) {
    const rel = relative(root, path).split(sep).join('/');
    const staged = join(into, rel);
    await mkdir(dirname(staged), { recursive: true });
    try {
      await link(path, staged);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Deleted since it was listed: the file of a deletion committed after the snapshot (the row goes first).
      if (code === 'ENOENT') continue;
      await copyFile(path, staged);
    }
    files[`documents/${rel}`] = await fileEntry(staged);
  }
  progress?.documents?.(found.length);
  return files;
}

/**
 * The documents of a site kept in S3-compatible storage, each downloaded into the staging folder (objects are
 * never rewritten in place either: new keys, deletions). An object deleted between the listing and its download
 * is the file of a deletion committed after the snapshot, as above.
 */
async function downloadDocuments(storage: Storage, into: string, progress: BackupProgress | undefined): Promise<Manifest['files']> {
  const files: Manifest['files'] = {};
  const keys: string[] = [];
  for await (const key of storage.list()) keys.push(key);
  keys.sort();
  for (const key of keys) {
    const bytes = await readWhole(storage, key);
    if (!bytes) continue;
    const staged = join(into, ...key.split('/'));
    await mkdir(dirname(staged), { recursive: true });
    await writeFile(staged, bytes);
    files[`documents/${key}`] = await fileEntry(staged);
  }
  progress?.documents?.(keys.length);
  return files;
}

export async function fileEntry(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
