// The site's settings (name, tagline, language, forum mode, follow links, SMTP, appearance: logo, favicon, theme settings, main menu, home blocks), read memoised and saved
// validated. The only door into this module.
export { loadSiteSettings, saveSiteSettings, siteSettingsSchema, writeSettings, menuItemSchema, homeBlocksSchema, brandImageSchema } from './settings.ts';
export type { SiteSettings, SmtpSettings, BrandImage, MenuItem, HomeBlocks } from './settings.ts';
export { siteSecret } from './secrets.ts';
