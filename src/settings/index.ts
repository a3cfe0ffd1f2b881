// The site's settings (name, tagline, language, forum mode, follow links, SMTP), read memoised and saved
// validated. The only door into this module.
export { loadSiteSettings, saveSiteSettings, siteSettingsSchema, writeSettings } from './settings.ts';
export type { SiteSettings, SmtpSettings } from './settings.ts';
export { siteSecret } from './secrets.ts';
