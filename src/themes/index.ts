// Themes: a folder of LiquidJS templates, CSS and images with its theme.json, rendered sandboxed and escaped,
// overridable file by file from <dataDir>/theme/ (docs/themes.md, decision 012).
export { createThemeEngine, type ThemeEngine, type ThemeEngineOptions } from './engine.ts';
export { checkTheme, type CheckResult } from './check.ts';
export { problemText, type TemplateProblem } from './problems.ts';
export { localizeManifest, readManifest, type ThemeManifest, type ThemeSetting } from './manifest.ts';
export { themeValues, parseThemeValues, type ThemeValues } from './settings.ts';
export { GLOBAL_VARIABLES, PAGE_TEMPLATES, REQUIRED_FILES, type PageTemplate } from './contract.ts';
export { TISSE_FILTERS, scriptJson, formatSize } from './filters.ts';
