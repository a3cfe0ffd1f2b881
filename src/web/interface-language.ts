// The language every page of a request is written in (decision 030): the site's language (Réglages) for the
// public side, and in the back office the person's own choice (their profile), else the site's. Everything rendered
// while the request runs reads it through kernel/i18n (t, render, dates), so no component passes it down.
import type { MiddlewareHandler } from 'hono';
import { inLanguage, isLang, type Lang } from '../kernel/i18n/index.ts';
import { canonicalLanguageTag, interfaceLangOf } from '../kernel/language-tag.ts';
import { TisseError } from '../kernel/errors.ts';
import { loadSiteSettings } from '../settings/index.ts';
import type { AppEnv } from './context.ts';
import { currentUser, type AdminEnv } from './auth.ts';

/**
 * Public pages: the site's language; a list asked in one language (`?lang=en`, decision 031) keeps only the articles
 * in it and reads in it when the catalogue has it. A code that is not BCP 47 is a 400 with its French message.
 */
export const siteLanguage: MiddlewareHandler<AppEnv> = async (c, next) => {
  const settings = await loadSiteSettings(c.get('app').db);
  const asked = c.req.path.startsWith('/ecrire') ? undefined : c.req.query('lang');
  if (asked === undefined) return inLanguage(settings.lang, next);
  const tag = canonicalLanguageTag(asked);
  if (tag === undefined) throw new TisseError('BAD_INPUT', 'errors.input.badLanguage');
  c.set('listLanguage', tag);
  return inLanguage(interfaceLangOf(tag, settings.lang), next);
};

/** Back-office pages (after loadSession): the person's language, else the site's. */
export const backOfficeLanguage: MiddlewareHandler<AdminEnv> = async (c, next) => {
  const settings = await loadSiteSettings(c.get('app').db);
  return inLanguage(userLanguage(currentUser(c)?.user.lang, settings.lang), next);
};

/** A person's chosen language ('' or an unknown code: none chosen) or else the site's. */
export function userLanguage(chosen: string | undefined, siteLang: Lang): Lang {
  return chosen && isLang(chosen) ? chosen : siteLang;
}
