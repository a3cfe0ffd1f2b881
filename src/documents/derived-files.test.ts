// Derived files (sizes, icons) are made once: simultaneous first requests share one job, only a few jobs run at
// a time, a file found on disk is not made again, and a job that fails leaves nothing to serve.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { derivedFile, MAX_DERIVED_JOBS } from './derived-files.ts';
import { localStorage } from './local-storage.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'tisse-derived-'));
const storage = localStorage(dataDir);
/** Files of this storage are under <dataDir>/documents. */
const dir = join(dataDir, 'documents');
after(() => rmSync(dataDir, { recursive: true, force: true }));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('simultaneous first requests for one file share one job; later ones read the file', async () => {
  const key = 'un/fichier.webp';
  const path = join(dir, key);
  let made = 0;
  const make = async () => {
    made++;
    await pause(30);
    return new TextEncoder().encode('contenu');
  };
  const answers = await Promise.all(Array.from({ length: 8 }, () => derivedFile(storage, key, make)));
  assert.equal(made, 1);
  assert.equal(new Set(answers.map((a) => a.etag)).size, 1);
  assert.equal(readFileSync(path, 'utf8'), 'contenu');
  const mtime = statSync(path).mtimeMs;
  const again = await derivedFile(storage, key, make);
  assert.equal(made, 1, 'a file on disk is not made again');
  assert.equal(again.etag, answers[0]!.etag);
  assert.equal(statSync(path).mtimeMs, mtime);
  assert.equal(again.size, 7);
});

test('no more than MAX_DERIVED_JOBS files are made at once; the others wait their turn and are all made', async () => {
  let running = 0;
  let most = 0;
  const count = MAX_DERIVED_JOBS * 3 + 1;
  const made = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      derivedFile(storage, `lot/${i}.png`, async () => {
        running++;
        most = Math.max(most, running);
        await pause(10);
        running--;
        return new Uint8Array([i]);
      }),
    ),
  );
  assert.equal(most, MAX_DERIVED_JOBS);
  assert.equal(made.length, count);
  for (let i = 0; i < count; i++) assert.deepEqual([...readFileSync(join(dir, 'lot', `${i}.png`))], [i]);
});

test('a job that fails leaves nothing at its path, and the next request tries again', async () => {
  const key = 'echec/image.webp';
  const path = join(dir, key);
  await assert.rejects(
    derivedFile(storage, key, async () => {
      throw new Error('illisible');
    }),
    /illisible/,
  );
  assert.equal(existsSync(path), false);
  assert.deepEqual(existsSync(join(dir, 'echec')) ? readdirSync(join(dir, 'echec')) : [], []);
  const made = await derivedFile(storage, key, async () => new Uint8Array([1, 2, 3]));
  assert.equal(made.size, 3);
});
