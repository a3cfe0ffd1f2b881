// Réglages → Apparence: the logo and favicon (images shaped, then stored through the documents pipeline), the
// active theme's settings, the main menu, the home page's blocks and the "Nous suivre" links, each saved checked
// against the theme and the database, and restored from the settings' revisions. The only door into this module.
export { APPEARANCE_KEYS, isAppearanceKey, saveAppearance } from './operations/save-appearance.ts';
export type { AppearanceChanges, AppearanceKey } from './operations/save-appearance.ts';
export { setBrandImage } from './operations/set-brand-image.ts';
export type { SentFile } from './operations/set-brand-image.ts';
export { restoreAppearance } from './operations/restore-appearance.ts';
export { BRAND_IMAGE_MAX_BYTES, FAVICON_MIN, prepareBrandImage } from './brand-image.ts';
export type { BrandImageKind } from './brand-image.ts';
export { articleChoices, sectionChoices } from './choices.ts';
export type { Choice } from './choices.ts';
