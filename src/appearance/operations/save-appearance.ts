// Saves some of the appearance settings, checked as a whole before anything is written: the theme's values
// against the manifest of the active theme, the menu's and the home page's sections and articles against the
// database, a logo or favicon against the library. Every entry point goes through here: each form of
// Réglages → Apparence, the upload of an image, and the restoring of an earlier revision. The save and its
// revision are one transaction (settings/saveSiteSettings); a refused save writes nothing.
import { z } from 'zod';
import type { Db } from '../../db/connect.ts';
import { TisseError, isTisseError, plain, type PlainKey } from '../../kernel/errors.ts';
import { isMessageKey } from '../../kernel/i18n/index.ts';
import { parseInput } from '../../kernel/validation.ts';
import { can, type Actor } from '../../users/index.ts';
import { loadSectionTree } from '../../sections/index.ts';
import { loadDocument } from '../../documents/index.ts';
import { loadArticlesByIds } from '../../articles/index.ts';
import { parseThemeValues, type ThemeManifest } from '../../themes/index.ts';
import { brandImageSchema, followLinkSchema, homeBlocksSchema, menuItemSchema, saveSiteSettings, type BrandImage, type SiteSettings } from '../../settings/index.ts';

/** The settings Réglages → Apparence sets, and restores from their revisions. */
export const APPEARANCE_KEYS = ['logo', 'favicon', 'themeSettings', 'mainMenu', 'homeBlocks', 'followLinks'] as const;
export type AppearanceKey = (typeof APPEARANCE_KEYS)[number];

export function isAppearanceKey(key: string): key is AppearanceKey {
  return (APPEARANCE_KEYS as readonly string[]).includes(key);
}

export interface AppearanceChanges {
  /** A document of the library (its id is what counts: file and size are read from it), or null for none. */
  logo?: Pick<BrandImage, 'documentId'> | null;
  favicon?: Pick<BrandImage, 'documentId'> | null;
  /** Values as sent (form strings, or the values of a revision), checked against `manifest`. */
  themeSettings?: { manifest: ThemeManifest; values: Record<string, unknown> };
  mainMenu?: unknown[];
  homeBlocks?: unknown;
  followLinks?: unknown[];
}

const labels = {
  mainMenu: 'errors.label.mainMenu',
  followLinks: 'errors.label.followLinks',
  featured: 'errors.label.featured',
  latestCount: 'errors.label.latestCount',
  sectionIds: 'errors.label.homeSections',
  perSection: 'errors.label.perSection',
} as const;

/** parseInput on one setting's value, its fields named `<key>.<field>` as the forms name them. */
function parseSetting<S extends z.ZodType>(key: string, schema: S, value: unknown): z.output<S> {
  try {
    return parseInput(schema, value, labels);
  } catch (error) {
    if (!isTisseError(error)) throw error;
    const fields = Object.fromEntries(Object.entries(error.fieldTexts ?? {}).map(([name, message]) => [`${key}.${name}`, message]));
    throw new TisseError(error.code, error.text, { fields });
  }
}

export async function saveAppearance(db: Db, actor: Actor, changes: AppearanceChanges): Promise<SiteSettings> {
  if (!can(actor, 'settings.manage')) throw new TisseError('FORBIDDEN');
  const valid: Partial<SiteSettings> = {};
  for (const kind of ['logo', 'favicon'] as const) {
    const image = changes[kind];
    if (image !== undefined) valid[kind] = image === null ? null : await brandImage(db, kind, image.documentId);
  }
  if (changes.themeSettings) valid.themeSettings = parseThemeValues(changes.themeSettings.manifest, changes.themeSettings.values);
  if (changes.mainMenu) valid.mainMenu = await checkMenu(db, parseInput(z.object({ mainMenu: z.array(z.unknown()).max(30, 'errors.field.atMost30Items') }), { mainMenu: changes.mainMenu }, labels).mainMenu);
  if (changes.homeBlocks !== undefined) valid.homeBlocks = await checkHomeBlocks(db, parseSetting('homeBlocks', homeBlocksSchema, changes.homeBlocks));
  if (changes.followLinks) valid.followLinks = parseInput(z.object({ followLinks: z.array(followLinkSchema) }), { followLinks: changes.followLinks }, labels).followLinks;
  return saveSiteSettings(db, valid, actor.id);
}

