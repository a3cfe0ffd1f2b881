#!/usr/bin/env node
// Entry point of `npm start` and `npx tisse`: runs the bundled application, rebuilding the bundle first
// when a source file is newer than it (a fresh clone, or code changed since the last start).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'tisse.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|tsx)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < newestSource(join(root, 'src'));
if (stale) {
  const { buildBundle } = await import(pathToFileURL(join(root, 'scripts', 'build.mjs')).href);
  await buildBundle();
}
await import(pathToFileURL(bundle).href);
