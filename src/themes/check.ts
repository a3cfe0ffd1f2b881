// `tisse theme check DIR` (as Ghost's gscan): every template parsed, its variables and filters checked against
// the contract, the required templates present, theme.json valid; each problem with its file and line.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLiquid } from './engine.ts';
import { GLOBAL_VARIABLES, PAGE_TEMPLATES, REQUIRED_FILES } from './contract.ts';
import { readManifest, type ThemeManifest } from './manifest.ts';
import { describeError, type TemplateProblem } from './problems.ts';

export interface CheckResult {
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

/** Checks a theme folder; `base` is the theme an override folder is laid over (its missing files come from there). */
export function checkTheme(dir: string, options: { base?: string } = {}): CheckResult {
  const problems: TemplateProblem[] = [];
  const roots = options.base ? [dir, options.base] : [dir];
  for (const file of REQUIRED_FILES) {
    if (!roots.some((root) => existsSync(join(root, file)))) problems.push({ file, line: undefined, kind: 'missing', detail: file });
  }
  let manifest: ThemeManifest | undefined;
  if (existsSync(join(dir, 'theme.json'))) {
    const read = readManifest(dir);
    if (read.ok) manifest = read.manifest;
    else problems.push({ file: 'theme.json', line: undefined, kind: 'manifest', detail: read.problem });
  }
  // Templates are parsed and analysed here, never rendered: the addresses the filters would write do not matter.
  const liquid = createLiquid(roots, {
    assetUrl: (name) => `/assets/${name}`,
    documentUrl: (file) => `/documents/${file}`,
    images: { widths: [], sized: () => false, url: (file) => `/documents/${file}` },
  });
  const files = existsSync(dir) ? liquidFiles(dir) : [];
  for (const path of files) {
    const name = relative(dir, path).replace(/\.liquid$/, '');
    try {
      const templates = liquid.parseFileSync(name);
      const known: readonly string[] | undefined =
        name === 'layout' ? GLOBAL_VARIABLES : name in PAGE_TEMPLATES ? [...GLOBAL_VARIABLES, ...PAGE_TEMPLATES[name as keyof typeof PAGE_TEMPLATES]] : undefined;
      if (!known) continue; // partials receive what their caller passes
      for (const [root, uses] of Object.entries(liquid.analyzeSync(templates, { partials: false }).globals)) {
        if (!known.includes(root)) problems.push({ file: relative(dir, path), line: uses[0]?.location.row, kind: 'variable', detail: root });
      }
    } catch (error) {
      problems.push(describeError(error, name, roots));
    }
  }
  return { manifest, templates: files.length, problems };
}
