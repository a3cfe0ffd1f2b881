// The forms of Réglages → Apparence as fields, both ways: the stored settings shown as form values, and the
// fields sent read into what appearance/ saves (which checks them). Field names are the names of the errors
// they get back: `theme.<setting>`, `mainMenu.<row>.<field>`, `homeBlocks.<field>`, `followLinks`.
import { field, fieldList, type FormFields, type FormState } from '../web/form-action.ts';
import { TisseError, isTisseError, plain, type MessageRef, type PlainKey } from '../kernel/errors.ts';
import { parseId } from '../kernel/input.ts';
import { followLinksText, type SiteSettings } from '../settings/index.ts';
import type { ThemeManifest } from '../themes/index.ts';

/** The page's forms, one per part, each posted on its own (a wrong colour never loses an upload); and its history. */
export type AppearancePart = 'logo' | 'favicon' | 'theme' | 'menu' | 'home' | 'social' | 'history';

/** Each part's anchor on the page: a save returns there. */
export const partAnchor: Record<AppearancePart, string> = { logo: 'logo', favicon: 'favicon', theme: 'couleurs', menu: 'menu', home: 'accueil', social: 'nous-suivre', history: 'historique' };

/** Empty rows offered under the menu's items, to add as many at once. */
export const EMPTY_MENU_ROWS = 3;
/** Rows read from a menu form, and shown again, at most (the menu holds 30 items; a form carries a few empty ones). */
const MAX_MENU_ROWS = 40;

/** How many rows a menu form carries: up to its last row with a field (fields are `mainMenu.<row>.<name>`). */
export function menuRowCount(fields: FormFields): number {
  let count = 0;
  for (const name of Object.keys(fields)) {
    const row = /^mainMenu\.(\d{1,2})\./.exec(name)?.[1];
    if (row !== undefined) count = Math.max(count, Number(row) + 1);
  }
  return Math.min(count, MAX_MENU_ROWS);
}

/** Every part's form filled from the stored settings. */
export function storedForms(settings: SiteSettings, manifest: ThemeManifest, themeValues: Record<string, string | boolean>): Record<AppearancePart, FormState> {
  const theme: FormFields = {};
  for (const [name, setting] of Object.entries(manifest.settings)) {
    const value = themeValues[name];
    if (setting.type === 'boolean') {
      if (value === true) theme[`theme.${name}`] = '1';
    } else theme[`theme.${name}`] = String(value ?? '');
  }
  const menu: FormFields = {};
  for (const [row, item] of settings.mainMenu.entries()) {
    menu[`mainMenu.${row}.position`] = String(row + 1);
    if (item.kind === 'section') menu[`mainMenu.${row}.target`] = `section:${item.sectionId}`;
    else if (item.kind === 'article') menu[`mainMenu.${row}.target`] = `article:${item.articleId}`;
    else Object.assign(menu, { [`mainMenu.${row}.target`]: 'link', [`mainMenu.${row}.label`]: item.label, [`mainMenu.${row}.url`]: item.url });
  }
  const blocks = settings.homeBlocks;
  const home: FormFields = {
    'homeBlocks.featured': typeof blocks.featured === 'number' ? 'article' : blocks.featured,
    'homeBlocks.featuredArticle': typeof blocks.featured === 'number' ? String(blocks.featured) : '',
    'homeBlocks.latestCount': String(blocks.latestCount),
    'homeBlocks.sectionIds': blocks.sectionIds.map(String),
    'homeBlocks.perSection': String(blocks.perSection),
  };
  return {
    logo: { values: {} },
    favicon: { values: {} },
    theme: { values: theme },
    menu: { values: menu },
    home: { values: home },
    social: { values: { followLinks: followLinksText(settings.followLinks) } },
    history: { values: {} },
  };
}

/** The theme's values as sent: `theme.<name>` fields, without the prefix (an unchecked box is absent: "no"). */
export function themeInput(fields: FormFields): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of Object.keys(fields)) if (name.startsWith('theme.')) values[name.slice('theme.'.length)] = field(fields, name);
  return values;
}

export interface MenuRows {
  /** The items in their new order, as appearance/ checks them. */
  items: Record<string, unknown>[];
  /** The form row each item came from, to put the errors of item n back on its row. */
  rows: number[];
}

/**
 * The menu's rows in the order of their positions (a row without a position keeps its place). An empty row is
 * skipped, and so is a row marked "Retirer". The destination says what a row is: `section:<id>`,
 * `article:<id>` or `link`; an article number typed wins over the list, and a row with an address typed
 * but no destination chosen is a link (what was typed is never dropped in silence).
 */
