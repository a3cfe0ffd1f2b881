// The filters Tisse adds to Liquid, and the escape every output goes through. Anything a filter returns as
// HTML is a SafeHtml made here from the markup engine's output; every other value is text, escaped on output.
import type { Liquid } from 'liquidjs';
import { currentLang, formatDate, formatDateTime, t, type Lang, type MessageKey } from '../kernel/i18n/index.ts';
import { formatSize } from '../kernel/file-size.ts';
import { SafeHtml } from '../kernel/trusted-html.ts';
import { propre, typo, typoText } from '../markup/index.ts';
import { imageUrl, srcset, type ImageRef, type ImageSizes } from '../kernel/responsive-images.ts';
import { textMemo } from '../kernel/text-memo.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML text; a SafeHtml passes as it is. Used for every `{{ }}` output and as `escape` and `raw`. */
export function escapeOutput(value: unknown): string {
  if (value instanceof SafeHtml) return value.html;
  if (value === null || value === undefined || value === false) return '';
  const text = Array.isArray(value) ? value.join('') : String(value);
  // Most outputs (titles, addresses, dates) hold nothing to escape: a test is cheaper than a replace.
  return needsEscape.test(text) ? text.replace(/[&<>"']/g, (c) => escapes[c]!) : text;
}

const needsEscape = /[&<>"']/;

/** Named arguments of a filter call (`| t: title: article.title`) as an object. */
function named(args: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of args) if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string') out[arg[0]] = arg[1];
  return out;
}

/** A template's `lang:` argument; none: the interface language of the page being rendered. */
const langOf = (value: unknown): Lang => (value === 'en' || value === 'fr' ? value : currentLang());
const text = (value: unknown): string => (value === null || value === undefined ? '' : value instanceof SafeHtml ? value.html : String(value));

/** The names of the filters Tisse adds, for `tisse theme check` and docs/themes.md. */
export const TISSE_FILTERS = ['t', 'date_fr', 'datetime_fr', 'typo', 'typo_text', 'propre', 'asset_url', 'document_url', 'image_url', 'srcset', 'file_size', 'json_script'] as const;

export interface FilterHosts {
  assetUrl(name: string): string;
  documentUrl(file: string): string;
  images: ImageSizes;
}

/** What the image filters read of a value: a document as views give it (`file`, `width`, `mime_type`), or a bare file. */
function imageRef(value: unknown): ImageRef | undefined {
  if (typeof value === 'string') return value ? { file: value, width: undefined, mimeType: undefined } : undefined;
  if (!value || typeof value !== 'object') return undefined;
  const { file, width, mime_type: mimeType } = value as Record<string, unknown>;
  if (typeof file !== 'string' || !file) return undefined;
  return { file, width: typeof width === 'number' && width > 0 ? width : undefined, mimeType: typeof mimeType === 'string' ? mimeType : undefined };
}

export function registerTisseFilters(liquid: Liquid, hosts: FilterHosts): void {
  // Escaping cannot be switched off by a template: `escape` and `raw` both escape text and pass SafeHtml.
  // Their result is marked safe, so that the escape every output goes through does not escape it twice.
  const escapeOnce = (value: unknown) => new SafeHtml(escapeOutput(value));
  liquid.registerFilter('escape', escapeOnce);
  liquid.registerFilter('raw', { handler: escapeOnce, raw: true });
  /** `{{ 'article.print' | t }}`, `{{ 'forum.feedTitle' | t: title: article.title }}`, `lang: 'en'`. */
  liquid.registerFilter('t', (key: unknown, ...args: unknown[]) => {
    if (args.length === 0) return t(String(key) as MessageKey, {}, currentLang());
    const { lang, ...params } = named(args);
    return t(String(key) as MessageKey, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? v : text(v)])), langOf(lang));
  });
  liquid.registerFilter('date_fr', (iso: unknown, lang?: unknown) => (iso ? formatDate(String(iso), langOf(lang)) : ''));
  liquid.registerFilter('datetime_fr', (iso: unknown, lang?: unknown) => (iso ? formatDateTime(String(iso), langOf(lang)) : ''));
  /** A title as readers see it (SPIP's typo()): HTML. `profile: 'forum'` for messages, `lang:` for an English text. */
  liquid.registerFilter('typo', (value: unknown, ...args: unknown[]) => {
    const { lang, profile } = named(args);
    return new SafeHtml(typoOf(`${lang ? String(lang) : ''}\n${profile === 'forum' ? 'forum' : ''}\n${text(value)}`));
  });
  /** The same as text, where no HTML may go (`<title>`, an attribute). */
  liquid.registerFilter('typo_text', (value: unknown, ...args: unknown[]) => {
    const { lang } = named(args);
    return typoTextOf(`${lang ? String(lang) : ''}\n${text(value)}`);
  });
  /** SPIP text rendered by the markup engine (article profile), without internal links resolved. */
  liquid.registerFilter('propre', (value: unknown) => new SafeHtml(propre(text(value)).html));
  liquid.registerFilter('asset_url', (name: unknown) => hosts.assetUrl(String(name)));
  liquid.registerFilter('document_url', (file: unknown) => hosts.documentUrl(String(file)));
  /** `{{ image | image_url: 640 }}`: the size of an image for a box that wide (the original for an SVG or a GIF). */
  liquid.registerFilter('image_url', (value: unknown, width?: unknown) => {
    const image = imageRef(value);
    if (!image) return '';
    const wanted = width === undefined || width === null ? Infinity : Number(width);
    return imageUrl(hosts.images, image, Number.isFinite(wanted) && wanted > 0 ? wanted : Infinity) ?? hosts.documentUrl(image.file);
  });
  /** `srcset="{{ image | srcset }}"`: the sizes a browser may choose from. */
  liquid.registerFilter('srcset', (value: unknown) => {
    const image = imageRef(value);
    return image ? srcset(hosts.images, image) : '';
  });
  liquid.registerFilter('file_size', (bytes: unknown, lang?: unknown) => formatSize(Number(bytes), langOf(lang)));
  /** JSON for a <script> element: `<`, `>`, `&` and line separators as \u escapes, so it cannot end the element. */
  liquid.registerFilter('json_script', (value: unknown) => new SafeHtml(scriptJson(value)));
}

export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export { formatSize } from '../kernel/file-size.ts';

/**
 * The markup engine's typography of titles, kept by text, language and profile (`lang\nprofile\ntext`): a page
 * shows the same titles at every view, and each costs the engine a few microseconds.
 */
const typoOf = textMemo((key) => {
  const [lang, profile, value] = splitKey(key, 3) as [string, string, string];
  return typo(value, { ...(lang ? { lang } : {}), ...(profile === 'forum' ? { profile: 'forum' as const } : {}) });
});

const typoTextOf = textMemo((key) => {
  const [lang, value] = splitKey(key, 2) as [string, string];
  return typoText(value, lang ? { lang } : {});
});

/** The first `parts - 1` fields of a memo key; the text, which may hold line breaks, is the rest. */
function splitKey(key: string, parts: number): string[] {
  const fields: string[] = [];
  let start = 0;
  for (let i = 1; i < parts; i++) {
    const end = key.indexOf('\n', start);
    fields.push(key.slice(start, end));
    start = end + 1;
  }
  fields.push(key.slice(start));
  return fields;
}
