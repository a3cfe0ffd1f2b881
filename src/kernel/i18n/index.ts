// Message lookup and French dates. French is the reference language; English is the second catalogue.
import { en } from './en.ts';
import { fr, type MessageKey } from './fr.ts';

export type Lang = 'fr' | 'en';
export type { MessageKey };

const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en };

/** The message `key` in `lang`, with `{name}` placeholders replaced. */
export function t(key: MessageKey, params: Record<string, string | number> = {}, lang: Lang = 'fr'): string {
  const template = catalogues[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const dateFormats: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }),
};

/** "12 avril 2013" (French: "1er" for the first day of the month, as French typography wants). */
export function formatDate(iso: string, lang: Lang = 'fr'): string {
  const text = dateFormats[lang].format(new Date(iso));
  return lang === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

export function isLang(value: string): value is Lang {
  return value === 'fr' || value === 'en';
}