/** The image as the site keeps it: what the library holds now under that id, which must still be an image. */
async function brandImage(db: Db, kind: 'logo' | 'favicon', documentId: number): Promise<BrandImage> {
  const doc = Number.isSafeInteger(documentId) && documentId > 0 ? await loadDocument(db, documentId) : undefined;
  if (!doc || doc.media !== 'image') {
    throw new TisseError('BAD_INPUT', { key: 'errors.appearance.imageGone', params: { id: documentId } }, { fields: { [kind]: 'errors.field.unknownFem' } });
  }
  return brandImageSchema.parse({ documentId: doc.id, file: doc.file, width: doc.width, height: doc.height });
}

/**
 * Each item must be well formed and name a section, or a published article, that exists. Fields are named
 * `mainMenu.<n>.<property>` (n counts items from 0); the message names the first item refused.
 */
async function checkMenu(db: Db, items: unknown[]): Promise<SiteSettings['mainMenu']> {
  const tree = await loadSectionTree(db);
  const menu: SiteSettings['mainMenu'] = [];
  const fields: Record<string, PlainKey> = {};
  const parsed = items.map((item) => menuItemSchema.safeParse(item));
  const published = await publishedIds(db, parsed.flatMap((p) => (p.success && p.data.kind === 'article' ? [p.data.articleId] : [])));
  for (const [index, result] of parsed.entries()) {
    if (!result.success) {
      for (const issue of result.error.issues) fields[`mainMenu.${index}.${String(issue.path[0] ?? 'kind')}`] = isMessageKey(issue.message) ? (issue.message as PlainKey) : 'errors.field.invalidValue';
      continue;
    }
    const item = result.data;
    if (item.kind === 'section' && !tree.byId.has(item.sectionId)) fields[`mainMenu.${index}.sectionId`] = 'errors.field.unknownSection';
    else if (item.kind === 'article' && !published.has(item.articleId)) fields[`mainMenu.${index}.articleId`] = 'errors.field.notPublished';
    else menu.push(item);
  }
  const first = Object.entries(fields)[0];
  if (first) {
    const n = Number(first[0].split('.')[1]) + 1;
    throw new TisseError('BAD_INPUT', { key: 'errors.appearance.menuItemInvalid', params: { n, message: plain(first[1]) } }, { fields });
  }
  return menu;
}

/** The featured article must be published; the sections with a block must exist. */
async function checkHomeBlocks(db: Db, blocks: SiteSettings['homeBlocks']): Promise<SiteSettings['homeBlocks']> {
  if (typeof blocks.featured === 'number' && !(await publishedIds(db, [blocks.featured])).has(blocks.featured)) {
    throw new TisseError('BAD_INPUT', { key: 'errors.appearance.featuredNotPublished', params: { id: blocks.featured } }, { fields: { 'homeBlocks.featured': 'errors.field.notPublished' } });
  }
  const tree = await loadSectionTree(db);
  const unknown = blocks.sectionIds.find((id) => !tree.byId.has(id));
  if (unknown !== undefined) {
    throw new TisseError('BAD_INPUT', { key: 'errors.appearance.homeUnknownSection', params: { id: unknown } }, { fields: { 'homeBlocks.sectionIds': 'errors.field.unknownFem' } });
  }
  return { ...blocks, sectionIds: [...new Set(blocks.sectionIds)] };
}

/** Which of these articles are published (scheduled ones included: a theme shows them once their date comes). */
async function publishedIds(db: Db, ids: number[]): Promise<Set<number>> {
  const rows = await loadArticlesByIds(db, [...new Set(ids)]);
  return new Set(rows.filter((article) => article.status === 'published').map((article) => article.id));
}
