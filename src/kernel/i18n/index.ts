// Message lookup and dates. French is the reference language; English is the second catalogue. A call that names no
// language renders in the running request's (current-lang.ts).
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';
import { DEFAULT_TIME_ZONE, formatDateIn, formatDateTimeIn } from '../time-zone.ts';
import { currentLang, type Lang } from './current-lang.ts';

export { currentLang, inLanguage, type Lang } from './current-lang.ts';
export type { MessageKey };

const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en };

/** The message `key` in `lang`, with `{name}` placeholders replaced. */
export function t(key: MessageKey, params: Record<string, string | number> = {}, lang: Lang = currentLang()): string {
  const template = catalogues[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The `{name}` placeholders of a French template, as a union of names (the type of `fr[key]` is its literal text). */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type PlaceholdersOf<K extends MessageKey> = Placeholders<(typeof fr)[K]>;

/** A placeholder's value: text and numbers are shown as they are, a Message is translated along with its host. */
export type MessageParam = string | number | Message;

/** A catalogue message kept for later rendering: its key, and a value for each of its placeholders (the compiler checks the names). */
// Messages without placeholders are one object type whose key is a union, not one object type per key: the
// union of every message stays small enough for TypeScript as the catalogue grows (TS2590 past ~1,000 keys).
export type Message =
  | { key: PlainKey; params?: undefined }
  | { [K in ParamKey]: { key: K; params: Record<PlaceholdersOf<K>, MessageParam> } }[ParamKey];

/** The keys of messages without placeholders: they can be passed bare, instead of as `{ key }`. */
export type PlainKey = { [K in MessageKey]: [PlaceholdersOf<K>] extends [never] ? K : never }[MessageKey];

/** The keys of messages with placeholders. */
type ParamKey = Exclude<MessageKey, PlainKey>;

/** What an error (or anything rendered later, in a language not yet known) carries: a bare key or a key with its values. */
export type MessageRef = PlainKey | Message;

/** The message of a key without placeholders, as a value for another message's placeholder. */
export function plain(key: PlainKey): Message {
  return { key } as Message;
}

/** Renders `message` in `lang`: nested messages in its params are rendered in the same language. */
export function render(message: MessageRef, lang: Lang = currentLang()): string {
  if (typeof message === 'string') return t(message, {}, lang);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries((message.params ?? {}) as Record<string, MessageParam>)) {
    params[name] = typeof value === 'object' ? render(value, lang) : value;
  }
  return t(message.key, params, lang);
}

/**
 * Text that does not come from the catalogue (a zod issue, an operating system's message), carried as a message
 * so that it can travel with the others: it reads the same in every language.
 */
export function untranslated(text: string): Message {
  return { key: 'errors.untranslated', params: { text } };
}

/**
 * A text that may be the key of a catalogue message without placeholders (a zod issue's message): that message,
 * else the text itself, untranslated. One function with one return type, so that callers build no union of the
 * catalogue's message types (TS2590 past a thousand keys).
 */
export function messageOrText(text: string): Message {
  if (isMessageKey(text)) return { key: text } as Message;
  return untranslated(text);
}

/** "12 avril 2013" in the default time zone (public pages; the back office uses the site's, kernel/time-zone.ts). */
export function formatDate(iso: string, lang: Lang = currentLang()): string {
  return formatDateIn(iso, DEFAULT_TIME_ZONE, lang);
}

/** "12 avril 2013 à 12:30" in the default time zone (public pages; the back office uses the site's). */
export function formatDateTime(iso: string, lang: Lang = currentLang()): string {
  return formatDateTimeIn(iso, DEFAULT_TIME_ZONE, lang);
}

/** Whether `value` is a key of the catalogue (zod issues of kernel/input.ts carry one as their message). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(fr, value);
}

/** Each language of the interface named in itself, as language menus do (a reader looks for their own). */
export const LANGUAGE_NAMES: Record<Lang, string> = { fr: 'Français', en: 'English' };

export function isLang(value: string): value is Lang {
  return value === 'fr' || value === 'en';
}
