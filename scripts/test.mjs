// `npm test`: `npm run lint` (types and the shape of src/), then every *.test.ts beside the code in src/ and
// every suite in test/, through node's test runner (Node 20's --test does not expand glob patterns itself).
// Extra arguments are passed on, e.g. `npm test -- --test-name-pattern=forum`, and paths select files:
// `npm test -- test/site.test.ts` (the lint is then left to `npm run lint`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [relative(root, path)] : [];
  });
}

const args = process.argv.slice(2);
const chosen = args.filter((a) => !a.startsWith('-'));
const options = args.filter((a) => a.startsWith('-'));
const files = chosen.length ? chosen : [...testFiles(join(root, 'src')), ...testFiles(join(root, 'test'))].sort();
const concurrency = process.env.TISSE_TEST_CONCURRENCY ?? '2';

if (!chosen.length) {
  const lint = spawnSync('npm', ['run', '--silent', 'lint'], { cwd: root, stdio: 'inherit' });
  if (lint.status !== 0) process.exit(lint.status ?? 1);
}

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...options, ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
