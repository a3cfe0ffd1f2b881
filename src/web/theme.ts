// The active theme of an application: its engine made at the first page and kept (templates parsed once), its
// manifest (theme.json, the override folder's own when it has a valid one). Shared by the public site, which
// renders with it, and the back office, whose Apparence page sets the settings the manifest offers.
import { join } from 'node:path';
import type { AppContext } from './context.ts';
import { sourceRoot } from './asset-folder.ts';
import { documentUrl, siteImageSizes } from './markup-resolver.ts';
import { createThemeEngine, problemText, type ThemeEngine } from '../themes/index.ts';
import { t } from '../kernel/i18n/index.ts';

/** The theme shipped with Tisse (themes/default/ at the root of the repository). */
export const DEFAULT_THEME_DIR = join(sourceRoot, '..', 'themes', 'default');

const engines = new WeakMap<AppContext, ThemeEngine>();
const everyEngine = new Set<ThemeEngine>();

export function themeEngineOf(app: AppContext): ThemeEngine {
  let engine = engines.get(app);
  if (!engine) {
    engine = createThemeEngine({
      themeDir: DEFAULT_THEME_DIR,
      overrideDir: app.config.themeDir,
      // In development, a template saved is a template served; elsewhere `tisse theme reload` (SIGHUP) or a restart.
      watch: process.env.NODE_ENV === 'development',
      hosts: { documentUrl, images: siteImageSizes },
      onProblem: (problem) => app.log.error({ theme: problem }, t('themes.overrideFailed', { problem: problemText(problem) })),
      onReload: () => app.cache.clear(),
      renderer: app.config.themeRenderer,
    });
    engines.set(app, engine);
    everyEngine.add(engine);
  }
  return engine;
}

/** Forgets every parsed template of every application of this process (SIGHUP, `tisse theme reload`). */
export function reloadThemes(): void {
  for (const engine of everyEngine) engine.reload();
}

/** Stops watching the theme folders of `app` (its server is closing). */
export function closeTheme(app: AppContext): void {
  const engine = engines.get(app);
  if (!engine) return;
  engine.close();
  everyEngine.delete(engine);
  engines.delete(app);
}

