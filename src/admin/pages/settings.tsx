// The site settings form: identity (name, tagline, description, language, time zone), default forum mode, where glossary
// terms are marked, and outgoing mail (SMTP); a link to Apparence (logo, colours, menu, home page, "Nous suivre").
// The SMTP password is never sent back to the browser.
import type { FC } from 'hono/jsx';
import { LANGUAGE_NAMES, t } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import { CsrfField } from './layout.tsx';
import { Done, Field, FormErrors, SelectField, type FormState } from './form-fields.tsx';
import { Notice } from './layout.tsx';

export const SettingsPage: FC<{ user: CurrentUser; state: FormState; smtpFromEnv: boolean; done?: string | undefined }> = ({ user, state, smtpFromEnv, done }) => (
  <>
    <h1>{t('admin.settings.title')}</h1>
    <Done message={done} />
    <FormErrors state={state} />
    <p class="see-also">
      {t('admin.settings.appearanceLead')} <a href="/ecrire/reglages/apparence">{t('admin.appearance.title')}</a>
    </p>
    <form method="post" action="/ecrire/reglages">
      <CsrfField user={user} />
      <fieldset>
        <legend>{t('admin.settings.identity')}</legend>
        <Field name="name" label={t('admin.settings.name')} state={state} required />
        <Field name="tagline" label={t('admin.settings.tagline')} state={state} rows={2} />
        <Field name="description" label={t('admin.settings.description')} state={state} rows={2} />
        <SelectField name="lang" label={t('admin.settings.lang')} state={state} options={Object.entries(LANGUAGE_NAMES).map(([value, label]) => ({ value, label }))} />
        <Field name="timeZone" label={t('admin.settings.timeZone')} hint={t('admin.settings.timeZoneHint')} state={state} required autocomplete="off" />
        <SelectField
          name="forumMode"
          label={t('admin.settings.forumMode')}
          state={state}
          options={(['pri', 'pos', 'abo', 'non'] as const).map((mode) => ({ value: mode, label: t(`forum.mode.${mode}`) }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.glossary')}</legend>
        <SelectField
          name="glossaryOccurrences"
          label={t('admin.settings.glossaryOccurrences')}
          hint={t('admin.settings.glossaryOccurrencesHint')}
          state={state}
          options={(['first', 'field', 'paragraph', 'all'] as const).map((value) => ({ value, label: t(`admin.settings.glossaryOccurrences.${value}`) }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('admin.settings.mail')}</legend>
        {smtpFromEnv ? <Notice kind="warning">{t('admin.settings.smtpEnv')}</Notice> : null}
        <Field name="emailFrom" label={t('admin.settings.emailFrom')} state={state} type="email" />
        <Field name="smtpHost" label={t('admin.settings.smtpHost')} state={state} />
        <Field name="smtpPort" label={t('admin.settings.smtpPort')} state={state} type="number" />
        <SelectField
          name="smtpSecurity"
          label={t('admin.settings.smtpSecurity')}
          state={state}
          options={[
            { value: 'starttls', label: 'STARTTLS (587)' },
            { value: 'tls', label: 'TLS (465)' },
            { value: 'none', label: '—' },
          ]}
        />
        <Field name="smtpUser" label={t('admin.settings.smtpUser')} state={state} autocomplete="off" />
        <Field name="smtpPassword" label={t('admin.settings.smtpPassword')} state={state} type="password" autocomplete="new-password" />
      </fieldset>
      <p class="actions">
        <button type="submit">{t('admin.form.save')}</button>
      </p>
    </form>
  </>
);
