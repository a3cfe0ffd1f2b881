// The values of a theme's settings (theme.json): read with the theme's defaults for what is unset or no longer
// valid (a stored value never breaks a page), and checked strictly when an administrator saves them.
import { TisseError } from '../kernel/errors.ts';
import type { MessageRef } from '../kernel/i18n/index.ts';
import { COLOR, type ThemeManifest, type ThemeSetting } from './manifest.ts';

export type ThemeValues = Record<string, string | boolean>;

function valid(setting: ThemeSetting, value: unknown): value is string | boolean {
  switch (setting.type) {
    case 'color':
      return typeof value === 'string' && COLOR.test(value) && (!setting.contrastWith || contrastRatio(value, setting.contrastWith) >= MIN_CONTRAST);
    case 'select':
      return typeof value === 'string' && Object.hasOwn(setting.options, value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'text':
      return typeof value === 'string' && value.length <= (setting.maxLength ?? 200) && !/[\u0000-\u001f<>]/.test(value);
  }
}

/** What templates read as `theme`: every setting of the manifest, stored value when valid, else its default. */
export function themeValues(manifest: ThemeManifest, stored: Record<string, unknown>): ThemeValues {
  const values: ThemeValues = {};
  for (const [name, setting] of Object.entries(manifest.settings)) {
    const value = stored[name];
    values[name] = valid(setting, value) ? value : setting.default;
  }
  return values;
}

/**
 * The values an administrator sent (form strings; a boolean as 'on' or absent), checked against the manifest:
 * a colour is `#rrggbb`, a choice one of the options. Unknown names are ignored; any invalid value refuses the
 * whole set, with a message per field (field names `theme.<name>`).
 */
export function parseThemeValues(manifest: ThemeManifest, input: Record<string, unknown>): ThemeValues {
  const values: ThemeValues = {};
  const fields: Record<string, MessageRef> = {};
  for (const [name, setting] of Object.entries(manifest.settings)) {
    const raw = input[name];
    const typed = setting.type === 'boolean' ? raw === true || raw === 'on' || raw === '1' : typeof raw === 'string' ? raw.trim() : setting.default;
    // A short colour (#fff) is the same colour written long: expanded first, so the contrast floor applies to it too.
    const value = setting.type === 'color' && typeof typed === 'string' && /^#[0-9a-fA-F]{3}$/.test(typed) ? `#${[...typed.slice(1)].map((c) => c + c).join('')}` : typed;
    if (setting.type === 'color' && typeof value === 'string' && COLOR.test(value) && !valid(setting, value)) {
      fields[`theme.${name}`] = { key: 'errors.field.lowContrast', params: { ratio: contrastRatio(value, setting.contrastWith!).toFixed(1).replace('.', ','), min: '4,5' } };
      continue;
    }
    if (valid(setting, value)) values[name] = setting.type === 'color' ? (value as string).toLowerCase() : value;
    else fields[`theme.${name}`] = setting.type === 'color' ? 'errors.field.colorFormat' : setting.type === 'select' ? 'errors.field.unknownChoice' : 'errors.field.invalidValue';
  }
  if (Object.keys(fields).length > 0) throw new TisseError('BAD_INPUT', 'errors.themes.settingsInvalid', { fields });
  return values;
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** AA for normal text. */
const MIN_CONTRAST = 4.5;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
