// Project checks the compiler cannot make: dependencies point down (ARCHITECTURE.md), the markup engine
// stays pure (no import of I/O modules), and no source file leaves a stub behind.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');

/** For each layer, the top-level folders of src/ it must never import from. */
const forbidden: Record<string, string[]> = {
  markup: ['db', 'site', 'admin', 'content', 'forum', 'search', 'jobs', 'importers', 'glossary', 'commands'],
  glossary: ['site', 'admin', 'forum', 'search', 'importers', 'commands'],
  db: ['site', 'admin', 'content', 'forum', 'search', 'markup', 'glossary', 'importers', 'commands'],
  content: ['site', 'admin', 'importers', 'commands'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const problems: string[] = [];
for (const file of files(src)) {
  const rel = relative(src, file);
  const layer = rel.split('/')[0]!;
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/from '(\.[^']+)'/g)) {
    const target = relative(src, join(file, '..', match[1]!)).split('/')[0]!;
    if (!file.endsWith('.test.ts') && forbidden[layer]?.includes(target)) problems.push(`${rel}: ${layer}/ must not import from ${target}/ (${match[1]})`);
  }
  if (/not implemented|TODO: implement|throw new Error\(['"]TODO/.test(text)) problems.push(`${rel}: stub left in source`);
  // markup/ is pure: no file system, no network (its test support lives in test/helpers/).
  if (layer === 'markup' && !file.endsWith('.test.ts') && /from 'node:(fs|net|http|child_process)/.test(text)) problems.push(`${rel}: markup/ must stay free of I/O`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('lint: dependencies point down, no stubs.');
