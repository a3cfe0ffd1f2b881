// `npm run bench`: runs every benchmark in bench/ one after the other (or those named: npm run bench -- pages markup).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// Modules the benchmarks share, not benchmarks.
const helpers = new Set(['run.ts', 'report.ts', 'loopback.ts', 'nginx.ts', 'processes.ts', 'wrk.ts']);
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !helpers.has(f) && !f.includes('.test.') && !f.startsWith('_'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, '')));

let failed = 0;
for (const bench of benches) {
  console.log(`\n=== bench/${bench}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, bench)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
