// /ecrire/reglages: the site settings (full administrators). The form's flat fields map to the settings
// schema of settings/settings.ts, which validates everything before one transaction stores it (with its
// revision). What the public site looks like (logo, colours, menu, home page, "Nous suivre") is on
// Réglages → Apparence (appearance-routes.tsx).
import { field, formFields, refusedForm, type FormState } from '../web/form-action.ts';
import { Hono, type Context } from 'hono';
import { requirePermission, type AdminEnv } from '../web/auth.ts';
import { renderAdmin } from './render.tsx';
import { doneMessage } from './form-state.ts';
import { SettingsPage } from './pages/settings.tsx';
import { loadSiteSettings, saveSiteSettings, siteSettingsSchema, type SiteSettings } from '../settings/index.ts';
import { parseInput } from '../kernel/validation.ts';
import { TisseError } from '../kernel/errors.ts';
import { t } from '../kernel/i18n/index.ts';

export const settingsAdminRoutes = new Hono<AdminEnv>();

const labels = {
  name: 'errors.label.siteName',
  tagline: 'errors.label.tagline',
  lang: 'errors.label.lang',
  timeZone: 'errors.label.timeZone',
  forumMode: 'errors.label.forumMode',
  glossaryOccurrences: 'errors.label.glossaryOccurrences',
  emailFrom: 'errors.label.emailFrom',
  smtp: 'errors.label.smtp',
} as const;

function formValues(s: SiteSettings): Record<string, string> {
  return {
    name: s.name,
    tagline: s.tagline,
    description: s.description,
    lang: s.lang,
    timeZone: s.timeZone,
    forumMode: s.forumMode,
    glossaryOccurrences: s.glossaryOccurrences,
    emailFrom: s.emailFrom,
    smtpHost: s.smtp.host,
    smtpPort: String(s.smtp.port),
    smtpSecurity: s.smtp.security,
    smtpUser: s.smtp.user,
  };
}

function render(c: Context<AdminEnv>, state: FormState, status?: number): Promise<Response> {
  const user = requirePermission(c, 'settings.manage');
  return renderAdmin(c, {
    title: t('admin.settings.title'),
    current: '/ecrire/reglages',
    status,
    body: <SettingsPage user={user} state={state} smtpFromEnv={Boolean(c.get('app').config.smtpUrl)} done={doneMessage(c)} />,
  });
}

settingsAdminRoutes.get('/', async (c) => {
  requirePermission(c, 'settings.manage');
  return render(c, { values: formValues(await loadSiteSettings(c.get('app').db)) });
});

settingsAdminRoutes.post('/', async (c) => {
  const user = requirePermission(c, 'settings.manage');
  const fields = await formFields(c);
  const { db } = c.get('app');
  try {
    const current = await loadSiteSettings(db);
    const password = field(fields, 'smtpPassword');
    const changes = {
      name: field(fields, 'name').trim(),
      tagline: field(fields, 'tagline').trim(),
      description: field(fields, 'description').trim(),
      lang: field(fields, 'lang'),
      // A form without the field (a page from before it existed) keeps the setting.
      timeZone: field(fields, 'timeZone').trim() || current.timeZone,
      forumMode: field(fields, 'forumMode'),
      // A form without the field (a page from before it existed) keeps the setting.
      glossaryOccurrences: field(fields, 'glossaryOccurrences') || current.glossaryOccurrences,
      emailFrom: field(fields, 'emailFrom').trim(),
      smtp: {
        host: field(fields, 'smtpHost'),
        port: field(fields, 'smtpPort') || '587',
        security: field(fields, 'smtpSecurity'),
        user: field(fields, 'smtpUser'),
        password: password === '' ? current.smtp.password : password,
      },
    };
    if (!changes.name) throw new TisseError('BAD_INPUT', 'errors.settings.nameRequired', { fields: { name: 'errors.field.required' } });
    if (changes.emailFrom && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(changes.emailFrom)) {
      throw new TisseError('BAD_INPUT', 'errors.settings.emailFromInvalid', { fields: { emailFrom: 'errors.field.invalidEmail' } });
    }
    // Validate the whole form first, so the messages name the fields people see.
    const valid = parseInput(siteSettingsSchema, { ...current, ...changes }, labels);
    const { name, tagline, description, lang, timeZone, forumMode, glossaryOccurrences, emailFrom, smtp } = valid;
    await saveSiteSettings(db, { name, tagline, description, lang, timeZone, forumMode, glossaryOccurrences, emailFrom, smtp }, user.user.id);
    return c.redirect('/ecrire/reglages?fait=saved', 303);
  } catch (error) {
    const state = refusedForm(fields, error);
    // The settings schema nests SMTP: point its errors at the SMTP fields.
    if (state.errors?.smtp) state.errors.smtpHost = state.errors.smtp;
    return render(c, state, state.status);
  }
});
