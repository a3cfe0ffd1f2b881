// spip_meta → site settings: name, tagline, description, address, language, and the forum default
// (forums_publics: 'priori' → pri, 'posteriori' → pos, 'abo', 'non'). The rest of SPIP's configuration
// (back-office options, plugin state, caches) has no meaning in Tisse and is reported, not copied.
import { siteSettingsSchema, type SiteSettings } from '../../../settings/index.ts';
import { forumMode } from './articles.ts';
import type { MappingContext } from '../context.ts';

const used = ['nom_site', 'slogan_site', 'descriptif_site', 'adresse_site', 'langue_site', 'forums_publics', 'email_envoi', 'email_webmaster'];

export function mapSettings(ctx: MappingContext): Partial<SiteSettings> {
  const meta = ctx.dump.meta;
  const settings: Partial<SiteSettings> = {};
  const name = meta.get('nom_site')?.trim();
  if (name) settings.name = name;
  settings.tagline = meta.get('slogan_site') ?? '';
  settings.description = meta.get('descriptif_site') ?? '';
  settings.address = meta.get('adresse_site') ?? '';
  const lang = meta.get('langue_site');
  if (lang === 'fr' || lang === 'en') settings.lang = lang;
  else if (lang) ctx.report.notes.push(`Langue du site « ${lang} » : Tisse parle français et anglais, le site reste en français.`);
  const mode = forumMode(meta.get('forums_publics'));
  if (mode) settings.forumMode = mode;
  const from = meta.get('email_envoi')?.trim();
  if (from) settings.emailFrom = from;
  // Checked here so that a value Tisse would refuse fails the import before anything is written.
  siteSettingsSchema.partial().parse(settings);
  ctx.count('réglages du site', 'spip_meta');
  const ignored = [...meta.keys()].filter((k) => !used.includes(k)).length;
  ctx.report.notes.push(`spip_meta : ${used.filter((k) => meta.has(k)).length} réglages repris, ${ignored} autres sans équivalent (options du back office SPIP, plugins, caches) non repris.`);
  return settings;
}

export function siteLangOf(ctx: MappingContext): string {
  return ctx.dump.meta.get('langue_site') || 'fr';
}
