// The default document storage: files under `<dataDir>/documents/`, as Tisse always kept them. Writes go to a
// temporary name renamed into place (a reader never sees half a file); every key is checked to stay inside the
// folder (storage.ts documentPath).
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, constants, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { ByteRange, FileRead, Storage, StoredFile } from './file-storage.ts';
import { documentPath, documentsRoot } from './storage.ts';

const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'ENAMETOOLONG', 'EISDIR', 'ELOOP']);

export function localStorage(dataDir: string): Storage {
  const root = documentsRoot(dataDir);
  const pathOf = (key: string) => documentPath(dataDir, key);

  async function statOf(key: string): Promise<StoredFile | undefined> {
    try {
      const found = await stat(pathOf(key));
      if (!found.isFile()) return undefined;
      // Size and modification time, as nginx does: a file made again under the same name gets a new validator.
      return { size: found.size, etag: `"${found.size.toString(36)}-${Math.round(found.mtimeMs).toString(36)}"` };
    } catch (error) {
      // No such file, or no file can have that name (a path too long for the file system): nothing stored there.
      if (ABSENT.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
      throw error;
    }
  }

  return {
    kind: 'local',
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, bytes);
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    stat: statOf,
    async read(key: string, range?: ByteRange): Promise<FileRead | undefined> {
      const found = await statOf(key);
      if (!found) return undefined;
      const body = createReadStream(pathOf(key), range ? { start: range.start, end: range.end } : {});
      return { ...found, body };
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async deletePrefix(prefix) {
      // Prefixes name folders here ('tailles/640/…' is one file per width; an image's sizes are listed by the caller).
      await rm(pathOf(prefix), { force: true, recursive: true });
    },
    async *list() {
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      // Temporary files of a write under way are not stored files yet.
      for (const entry of entries) if (entry.isFile() && !entry.name.endsWith('.tmp')) yield relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    },
    async check() {
      await mkdir(root, { recursive: true });
      await access(root, constants.W_OK | constants.R_OK);
    },
  };
}

/** A storage given as itself, or as a data folder (operations called by tests and the CLI with `{ dataDir }`). */
export function storageAt(place: Storage | string): Storage {
  return typeof place === 'string' ? localStorage(place) : place;
}

/** A stored file's whole bytes (a source sharp decodes); undefined when there is none. */
export async function readWhole(storage: Storage, key: string): Promise<Buffer | undefined> {
  const read = await storage.read(key);
  if (!read) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of read.body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