export function menuRows(fields: FormFields): MenuRows {
  const count = menuRowCount(fields);
  const fieldErrors: Record<string, PlainKey> = {};
  const found: { row: number; position: number; item: Record<string, unknown> }[] = [];
  for (let row = 0; row < count; row++) {
    const at = (name: string) => field(fields, `mainMenu.${row}.${name}`).trim();
    if (at('remove')) continue;
    const label = at('label');
    const url = at('url');
    const number = at('articleNumber');
    let target = at('target');
    if (number) target = `article:${number}`;
    else if (!target && (label || url)) target = 'link';
    if (!target) continue;
    const positionText = at('position');
    const position = positionText === '' ? row + 1 : Number(positionText);
    if (!Number.isInteger(position)) fieldErrors[`mainMenu.${row}.position`] = 'errors.field.invalidNumber';
    const [kind, idText = ''] = target.split(':');
    const id = parseId(idText);
    if (kind === 'link') found.push({ row, position, item: { kind, label, url } });
    else if ((kind === 'section' || kind === 'article') && id !== undefined) found.push({ row, position, item: kind === 'section' ? { kind, sectionId: id } : { kind, articleId: id } });
    else fieldErrors[`mainMenu.${row}.${number ? 'articleNumber' : 'target'}`] = number ? 'errors.field.invalidNumber' : 'errors.field.unknownChoice';
  }
  const first = Object.entries(fieldErrors)[0];
  if (first) throw rowError(Number(first[0].split('.')[1]), first[1], fieldErrors);
  found.sort((a, b) => a.position - b.position || a.row - b.row);
  return { items: found.map((f) => f.item), rows: found.map((f) => f.row) };
}

/** "Menu principal, ligne n : <what the row's field says>." */
function rowError(row: number, message: PlainKey, fields: Record<string, MessageRef>): TisseError {
  return new TisseError('BAD_INPUT', { key: 'errors.appearance.menuRowInvalid', params: { n: row + 1, message: plain(message) } }, { fields });
}

/**
 * An error of appearance/ names item n (`mainMenu.<n>.<property>`): put it on the row it came from, on the
 * field that row showed (an article typed by number, or the destination list), and name the row.
 */
export function menuErrorOnRows(error: unknown, menu: MenuRows, fields: FormFields): unknown {
  if (!isTisseError(error) || !error.fieldTexts) return error;
  const moved: Record<string, MessageRef> = {};
  let first: { row: number; message: MessageRef } | undefined;
  for (const [name, message] of Object.entries(error.fieldTexts)) {
    const match = /^mainMenu\.(\d+)\.(\w+)$/.exec(name);
    const row = match ? menu.rows[Number(match[1])] : undefined;
    if (!match || row === undefined) {
      moved[name] = message;
      continue;
    }
    const property = match[2]!;
    const onTarget = property === 'sectionId' || property === 'articleId' || property === 'kind';
    moved[`mainMenu.${row}.${onTarget ? (field(fields, `mainMenu.${row}.articleNumber`).trim() ? 'articleNumber' : 'target') : property}`] = message;
    first ??= { row, message };
  }
  if (!first || typeof first.message !== 'string') return new TisseError(error.code, error.text, { fields: moved, cause: error });
  return rowError(first.row, first.message, moved);
}

/** The home page's blocks as sent; a count that is not a whole number is refused here, ranges by appearance/. */
export function homeBlocksInput(fields: FormFields): Record<string, unknown> {
  const errors: Record<string, MessageRef> = {};
  const count = (name: string) => {
    const text = field(fields, `homeBlocks.${name}`).trim();
    if (!/^\d{1,3}$/.test(text)) errors[`homeBlocks.${name}`] = 'errors.field.invalidNumber';
    return Number(text);
  };
  const choice = field(fields, 'homeBlocks.featured');
  let featured: unknown = choice;
  if (choice === 'article') {
    const typed = field(fields, 'homeBlocks.featuredNumber').trim() || field(fields, 'homeBlocks.featuredArticle').trim();
    featured = parseId(typed);
    if (featured === undefined) errors['homeBlocks.featured'] = 'errors.field.invalidNumber';
  }
  const sectionIds = fieldList(fields, 'homeBlocks.sectionIds').map((id) => parseId(id) ?? 0);
  const blocks = { featured, latestCount: count('latestCount'), sectionIds, perSection: count('perSection') };
  if (Object.keys(errors).length) throw new TisseError('BAD_INPUT', 'errors.appearance.homeInvalid', { fields: errors });
  return blocks;
}
