// The language every page of a request is written in (decision 022): the site's language (Réglages) for the
// public side, and in the back office the person's own choice (their profile), else the site's. Everything rendered
// while the request runs reads it through kernel/i18n (t, render, dates), so no component passes it down.
import type { MiddlewareHandler } from 'hono';
import { inLanguage, isLang, type Lang } from '../kernel/i18n/index.ts';
import { loadSiteSettings } from '../settings/index.ts';
import type { AppEnv } from './context.ts';
import { currentUser, type AdminEnv } from './auth.ts';

/** Public pages: the site's language. */
export const siteLanguage: MiddlewareHandler<AppEnv> = async (c, next) => {
  const settings = await loadSiteSettings(c.get('app').db);
  return inLanguage(settings.lang, next);
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
