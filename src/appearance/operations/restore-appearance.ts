// Restores an earlier state of the appearance: the values a revision found before its change, saved through
// the same checks as a form (saveAppearance), as a new revision. Only a revision of appearance settings is
// restored here; one that touched other settings (Réglages) is refused rather than half-restored.
import type { Db } from '../../db/connect.ts';
import { TisseError } from '../../kernel/errors.ts';
import type { Actor } from '../../users/index.ts';
import { themeValues, type ThemeManifest } from '../../themes/index.ts';
import { loadSettingsRevision, type SiteSettings } from '../../settings/index.ts';
import { isAppearanceKey, saveAppearance, type AppearanceChanges } from './save-appearance.ts';

export async function restoreAppearance(db: Db, actor: Actor, revisionId: number, manifest: ThemeManifest): Promise<SiteSettings> {
  const revision = await loadSettingsRevision(db, revisionId);
  if (!revision) throw new TisseError('NOT_FOUND', 'errors.appearance.revisionNotFound');
  if (!revision.keys.every(isAppearanceKey)) throw new TisseError('BAD_INPUT', 'errors.appearance.notAppearanceRevision');
  const before = revision.before;
  const changes: AppearanceChanges = {};
  for (const key of revision.keys) {
    const value = before[key];
    switch (key) {
      case 'logo':
      case 'favicon':
        changes[key] = value === null ? null : { documentId: Number((value as { documentId?: unknown } | undefined)?.documentId) };
        break;
      case 'themeSettings':
        // A revision keeps the values that were stored; one never set reads as the theme's default, as pages read it.
        changes.themeSettings = { manifest, values: { ...themeValues(manifest, {}), ...(value as Record<string, unknown>) } };
        break;
      case 'mainMenu':
      case 'followLinks':
        changes[key] = Array.isArray(value) ? value : [];
        break;
      case 'homeBlocks':
        changes.homeBlocks = value;
        break;
    }
  }
  return saveAppearance(db, actor, changes);
}
