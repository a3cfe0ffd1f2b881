// Files made from documents (image sizes, icons), kept under `<dataDir>/documents/tailles/` and made only once:
// later requests read them from disk. Simultaneous first requests for one file share one job; only a few jobs
// run at a time, because each holds a decoded image in memory and libvips' threads, and a burst of new sizes
// must not take every core from the pages. A file is written under a temporary name and renamed into place,
// so a crash or a full disk never leaves half a file to be served as if it were whole.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';

/** The folder of derived files, below the documents folder. */
export const DERIVED_FOLDER = 'tailles';

/** How many files are made at once in this process; requests beyond wait their turn. */
export const MAX_DERIVED_JOBS = Math.max(1, Math.min(4, availableParallelism() - 1));

export interface DerivedFile {
  path: string;
  size: number;
  /** Changes whenever the file is made again (a new file, the same name): size and modification time, as nginx does. */
  etag: string;
}

const inFlight = new Map<string, Promise<DerivedFile>>();
const waiting: (() => void)[] = [];
let running = 0;

/** The file at `path`, made by `make` when it does not exist yet. */
export async function derivedFile(path: string, make: () => Promise<Uint8Array>): Promise<DerivedFile> {
  const existing = await stored(path);
  if (existing) return existing;
  let job = inFlight.get(path);
  if (!job) {
    job = inTurn(async () => {
      // Another process on the same data folder may have made it while this one waited.
      return (await stored(path)) ?? (await writeWhole(path, await make()));
    }).finally(() => inFlight.delete(path));
    inFlight.set(path, job);
  }
  return job;
}

async function stored(path: string): Promise<DerivedFile | undefined> {
  try {
    const found = await stat(path);
    if (!found.isFile()) return undefined;
    return { path, size: found.size, etag: `"${found.size.toString(36)}-${Math.round(found.mtimeMs).toString(36)}"` };
  } catch {
    return undefined;
  }
}

async function writeWhole(path: string, bytes: Uint8Array): Promise<DerivedFile> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const written = await stored(path);
  if (!written) throw new Error(`derived file vanished after its rename: ${path}`);
  return written;
}

/** Runs `work` when fewer than MAX_DERIVED_JOBS run; a finished job hands its place to the first waiting one. */
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running < MAX_DERIVED_JOBS) running++;
  else await new Promise<void>((resolve) => waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
