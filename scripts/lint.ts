// Project checks the compiler cannot make: the shape of src/ (docs/architecture.md, "Layout"): each folder
// imports only the folders below it, a domain module only through its index.ts, no cycle between files or
// between modules; the markup engine stays pure; dialect differences stay in db/ and search/; no stub left; no
// interface text outside the catalogue (interface-strings.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hardCodedInterfaceStrings } from './interface-strings.ts';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');

/** Domain modules: each imported by others only through its index.ts; they may use one another without a cycle. */
const modules = ['settings', 'urls', 'sections', 'users', 'keywords', 'documents', 'articles', 'glossary', 'forum', 'petitions', 'sites', 'newsletter', 'search', 'setup', 'appearance', 'backup', 'audit'];
const below = (...names: string[]) => names.flatMap((n) => (n === 'modules' ? modules : [n]));

/**
 * What each place in src/ may import, besides itself. A folder is named by its name; the files at the top
 * of src/ by theirs. Everything not listed here is refused, so a new folder must be placed in the table.
 */
const allowed: Record<string, string[]> = {
  kernel: [],
  markup: [],
  db: below('kernel'),
  outbox: below('db', 'kernel'),
  themes: below('markup', 'kernel'),
  ...Object.fromEntries(modules.map((m) => [m, below('modules', 'outbox', 'db', 'markup', 'kernel')])),
  // Apparence checks the values of the active theme's settings against its manifest (themes/ sits below the modules).
  appearance: below('modules', 'outbox', 'themes', 'db', 'markup', 'kernel'),
  web: below('modules', 'outbox', 'themes', 'db', 'markup', 'kernel'),
  site: below('web', 'themes', 'modules', 'db', 'markup', 'kernel'),
  admin: below('web', 'themes', 'modules', 'db', 'markup', 'kernel'),
  jobs: below('modules', 'outbox', 'db', 'kernel'),
  importers: below('modules', 'outbox', 'db', 'markup', 'kernel'),
  'app.ts': below('site', 'admin', 'web', 'modules', 'db', 'kernel'),
  'server.ts': below('app.ts', 'jobs', 'web', 'themes', 'modules', 'db', 'kernel'),
  'cluster.ts': below('server.ts', 'modules', 'db', 'kernel'),
  commands: below('cluster.ts', 'server.ts', 'importers', 'jobs', 'themes', 'modules', 'outbox', 'db', 'markup', 'kernel'),
  'cli.ts': below('commands', 'kernel'),
};

/** Folders entered only through their index.ts from outside. */
const doors = new Set([...modules, 'outbox', 'markup', 'themes']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const problems: string[] = [];
const graph = new Map<string, string[]>();
const moduleGraph = new Map<string, Set<string>>();
const placeOf = (rel: string) => rel.split('/')[0]!;

for (const file of sourceFiles(src)) {
  const rel = relative(src, file);
  const place = placeOf(rel);
  const text = readFileSync(file, 'utf8');
  const isTest = /\.test\.tsx?$/.test(rel);
  if (/not implemented|TODO: implement|throw new Error\(['"]TODO/.test(text)) problems.push(`${rel}: stub left in source`);
  if (isTest) continue;
  if (!(place in allowed)) problems.push(`${rel}: ${place} has no place in the layer table of scripts/lint.ts`);
  const targets: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
    const targetRel = relative(src, join(file, '..', match[1]!));
    const target = placeOf(targetRel);
    targets.push(targetRel);
    if (target === place) continue;
    if (!allowed[place]?.includes(target)) problems.push(`${rel}: ${place} must not import from ${target} (${match[1]})`);
    else if (doors.has(target) && targetRel !== `${target}/index.ts`) problems.push(`${rel}: ${target}/ is entered through ${target}/index.ts only (${match[1]})`);
    if (modules.includes(place) && modules.includes(target)) (moduleGraph.get(place) ?? moduleGraph.set(place, new Set()).get(place)!).add(target);
    if (target === 'db' && targetRel.startsWith('db/migrations/')) problems.push(`${rel}: running code must not import a migration (${match[1]})`);
  }
  if (place === 'db' && !rel.startsWith('db/migrat') && targets.some((t) => t.startsWith('db/migrations/'))) problems.push(`${rel}: only db/migrate.ts reads the migrations`);
  graph.set(rel, targets);
  // markup/ is pure: no file system, no network (its test support lives in test/helpers/).
  if (place === 'markup' && /from 'node:(fs|net|http|child_process)/.test(text)) problems.push(`${rel}: markup/ must stay free of I/O`);
  // Every SQLite/PostgreSQL difference is a method of db/dialect.ts or of search/'s backends.
  if (place !== 'db' && place !== 'search' && /\bdialect(?:\.name)?\s*[!=]==\s*'(?:sqlite|postgres)'/.test(text)) problems.push(`${rel}: tests the database by name; add a method to db/dialect.ts instead`);
}

// Interface text in place of a catalogue message stays French in an English interface (issue 22).
for (const found of hardCodedInterfaceStrings(root)) problems.push(`${found}: interface text outside the catalogue (kernel/i18n)`);

for (const cycle of cycles(graph)) problems.push(`import cycle between files: ${cycle.join(' → ')}`);
for (const cycle of cycles(new Map([...moduleGraph].map(([m, t]) => [m, [...t]])))) problems.push(`import cycle between modules: ${cycle.join(' → ')}`);

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`lint: ${graph.size} files, every import points down, no cycle, no stub.`);

/** The strongly connected components of more than one node (Tarjan), each as a closed path for the message. */
function cycles(edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of edges.get(node) ?? []) {
      if (!edges.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push([...component.reverse(), component[0]!]);
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}
