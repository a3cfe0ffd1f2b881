// `tisse theme check DIR` (as Ghost's gscan): every template parsed (an unknown filter fails the parse), and,
// from LiquidJS's static analysis of each (template-graph.ts), what it reads held to the contract: a page reads
// only what Tisse gives it (contract.ts), a partial only what each `render` of it passes, an `include` or a
// `layout` names a file that exists, `theme.<name>` is a setting theme.json declares. Also the required
// templates present and theme.json valid. Each problem with its file and line.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { Liquid } from 'liquidjs';
import { createLiquid } from './engine.ts';
import { GLOBAL_VARIABLES, PAGE_TEMPLATES, REQUIRED_FILES } from './contract.ts';
import { readManifest, type ThemeManifest } from './manifest.ts';
import { describeError, type TemplateProblem } from './problems.ts';
import { templateUses, type TemplateRead, type TemplateUses } from './template-graph.ts';

export interface CheckResult {
  /** The manifest the templates are checked against: the folder's own theme.json when valid, else the base's. */
  manifest: ThemeManifest | undefined;
  templates: number;
  problems: TemplateProblem[];
}

function liquidFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? liquidFiles(path) : name.endsWith('.liquid') ? [path] : [];
  });
}

/** Problems kept once each: a variable missing in a file is told at its first line, not at every use or page. */
class Problems {
  readonly list: TemplateProblem[] = [];
  private readonly seen = new Set<string>();

  add(problem: TemplateProblem, key = `${problem.kind}|${problem.file}|${problem.line}|${problem.detail}`): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(problem);
  }
}

/** Checks a theme folder; `base` is the theme an override folder is laid over (its missing files come from there). */
export function checkTheme(dir: string, options: { base?: string } = {}): CheckResult {
  const problems = new Problems();
  const roots = (options.base ? [dir, options.base] : [dir]).map((root) => resolve(root));
  for (const file of REQUIRED_FILES) {
    if (!roots.some((root) => existsSync(join(root, file)))) problems.add({ file, line: undefined, kind: 'missing', detail: file });
  }
  const manifest = activeManifest(roots, problems);
  // Templates are parsed and analysed here, never rendered: the addresses the filters would write do not matter.
  const liquid = createLiquid(roots, {
    assetUrl: (name) => `/assets/${name}`,
    documentUrl: (file) => `/documents/${file}`,
    images: { widths: [], sized: () => false, url: (file) => `/documents/${file}` },
  });
  const graph = new TemplateGraph(liquid, roots, problems);
  const files = existsSync(roots[0]!) ? liquidFiles(roots[0]!) : [];
  const pages = ['layout', ...Object.keys(PAGE_TEMPLATES)];

  // Every file of the folder, and the pages it lays over the base, then whatever they call.
  const queue = [...files, ...pages.map((page) => graph.find(page)).filter((path) => path !== undefined)];
  const visited = new Set<string>();
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (visited.has(path)) continue;
    visited.add(path);
    const uses = graph.uses(path);
    if (!uses) continue;
    for (const call of uses.calls) {
      const target = graph.find(call.target);
      if (!target) {
        problems.add({ file: graph.shown(path), line: call.line, kind: 'include', detail: call.target });
        continue;
      }
      queue.push(target);
      // A `render` shares nothing with its caller: each variable its partial reads must be passed by this call.
      if (!call.isolated) continue;
      for (const read of graph.needs(target)) {
        if (call.passes.has(read.root)) continue;
        const file = graph.shown(read.path ?? target);
        problems.add({ file, line: read.line, kind: 'argument', detail: read.root, via: { file: graph.shown(path), line: call.line } }, `argument|${file}|${read.root}`);
      }
    }
    if (!manifest) continue;
    for (const read of uses.reads) {
      if (read.root !== 'theme' || read.member === undefined || Object.hasOwn(manifest.settings, read.member)) continue;
      const file = graph.shown(read.path ?? path);
      problems.add({ file, line: read.line, kind: 'setting', detail: `theme.${read.member}` }, `setting|${file}|${read.member}`);
    }
  }

  // A page (with its layout and what it includes) reads only the variables Tisse gives it.
  for (const page of pages) {
    const path = graph.find(page);
    if (!path) continue;
    const known: readonly string[] = page === 'layout' ? GLOBAL_VARIABLES : [...GLOBAL_VARIABLES, ...PAGE_TEMPLATES[page as keyof typeof PAGE_TEMPLATES]];
    for (const read of graph.needs(path)) {
      if (known.includes(read.root)) continue;
      const file = graph.shown(read.path ?? path);
      problems.add({ file, line: read.line, kind: 'variable', detail: read.root }, `variable|${file}|${read.root}`);
    }
  }
  // Told file by file, in the order of their lines.
  const sorted = problems.list.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { manifest, templates: files.length, problems: sorted };
}

