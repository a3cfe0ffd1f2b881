// theme.json: a theme's name, version and the settings it offers, read strictly (a wrong type is a clear error).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isMessageKey, t, type PlainKey } from '../kernel/i18n/index.ts';
import '../kernel/zod-messages.ts';

const settingSchema = z.strictObject({
  type: z.enum(['text', 'color', 'boolean', 'image']),
  label: z.string().min(1),
  default: z.union([z.string(), z.boolean()]).optional(),
});

export const manifestSchema = z.strictObject({
  name: z.string().min(1).max(100),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'errors.field.versionFormat'),
  description: z.string().max(500).optional(),
  /** Settings the theme offers, by name (a later back-office page sets them). */
  settings: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), settingSchema).default({}),
});

export type ThemeManifest = z.infer<typeof manifestSchema>;

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
