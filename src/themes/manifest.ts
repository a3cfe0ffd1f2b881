// theme.json: a theme's name, version and the settings it offers, read strictly (a wrong type is a clear error).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { currentLang, isMessageKey, t, type Lang, type PlainKey } from '../kernel/i18n/index.ts';
import '../kernel/zod-messages.ts';

const COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * A setting the theme offers: a colour (#rrggbb only, so that a value can never be anything but a colour in
 * CSS), a choice among named options (fonts, logo placement…), a yes/no, or a short text.
 */
const settingSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('color'),
      label: z.string().min(1),
      default: z.string().regex(COLOR, 'errors.field.colorFormat'),
      /** The background this colour is read on as text: a value under 4.5:1 against it (WCAG AA) is refused. */
      contrastWith: z.string().regex(COLOR, 'errors.field.colorFormat').optional(),
    }),
    z.strictObject({ type: z.literal('select'), label: z.string().min(1), options: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), z.string().min(1)), default: z.string() }),
    z.strictObject({ type: z.literal('boolean'), label: z.string().min(1), default: z.boolean() }),
    z.strictObject({ type: z.literal('text'), label: z.string().min(1), default: z.string().max(200), maxLength: z.number().int().positive().max(2000).optional() }),
  ])
  .refine((setting) => setting.type !== 'select' || setting.default in setting.options, { message: 'errors.field.selectDefault', path: ['default'] });

export const manifestSchema = z.strictObject({
  name: z.string().min(1).max(100),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'errors.field.versionFormat'),
  description: z.string().max(500).optional(),
  /** Settings the theme offers, by name; Réglages → Apparence sets them, templates read them as `theme.<name>`. */
  settings: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), settingSchema).default({}),
  /**
   * The theme's own texts (name, description, labels and options of its settings) in other languages, by language
   * then by the text as written above: `{ "en": { "Police des titres": "Heading font" } }`. A text without a
   * translation shows as written.
   */
  translations: z.partialRecord(z.enum(['fr', 'en']), z.record(z.string(), z.string().min(1))).default({}),
});

export type ThemeManifest = z.infer<typeof manifestSchema>;
export type ThemeSetting = ThemeManifest['settings'][string];
export { COLOR };

/** The manifest with its texts in `lang` (the back office's), where the theme translates them. */
export function localizeManifest(manifest: ThemeManifest, lang: Lang = currentLang()): ThemeManifest {
  const words = manifest.translations[lang] ?? {};
  const say = (text: string) => words[text] ?? text;
  const settings = Object.fromEntries(
    Object.entries(manifest.settings).map(([name, setting]) => [
      name,
      setting.type === 'select' ? { ...setting, label: say(setting.label), options: Object.fromEntries(Object.entries(setting.options).map(([k, v]) => [k, say(v)])) } : { ...setting, label: say(setting.label) },
    ]),
  );
  return { ...manifest, name: say(manifest.name), ...(manifest.description ? { description: say(manifest.description) } : {}), settings };
}

export type ManifestResult = { ok: true; manifest: ThemeManifest } | { ok: false; problem: string };

/** Reads `<dir>/theme.json`; the problem, when there is one, names the field (`settings.accent.type: …`). */
export function readManifest(dir: string): ManifestResult {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, 'theme.json'), 'utf8'));
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
  const parsed = manifestSchema.safeParse(json);
  if (parsed.success) return { ok: true, manifest: parsed.data };
  const issue = parsed.error.issues[0]!;
  const message = isMessageKey(issue.message) ? t(issue.message as PlainKey) : issue.message;
  return { ok: false, problem: `${issue.path.join('.') || '(racine)'} : ${message}` };
}