/** The folder's own theme.json when valid, else the base theme's (as the engine does); each invalid one is a problem. */
function activeManifest(roots: string[], problems: Problems): ThemeManifest | undefined {
  for (const root of roots) {
    if (!existsSync(join(root, 'theme.json'))) continue;
    const read = readManifest(root);
    if (read.ok) return read.manifest;
    problems.add({ file: 'theme.json', line: undefined, kind: 'manifest', detail: read.problem });
  }
  return undefined;
}

/** The templates of the roots, found, parsed and analysed once each, by absolute path. */
class TemplateGraph {
  private readonly parsed = new Map<string, TemplateUses | undefined>();
  private readonly needed = new Map<string, TemplateRead[]>();

  constructor(
    private readonly liquid: Liquid,
    private readonly roots: string[],
    private readonly problems: Problems,
  ) {}

  /** The file a template name stands for, found as LiquidJS finds it: `.liquid` added, the first root holding it. */
  find(name: string): string | undefined {
    const file = extname(name) ? name : `${name}.liquid`;
    for (const root of this.roots) {
      const path = resolve(root, file);
      if (path.startsWith(root + sep) && existsSync(path) && statSync(path).isFile()) return path;
    }
    return undefined;
  }

  /** A path as problems show it: relative to the root holding it. */
  shown(path: string): string {
    const root = this.roots.find((r) => path.startsWith(r + sep));
    return root ? relative(root, path) : path;
  }

  /** What the template at `path` reads and calls; undefined when it does not parse (the problem is recorded). */
  uses(path: string): TemplateUses | undefined {
    if (this.parsed.has(path)) return this.parsed.get(path);
    const name = this.shown(path);
    let uses: TemplateUses | undefined;
    try {
      uses = templateUses(this.liquid, this.liquid.parseFileSync(name));
    } catch (error) {
      this.problems.add(describeError(error, name.replace(/\.liquid$/, ''), this.roots));
    }
    this.parsed.set(path, uses);
    return uses;
  }

  /**
   * What the template at `path` needs from whoever renders it: its own reads, and those of the files it
   * includes or lays itself into that the call, a loop around it or an assignment of its own does not provide.
   * A `render` adds nothing here: its partial is held to that call's arguments instead.
   */
  needs(path: string, visiting = new Set<string>()): TemplateRead[] {
    const known = this.needed.get(path);
    if (known) return known;
    const uses = this.uses(path);
    if (!uses) return [];
    visiting.add(path);
    const reads = [...uses.reads];
    for (const call of uses.calls) {
      const target = call.isolated ? undefined : this.find(call.target);
      if (!target || visiting.has(target)) continue;
      for (const read of this.needs(target, visiting)) {
        if (!call.passes.has(read.root) && !call.loopNames.has(read.root) && !uses.locals.has(read.root)) reads.push(read);
      }
    }
    visiting.delete(path);
    // First use first, so that a problem is told at the line where the variable first appears.
    reads.sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '') || a.line - b.line);
    this.needed.set(path, reads);
    return reads;
  }
}
