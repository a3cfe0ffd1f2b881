// Bundles the whole application into one file, dist/tisse.mjs, so that a start loads one module
// instead of ~1,500 (TypeScript through tsx, plus kysely's and zod's hundreds of files): the difference
// between a cold start of several seconds and one well under a second (docs/decisions/003).
// Native and optional modules stay outside the bundle.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const bundleFile = join(root, 'dist', 'tisse.mjs');

export async function buildBundle() {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli.ts'],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    // Less to parse at every start; names are kept so stack traces and logs stay readable.
    minify: true,
    keepNames: true,
    logLevel: 'warning',
    external: ['better-sqlite3', 'sharp', 'pg-native', 'playwright-core', 'fsevents', 'esbuild', 'tsx'],
    // Bundled CommonJS packages may call require(): give them one.
    banner: { js: "import { createRequire as __tisseCreateRequire } from 'node:module'; const require = __tisseCreateRequire(import.meta.url);" },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildBundle();
  console.log(`built ${bundleFile}`);
}
