// The theme engine: LiquidJS over a theme folder, with `<dataDir>/theme/` laid over it file by file (SPIP's
// squelettes/). Templates are parsed once and kept; a change in either folder (or reload()) drops them. A
// template of the override folder that fails (does not parse, names an unknown variable or filter, includes
// a missing file) never takes a page down: the problem is reported with file and line, and the page is
// rendered again from the theme's own templates.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { Liquid } from 'liquidjs';
import { escapeOutput, registerTisseFilters, type FilterHosts } from './filters.ts';
import { describeError, type TemplateProblem } from './problems.ts';
import { readThemeAssets, type ThemeAsset } from './assets.ts';
import { readManifest, type ThemeManifest } from './manifest.ts';
import { renderSynchronously } from './sync-renderer.ts';

export interface ThemeEngineOptions {
  /** The active theme's folder (themes/default/ by default). */
  themeDir: string;
  /** Files here replace the theme's files of the same relative path. */
  overrideDir?: string | undefined;
  /** Drop parsed templates when a file of either folder changes. */
  watch?: boolean;
  /** How documents' addresses are written (the markup resolver's rule); assets' addresses are the engine's own. */
  hosts: Omit<FilterHosts, 'assetUrl'>;
  /** Told of every override that failed and was replaced by the theme's own template. */
  onProblem?: (problem: TemplateProblem) => void;
  /** Told after templates were dropped (pages rendered with the old ones are stale). */
  onReload?: () => void;
  /** 'sync' (default): Tisse's synchronous walk of the templates; 'liquidjs': LiquidJS's own, through generators. */
  renderer?: ThemeRenderer;
}

export type ThemeRenderer = 'sync' | 'liquidjs';

export interface ThemeEngine {
  /** The page `name` (`article` for article.liquid) rendered with `data`. */
  render(name: string, data: Record<string, unknown>): Promise<string>;
  /** Forgets every parsed template, asset and the manifest: the next render reads the files again. */
  reload(): void;
  /** The theme's theme.json, or the override folder's own when it has a valid one. */
  manifest(): ThemeManifest;
  /** A static file of the theme (`assets/<name>`, overridable like templates), served under /assets/. */
  asset(name: string): ThemeAsset | undefined;
  close(): void;
}

/** A Liquid instance as Tisse configures every one: sandboxed, strict, escaping every output. */
export function createLiquid(roots: string[], hosts: FilterHosts, renderer: ThemeRenderer = 'sync'): Liquid {
  const liquid = new Liquid({
    root: roots,
    partials: roots,
    layouts: roots,
    extname: '.liquid',
    relativeReference: false,
    cache: true,
    outputEscape: escapeOutput,
    ownPropertyOnly: true,
    strictFilters: true,
    strictVariables: true,
    lenientIf: true,
    jsTruthy: true,
    greedy: false,
    dynamicPartials: true,
  });
  registerTisseFilters(liquid, hosts);
  // LiquidJS makes a new parser (and its file loader) for every include, render and layout it meets, even when
  // the template is in its cache: the instance's own parser serves them all (it keeps no state between files).
  liquid._parseFile = (file, sync, lookupType, currentFile) => liquid.parser.parseFile(file, sync, lookupType, currentFile);
  if (renderer === 'sync') renderSynchronously(liquid);
  return liquid;
}

export function createThemeEngine(options: ThemeEngineOptions): ThemeEngine {
  const overrides = options.overrideDir;
  let base: Liquid;
  let layered: Liquid | undefined;
  let assets: Map<string, ThemeAsset>;
  let manifest: ThemeManifest;
  const load = () => {
    // Laid over the theme only while the folder exists (checked again at each reload).
    const overriding = overrides !== undefined && existsSync(overrides);
    assets = readThemeAssets([...(overriding ? [join(overrides, 'assets')] : []), join(options.themeDir, 'assets')]);
    const hosts: FilterHosts = { ...options.hosts, assetUrl: (name) => assetUrl(assets, name) };
    base = createLiquid([options.themeDir], hosts, options.renderer);
    layered = overriding ? createLiquid([overrides, options.themeDir], hosts, options.renderer) : undefined;
    manifest = readActiveManifest(options.themeDir, overriding ? overrides : undefined, options.onProblem);
  };
  load();
  const reload = () => {
    load();
    options.onReload?.();
  };
  const watchers: FSWatcher[] = [];
  if (options.watch) {
    for (const dir of [options.themeDir, overrides]) {
      if (!dir || !existsSync(dir)) continue;
      try {
        const watcher = watch(dir, { recursive: true }, reload);
        watcher.unref();
        watchers.push(watcher);
      } catch {
        // No watching where the platform cannot: a restart (or reload()) reads the files again.
      }
    }
  }
  return {
    // Synchronous rendering: every filter and tag of Tisse is synchronous, and LiquidJS's asynchronous path
    // wraps each step in a promise, which made it half as fast on the article page (same output, measured in
    // docs/benchmarks.md). Templates are read from disk once (cache: true).
    async render(name, data) {
      if (layered) {
        try {
          return layered.renderFileSync(name, data);
        } catch (error) {
          options.onProblem?.(describeError(error, name, [overrides!, options.themeDir]));
        }
      }
      return base.renderFileSync(name, data);
    },
    reload,
    manifest: () => manifest,
    asset: (name) => assets.get(name),
    close() {
      for (const watcher of watchers) watcher.close();
    },
  };
}

/** `/assets/site.css?v=<hash>`: the content's hash in the address, so browsers may keep the file a year. */
function assetUrl(assets: Map<string, ThemeAsset>, name: string): string {
  const asset = assets.get(name);
  // A name no file answers to is a template's mistake: the address is written, and answers 404.
  return asset ? `/assets/${name}?v=${asset.hash}` : `/assets/${name}`;
}

function readActiveManifest(themeDir: string, overrides: string | undefined, onProblem: ThemeEngineOptions['onProblem']): ThemeManifest {
  if (overrides && existsSync(join(overrides, 'theme.json'))) {
    const own = readManifest(overrides);
    if (own.ok) return own.manifest;
    onProblem?.({ file: 'theme.json', line: undefined, kind: 'manifest', detail: own.problem });
  }
  const read = readManifest(themeDir);
  if (read.ok) return read.manifest;
  // A theme without a valid theme.json still renders: it simply offers no setting (`tisse theme check` says why).
  onProblem?.({ file: 'theme.json', line: undefined, kind: 'manifest', detail: read.problem });
  return { name: '', version: '0.0.0', settings: {}, translations: {} };
}
