// Languages of texts (an article's, a section's) as BCP 47 tags: "fr", "en", "en-GB", "pt-BR". A tag is checked
// and written in its canonical form by Intl (the engine's own BCP 47 parser); SPIP's codes ("pt_br", "fr_fem")
// become tags by their underscore. The interface itself speaks only the catalogue's languages (kernel/i18n).
import { z } from 'zod';
import { isLang, type Lang } from './i18n/index.ts';

/** The canonical form of a BCP 47 tag ("EN-gb" → "en-GB"), or undefined when `text` is not one. */
export function canonicalLanguageTag(text: string): string | undefined {
  const tag = text.trim().replace(/_/g, '-');
  // Intl accepts extensions and private use; a text's language is a language, a script, a region, variants.
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** A language tag typed in a form: canonicalised, or refused with the catalogue's message. */
export const languageTag = tagSchema(false);

/** The same, where empty means "none chosen: inherit" (an article's or a section's language field). */
export const chosenLanguageTag = tagSchema(true);

function tagSchema(emptyAllowed: boolean) {
  return z
    .string()
    .trim()
    .max(35)
    .transform((text, context) => {
      if (emptyAllowed && text === '') return '';
      const tag = canonicalLanguageTag(text);
      if (tag === undefined) {
        context.addIssue({ code: 'custom', message: 'errors.field.languageTag' });
        return z.NEVER;
      }
      return tag;
    });
}

/** The primary language of a tag: "en" for "en-GB". */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/** Whether two tags are the same language (a translation into "en-GB" of an "en" text is no translation). */
export function sameLanguage(a: string, b: string): boolean {
  return primaryLanguage(a) === primaryLanguage(b);
}

/** The interface language for a page in `tag`: its own when the catalogue has it, else `fallback` (the site's). */
export function interfaceLangOf(tag: string, fallback: Lang): Lang {
  const primary = primaryLanguage(tag);
  return isLang(primary) ? primary : fallback;
}

/** A language's name in that language ("English", "Deutsch"), as a language switcher shows it. */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    return name ? name.charAt(0).toLocaleUpperCase(tag) + name.slice(1) : tag;
  } catch {
    return tag;
  }
}
