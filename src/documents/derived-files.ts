// Files made from documents (image sizes, icons), kept in the document storage under `tailles/` and made only once:
// later requests read them from there. Simultaneous first requests for one file share one job; only a few jobs
// run at a time, because each holds a decoded image in memory and libvips' threads, and a burst of new sizes
// must not take every core from the pages. The storage writes a file whole or not at all, so a crash or a full
// disk never leaves half a file to be served as if it were whole.
import { availableParallelism } from 'node:os';
import type { Storage, StoredFile } from './file-storage.ts';

/** The folder of derived files, below the documents folder. */
export const DERIVED_FOLDER = 'tailles';

/** How many files are made at once in this process; requests beyond wait their turn. */
export const MAX_DERIVED_JOBS = Math.max(1, Math.min(4, availableParallelism() - 1));

export interface DerivedFile extends StoredFile {
  /** Its key in the document storage. */
  key: string;
}

/** Files being made, per storage (tests run several sites in one process). */
const inFlight = new WeakMap<Storage, Map<string, Promise<DerivedFile>>>();
const waiting: (() => void)[] = [];
let running = 0;

/** The file at `key` in `storage`, made by `make` when it does not exist yet. */
export async function derivedFile(storage: Storage, key: string, make: () => Promise<Uint8Array>): Promise<DerivedFile> {
  const existing = await storage.stat(key);
  if (existing) return { key, ...existing };
  let jobs = inFlight.get(storage);
  if (!jobs) inFlight.set(storage, (jobs = new Map()));
  let job = jobs.get(key);
  if (!job) {
    job = inTurn(async () => {
      // Another process (or app server) may have made it while this one waited.
      const found = await storage.stat(key);
      if (found) return { key, ...found };
      // The storage writes whole or nothing (a temporary name renamed, or one S3 PUT).
      await storage.put(key, await make(), key.endsWith('.png') ? 'image/png' : 'image/webp');
      const written = await storage.stat(key);
      if (!written) throw new Error(`derived file vanished after it was written: ${key}`);
      return { key, ...written };
    }).finally(() => jobs.delete(key));
    jobs.set(key, job);
  }
  return job;
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
