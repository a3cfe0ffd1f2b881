// Site settings (name, tagline, forum default, follow-us links…), stored as JSON values in `settings`; every
// change saved is kept as a revision in the same transaction (revisions.ts).
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Db, Trx } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/time.ts';
import { memoByVersion } from '../db/memo.ts';
import { recordSettingsRevision } from './revisions.ts';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../kernel/time-zone.ts';

export const followLinkSchema = z.object({
  label: z.string().min(1),
  url: z.string().regex(/^(https?:\/\/|\/)/, 'errors.field.linkAddress'),
  kind: z.enum(['rss', 'atom', 'newsletter', 'mastodon', 'bluesky', 'linkedin', 'facebook', 'youtube', 'other']).default('other'),
});

/** Outgoing mail server, set in the back office; TISSE_SMTP_URL, when set, takes precedence. Empty host: mail stays in the outbox. */
export const smtpSettingsSchema = z.object({
  host: z
    .string()
    .trim()
    .max(253)
    .regex(/^$|^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/, 'errors.field.hostInvalid')
    .default(''),
  port: z.coerce.number().int('errors.field.portInteger').min(1, 'errors.field.portRange').max(65535, 'errors.field.portRange').default(587),
  /** 'starttls': plain connection upgraded to TLS (port 587); 'tls': TLS from the start (port 465). */
  security: z.enum(['starttls', 'tls', 'none']).default('starttls'),
  user: z.string().trim().max(320).default(''),
  password: z.string().max(500).default(''),
});

/** An image of the site's identity (logo, favicon): a document of the library, its file and size kept for the pages. */
export const brandImageSchema = z.object({
  documentId: z.number().int().positive(),
  file: z.string().min(1),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
});

/** One entry of the main menu, in the order shown: a section, an article (a "page"), or any link. */
export const menuItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('section'), sectionId: z.number().int().positive() }),
  z.object({ kind: z.literal('article'), articleId: z.number().int().positive() }),
  z.object({ kind: z.literal('link'), label: z.string().trim().min(1, 'errors.field.linkLabelRequired').max(80, 'errors.field.tooLong'), url: z.string().trim().regex(/^(https?:\/\/|\/)/, 'errors.field.linkAddress').max(2000, 'errors.field.tooLong') }),
]);

/** What the home page shows: its featured article, then the latest articles, then a block per section. */
export const homeBlocksSchema = z.object({
  /** 'latest': the most recent article; a number: that article while it is published; 'none': no featured article. */
  featured: z.union([z.enum(['latest', 'none']), z.number().int().positive()]).default('latest'),
  /** How many latest articles follow the featured one (0: none). */
  latestCount: z.number().int().min(0, 'errors.field.zeroTo30').max(30, 'errors.field.zeroTo30').default(6),
  /** The sections with a block of their own, in order; empty: every top-level section. */
  sectionIds: z.array(z.number().int().positive()).max(20, 'errors.field.atMost20Sections').default([]),
  /** How many articles each section's block shows (0: no section blocks). */
  perSection: z.number().int().min(0, 'errors.field.zeroTo12').max(12, 'errors.field.zeroTo12').default(3),
});

/** Scheduled backups (backup/scheduled-backups.ts): none, or one a day kept in <dataDir>/backups/, the newest `keep`. */
export const backupSettingsSchema = z.object({
  schedule: z.enum(['off', 'daily']).default('off'),
  keep: z.coerce.number().int('errors.field.keepBackups').min(1, 'errors.field.keepBackups').max(100, 'errors.field.keepBackups').default(7),
});

/** The newsletter (issue 20): the sign-up form's consent sentence, the sending rate, anti-abuse thresholds. */
export const newsletterSettingsSchema = z.object({
  consentText: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .default('J’accepte de recevoir la lettre d’information de ce site à cette adresse. Je peux me désinscrire à tout moment par le lien présent dans chaque lettre.'),
  /** Messages per minute handed to SMTP, all app servers together; 0: as fast as the server takes them. */
  ratePerMinute: z.number().int().min(0).max(1_000_000).default(600),
  /** Recipients per delivery job. */
  batchSize: z.number().int().min(1).max(5000).default(100),
  /** Sign-ups accepted from one address (IP) per hour, and confirmation mails sent to one email per day. */
  perIpPerHour: z.number().int().min(1).default(10),
  perEmailPerDay: z.number().int().min(1).default(3),
  /** How long a confirmation link stays good. */
  confirmHours: z.number().min(1).default(72),
});

