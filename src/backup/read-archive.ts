// The first half of a restore, which touches nothing of the site: the archive is unpacked into a staging folder
// and every entry checked against manifest.json (size, SHA-256, row count), the manifest against this Tisse (its
// format, its schema: a migration this version does not know is a newer Tisse's). Any doubt refuses the whole
// archive with a French sentence saying what is wrong.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as tar from 'tar';
import { knownMigrations } from '../db/migrate.ts';
import { TisseError, plain, type Message } from '../kernel/errors.ts';
import { ARCHIVE_FORMAT_VERSION, MANIFEST_NAME, manifestSchema, tableEntryName, type Manifest } from './manifest.ts';

const damaged = (file: string, reason: Message, cause?: unknown) =>
  new TisseError('BAD_INPUT', { key: 'errors.backup.damaged', params: { file, reason } }, { cause });

/** Unpacks `file` into `staging` (an empty folder) and checks it whole; returns its manifest. */
export async function unpackAndVerify(file: string, staging: string): Promise<Manifest> {
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch (cause) {
    throw new TisseError('NOT_FOUND', { key: 'errors.backup.fileNotFound', params: { file } }, { cause });
  }
  const odd: string[] = [];
  try {
    // strict: a truncated or corrupted stream (gzip's CRC, tar's header checksums) is an error, not a warning.
    await tar.extract({
      file,
      cwd: staging,
      strict: true,
      preserveOwner: false,
      filter: (path, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        if (type === 'File' || type === 'OldFile' || type === 'Directory') return true;
        odd.push(path);
        return false;
      },
    });
  } catch (cause) {
    throw damaged(file, { key: 'errors.backup.reason.unreadable', params: { detail: (cause as Error).message } }, cause);
  }
  if (odd.length) throw damaged(file, { key: 'errors.backup.reason.oddEntries', params: { entries: odd.slice(0, 3).join(', ') } });

  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(await readFile(join(staging, MANIFEST_NAME), 'utf8')));
  } catch (cause) {
    throw damaged(file, plain('errors.backup.reason.noManifest'), cause);
  }
  if (manifest.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw new TisseError('BAD_INPUT', { key: 'errors.backup.newerFormat', params: { file, version: manifest.tisseVersion } });
  }
  const known = new Set(knownMigrations());
  const unknown = manifest.migrations.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new TisseError('BAD_INPUT', { key: 'errors.backup.newerSchema', params: { file, version: manifest.tisseVersion, migrations: unknown.join(', ') } });
  }

  const expected = new Map<string, { bytes: number; sha256: string; rows?: number }>();
  for (const [table, entry] of Object.entries(manifest.tables)) expected.set(tableEntryName(table), entry);
  for (const [path, entry] of Object.entries(manifest.files)) {
    if (!path.startsWith('documents/') || path.split('/').includes('..')) throw damaged(file, { key: 'errors.backup.reason.badPath', params: { path } });
    expected.set(path, entry);
  }
  const present = (await readdir(staging, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(staging, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => path !== MANIFEST_NAME);
  const extra = present.filter((path) => !expected.has(path));
  if (extra.length) throw damaged(file, { key: 'errors.backup.reason.extraFiles', params: { files: extra.slice(0, 3).join(', ') } });
  for (const [path, entry] of expected) {
    const found = await measure(join(staging, path)).catch(() => undefined);
    if (!found) throw damaged(file, { key: 'errors.backup.reason.missing', params: { path } });
    if (found.bytes !== entry.bytes || found.sha256 !== entry.sha256) throw damaged(file, { key: 'errors.backup.reason.checksum', params: { path } });
    if (entry.rows !== undefined && found.lines !== entry.rows) throw damaged(file, { key: 'errors.backup.reason.rowCount', params: { path, found: found.lines, expected: entry.rows } });
  }
  return manifest;
}

async function measure(path: string): Promise<{ bytes: number; sha256: string; lines: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.length;
    for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) lines++;
  }
  return { bytes, sha256: hash.digest('hex'), lines };
}
