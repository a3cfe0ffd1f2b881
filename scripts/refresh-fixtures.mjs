// Re-copies the test data the suites need from the team's shared folder (the source they are refreshed from,
// named on the command line) into test/fixtures/, where the tests read them (test/helpers/fixtures.ts). A
// maintainer's tool: neither the application nor the tests run it, and nothing reads the shared folder otherwise.
// Only the files listed below are copied; test/fixtures/README.md says where each comes from.
//
//   node scripts/refresh-fixtures.mjs --from DIR           copy from the shared folder DIR
//   node scripts/refresh-fixtures.mjs --from DIR --check   only report what differs (exit 1 if anything does)
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const fixtures = join(root, 'test', 'fixtures');

/** What is copied: a path under the shared folder → its place under test/fixtures/ (a folder is mirrored whole). */
const copies = [
  ['conformance/README.md', 'spip-conformance/README.md'],
  ['conformance/spip-fixtures.jsonl', 'spip-conformance/spip-fixtures.jsonl'],
  ['conformance/spip-oracle-corpus.jsonl', 'spip-conformance/spip-oracle-corpus.jsonl'],
  ['security/README.md', 'security/README.md'],
  ['security/xss-vectors.jsonl', 'security/xss-vectors.jsonl'],
  ['spip-site/README.md', 'spip-site/README.md'],
  ['spip-site/labo-ess.sqlite', 'spip-site/labo-ess.sqlite'],
  ['spip-site/IMG', 'spip-site/IMG'],
  ['seed/labo-ess-niort-article.txt', 'seed/labo-ess-niort-article.txt'],
];

const args = process.argv.slice(2);
const check = args.includes('--check');
const fromIndex = args.indexOf('--from');
const source = fromIndex >= 0 ? args[fromIndex + 1] : undefined;
if (!source || !existsSync(source)) {
  console.error(source ? `refresh-fixtures: no shared folder at ${source}` : 'refresh-fixtures: name the shared folder to copy from: --from DIR');
  process.exit(2);
}

/** Every file under a path, relative to it ('' for the path itself when it is a file). */
function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [''];
  return readdirSync(path, { recursive: true })
    .map(String)
    .filter((name) => statSync(join(path, name)).isFile())
    .sort();
}

const differences = [];
for (const [from, to] of copies) {
  const src = join(source, from);
  const dest = join(fixtures, to);
  if (!existsSync(src)) {
    console.error(`refresh-fixtures: ${src} is missing`);
    process.exit(2);
  }
  const wanted = filesUnder(src);
  const present = new Set(filesUnder(dest));
  const before = differences.length;
  for (const name of wanted) {
    const a = join(src, name);
    const b = join(dest, name);
    if (!present.has(name)) differences.push(`new      ${relative(root, b)}`);
    else if (!readFileSync(a).equals(readFileSync(b))) differences.push(`changed  ${relative(root, b)}`);
    present.delete(name);
  }
  for (const name of present) differences.push(`removed  ${relative(root, join(dest, name))}`);
  if (!check && differences.length > before) {
    // Replaced whole: a folder loses the files its source no longer has. The copies are left writable
    // (the shared folder is read-only) so the next refresh can overwrite them.
    rmSync(dest, { recursive: true, force: true });
    cpSync(src, dest, { recursive: true });
    const copied = statSync(dest).isDirectory() ? ['', ...readdirSync(dest, { recursive: true }).map(String)] : [''];
    for (const name of copied) {
      const path = join(dest, name);
      chmodSync(path, statSync(path).mode | 0o644);
    }
  }
}

if (!differences.length) console.log(`refresh-fixtures: test/fixtures/ matches ${source}.`);
else {
  console.log(differences.join('\n'));
  console.log(check ? `refresh-fixtures: ${differences.length} file(s) differ from ${source}.` : `refresh-fixtures: ${differences.length} file(s) refreshed from ${source}; review with git diff test/fixtures/ and commit.`);
}
process.exit(check && differences.length ? 1 : 0);
