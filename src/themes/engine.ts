// The theme engine: LiquidJS over a theme folder, with `<dataDir>/theme/` laid over it file by file (SPIP's
// squelettes/). Templates are parsed once and kept; a change in either folder (or reload()) drops them. A
// template of the override folder that fails (does not parse, names an unknown variable or filter, includes
// a missing file) never takes a page down: the problem is reported with file and line, and the page is
// rendered again from the theme's own templates.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { Liquid } from 'liquidjs';
import { escapeOutput, registerTisseFilters, type FilterHosts } from './filters.ts';
import { describeError, type TemplateProblem } from './problems.ts';

export interface ThemeEngineOptions {
  /** The active theme's folder (themes/default/ by default). */
  themeDir: string;
  /** Files here replace the theme's files of the same relative path. */
  overrideDir?: string | undefined;
  /** Drop parsed templates when a file of either folder changes. */
  watch?: boolean;
  hosts: FilterHosts;
  /** Told of every override that failed and was replaced by the theme's own template. */
  onProblem?: (problem: TemplateProblem) => void;
  /** Told after templates were dropped (pages rendered with the old ones are stale). */
  onReload?: () => void;
}

export interface ThemeEngine {
  /** The page `name` (`article` for article.liquid) rendered with `data`. */
  render(name: string, data: Record<string, unknown>): Promise<string>;
  /** Forgets every parsed template: the next render reads the files again. */
  reload(): void;
  close(): void;
}

/** A Liquid instance as Tisse configures every one: sandboxed, strict, escaping every output. */
export function createLiquid(roots: string[], hosts: FilterHosts): Liquid {
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
  return liquid;
}

export function createThemeEngine(options: ThemeEngineOptions): ThemeEngine {
  const overrides = options.overrideDir;
  let base: Liquid;
  let layered: Liquid | undefined;
  const load = () => {
    base = createLiquid([options.themeDir], options.hosts);
    // Laid over the theme only while the folder exists (checked again at each reload).
    layered = overrides && existsSync(overrides) ? createLiquid([overrides, options.themeDir], options.hosts) : undefined;
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
    async render(name, data) {
      if (layered) {
        try {
          return await layered.renderFile(name, data);
        } catch (error) {
          options.onProblem?.(describeError(error, name, [overrides!, options.themeDir]));
        }
      }
      return base.renderFile(name, data);
    },
    reload,
    close() {
      for (const watcher of watchers) watcher.close();
    },
  };
}