export const siteSettingsSchema = z.object({
  name: z.string().min(1).default('Mon site Tisse'),
  tagline: z.string().default(''),
  description: z.string().default(''),
  address: z.string().default(''),
  lang: z.enum(['fr', 'en']).default('fr'),
  /** The organisation's clock: every date the back office shows or reads is in this IANA zone (kernel/time-zone.ts). */
  timeZone: z.string().trim().max(64, 'errors.field.timeZone').refine(isTimeZone, 'errors.field.timeZone').default(DEFAULT_TIME_ZONE),
  forumMode: z.enum(['pri', 'pos', 'abo', 'non']).default('pri'),
  followLinks: z.array(followLinkSchema).default([]),
  /**
   * Where a glossary term is marked in an article: 'first', at its first occurrence (lead, text and postscript
   * together); 'field', at its first occurrence in each of them, as SPIP does; 'paragraph', once per
   * paragraph; 'all', at every one (glossary/annotate.ts).
   */
  glossaryOccurrences: z.enum(['first', 'field', 'paragraph', 'all']).default('first'),
  /** Hosts from which editors may embed <iframe> (video platforms…). */
  iframeHosts: z.array(z.string()).default([]),
  emailFrom: z.string().default(''),
  smtp: smtpSettingsSchema.default(smtpSettingsSchema.parse({})),
  /** Réglages → Apparence. */
  logo: brandImageSchema.nullable().default(null),
  favicon: brandImageSchema.nullable().default(null),
  /** Values of the settings the active theme offers (theme.json), checked against it when saved and when read. */
  themeSettings: z.record(z.string(), z.union([z.string(), z.boolean()])).default({}),
  /** The main menu; empty: the top-level sections, in their order. */
  mainMenu: z.array(menuItemSchema).max(30).default([]),
  homeBlocks: homeBlocksSchema.default(homeBlocksSchema.parse({})),
  backups: backupSettingsSchema.default(backupSettingsSchema.parse({})),
  newsletter: newsletterSettingsSchema.default(newsletterSettingsSchema.parse({})),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type FollowLink = z.infer<typeof followLinkSchema>;
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;
export type BrandImage = z.infer<typeof brandImageSchema>;
export type MenuItem = z.infer<typeof menuItemSchema>;
export type HomeBlocks = z.infer<typeof homeBlocksSchema>;
export type BackupSettings = z.infer<typeof backupSettingsSchema>;
export type NewsletterSettings = z.infer<typeof newsletterSettingsSchema>;

/** The site's settings, read once per data version (see db/memo.ts). */
export const loadSiteSettings = memoByVersion((db: Db) => readSiteSettings(db.kysely));

async function readSiteSettings(kysely: Kysely<Database>): Promise<SiteSettings> {
  const rows = await kysely.selectFrom('settings').select(['key', 'value']).execute();
  const raw: Record<string, unknown> = {};
  for (const row of rows) raw[row.key] = JSON.parse(row.value);
  // A stored value that no longer validates falls back to its default rather than breaking every page.
  const parsed = siteSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const shape = siteSettingsSchema.shape;
  const fixed: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const one = (schema as z.ZodType).safeParse(raw[key]);
    if (one.success) fixed[key] = one.data;
  }
  return siteSettingsSchema.parse(fixed);
}

export type SettingKey = keyof SiteSettings;

/** Every setting's name, in the schema's order (the order revisions list them in). */
export const settingKeys = Object.keys(siteSettingsSchema.shape) as SettingKey[];

/**
 * Validates and stores some settings in one transaction, with a revision of what changed (who: `authorId`, a
 * user's id, or null from the command line); returns the full new settings. The values before are read in the
 * same transaction, so a revision never records a stale "before". Keys whose value does not change are neither
 * written nor recorded: a save that changes nothing leaves no revision.
 */
export async function saveSiteSettings(db: Db, changes: Partial<SiteSettings>, authorId: number | null = null): Promise<SiteSettings> {
  return db.write(async (trx) => {
    const current = await readSiteSettings(trx);
    const next = siteSettingsSchema.parse({ ...current, ...changes });
    const changed = settingKeys.filter((key) => key in changes && JSON.stringify(current[key]) !== JSON.stringify(next[key]));
    if (changed.length === 0) return next;
    await writeSettings(trx, next, changed);
    await recordSettingsRevision(trx, { authorId, keys: changed, before: current, after: next });
    return next;
  });
}

export async function writeSettings(trx: Trx, settings: Partial<SiteSettings>, keys = Object.keys(settings)): Promise<void> {
  const now = nowIso();
  for (const key of keys) {
    const value = JSON.stringify(settings[key as keyof SiteSettings]);
    await trx
      .insertInto('settings')
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
  }
}
