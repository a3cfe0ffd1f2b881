// The site's settings (name, tagline, language, forum mode, follow links, SMTP, appearance: logo, favicon, theme
// settings, main menu, home blocks), read memoised and saved validated, each change kept as a revision (secrets
// masked). The only door into this module.
export { loadSiteSettings, saveSiteSettings, settingKeys, siteSettingsSchema, writeSettings, followLinkSchema, menuItemSchema, homeBlocksSchema, brandImageSchema, backupSettingsSchema, newsletterSettingsSchema } from './settings.ts';
export type { SiteSettings, SettingKey, SmtpSettings, FollowLink, BrandImage, MenuItem, HomeBlocks, BackupSettings, NewsletterSettings } from './settings.ts';
export { parseFollowLinks, followLinksText } from './follow-links.ts';
export { MASKED, listSettingsRevisions, loadSettingsRevision } from './revisions.ts';
export type { SettingsRevisionEntry } from './revisions.ts';
export { siteSecret } from './secrets.ts';
