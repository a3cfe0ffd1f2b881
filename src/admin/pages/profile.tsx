// /ecrire/profil, every account's own page (visitors included): what the site shows of them (name, biography),
// their email and password (each behind their current password), and their open sessions with "Se déconnecter
// partout ailleurs". Each part is its own form, so a refused one comes back alone, as typed.
import type { FC } from 'hono/jsx';
import { LANGUAGE_NAMES, t, type Lang } from '../../kernel/i18n/index.ts';
import type { CurrentUser } from '../../web/auth.ts';
import type { SessionSummary } from '../../users/index.ts';
import type { User } from '../../db/schema.ts';
import { CsrfField } from './layout.tsx';
import { Done, Field, FormErrors, SelectField, type FormState } from './form-fields.tsx';
import { DateTimeText } from './dates.tsx';
import { SeeOnline } from './see-online.tsx';

export interface ProfileStates {
  identity: FormState;
  email: FormState;
  password: FormState;
}

export interface ProfilePageProps {
  user: CurrentUser;
  account: User;
  sessions: SessionSummary[];
  states: ProfileStates;
  done?: string | undefined;
  /** The site's language: the back office's when the person chose none. */
  siteLang: Lang;
  /** The person's public author page, when it answers. */
  publicUrl?: string | undefined;
}

/** Browsers by the token that names them, most specific first (Edge and Opera also say Chrome; Chrome says Safari). */
const BROWSERS: [RegExp, string][] = [
  [/Edg\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari/, 'Safari'],
];

/** A user agent in a few words ("Firefox 128 · Linux"): enough to recognise one's own devices. */
export function deviceName(userAgent: string): string {
  if (!userAgent) return t('admin.profile.unknownDevice');
  const browser = BROWSERS.map(([pattern, name]) => {
    const version = pattern.exec(userAgent)?.[1];
    return version ? `${name} ${version}` : undefined;
  }).find(Boolean);
  const system = /(Android|iPhone|iPad|Windows|Mac OS X|Linux|CrOS)/.exec(userAgent)?.[1]?.replace('Mac OS X', 'macOS').replace('CrOS', 'ChromeOS');
  const words = [browser, system].filter(Boolean).join(' · ');
  return words || userAgent.slice(0, 80);
}

/** The choices of the back office's language: the site's (followed when it changes), or one named. */
function interfaceLanguages(siteLang: Lang) {
  return [{ value: '', label: t('admin.profile.siteLang', { lang: LANGUAGE_NAMES[siteLang] }) }, ...Object.entries(LANGUAGE_NAMES).map(([value, label]) => ({ value, label }))];
}

export const ProfilePage: FC<ProfilePageProps> = ({ user, account, sessions, states, done, publicUrl, siteLang }) => {
  const others = sessions.filter((s) => s.id !== user.sessionId).length;
  return (
    <>
      <h1>{t('admin.profile.title')}</h1>
      <p>{t('admin.profile.lead')}</p>
      <Done message={done} />
      {publicUrl ? <SeeOnline href={publicUrl} label={t('admin.profile.seePublic')} /> : null}

      <form method="post" action="/ecrire/profil" aria-labelledby="profil-identite">
        <CsrfField user={user} />
        <fieldset>
          <legend id="profil-identite">{t('admin.profile.identity')}</legend>
          <FormErrors state={states.identity} />
          <Field name="name" label={t('admin.profile.name')} state={states.identity} required autocomplete="name" />
          <Field name="bio" label={t('admin.profile.bio')} hint={t('admin.profile.bioHint')} state={states.identity} rows={5} />
          <SelectField name="lang" label={t('admin.profile.lang')} state={states.identity} options={interfaceLanguages(siteLang)} />
          <p class="actions">
            <button type="submit">{t('admin.profile.saveIdentity')}</button>
          </p>
        </fieldset>
      </form>

      <form method="post" action="/ecrire/profil/email" aria-labelledby="profil-email">
        <CsrfField user={user} />
        <fieldset>
          <legend id="profil-email">{t('admin.profile.emailLegend')}</legend>
          <FormErrors state={states.email} />
          <Field name="email" label={t('admin.profile.email')} state={states.email} type="email" required autocomplete="email" />
          <Field name="emailPassword" label={t('admin.profile.currentPassword')} hint={t('admin.profile.currentPasswordHint')} state={states.email} type="password" required autocomplete="current-password" />
          <p class="actions">
            <button type="submit">{t('admin.profile.saveEmail')}</button>
          </p>
        </fieldset>
      </form>

      <form method="post" action="/ecrire/profil/mot-de-passe" aria-labelledby="profil-mot-de-passe">
        <CsrfField user={user} />
        {/* For password managers: the account this password belongs to. */}
        <input type="hidden" name="username" value={account.email} autocomplete="username" />
        <fieldset>
          <legend id="profil-mot-de-passe">{t('admin.profile.passwordLegend')}</legend>
          <FormErrors state={states.password} />
          <Field name="currentPassword" label={t('admin.profile.currentPassword')} hint={t('admin.profile.currentPasswordHint')} state={states.password} type="password" required autocomplete="current-password" />
          <Field name="password" label={t('admin.profile.newPassword')} hint={t('admin.profile.passwordHint')} state={states.password} type="password" required autocomplete="new-password" />
          <Field name="confirm" label={t('admin.profile.confirm')} state={states.password} type="password" required autocomplete="new-password" />
          <p class="actions">
            <button type="submit">{t('admin.profile.savePassword')}</button>
          </p>
        </fieldset>
      </form>

      <section aria-labelledby="profil-sessions">
        <h2 id="profil-sessions">{t('admin.profile.sessions', { count: sessions.length })}</h2>
        {/* Focusable: on a phone the table scrolls sideways, and a keyboard must be able to scroll it too. */}
        <div class="table-scroll" tabindex={0} role="region" aria-labelledby="profil-sessions">
          <table>
            <caption class="visually-hidden">{t('admin.profile.sessionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.profile.device')}</th>
                <th scope="col">{t('admin.profile.ip')}</th>
                <th scope="col">{t('admin.profile.created')}</th>
                <th scope="col">{t('admin.profile.lastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr>
                  <td>
                    <span title={s.userAgent}>{deviceName(s.userAgent)}</span>
                    {s.id === user.sessionId ? <strong> ({t('admin.profile.thisSession')})</strong> : null}
                  </td>
                  <td>{s.ip}</td>
                  <td>
                    <DateTimeText iso={s.createdAt} />
                  </td>
                  <td>
                    <DateTimeText iso={s.lastSeenAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {others > 0 ? (
          <form method="post" action="/ecrire/profil/sessions/fermer">
            <CsrfField user={user} />
            <p class="hint">{t('admin.profile.endOthersHint')}</p>
            <p class="actions">
              <button type="submit" class="secondary">
                {t('admin.profile.endOthers')}
              </button>
            </p>
          </form>
        ) : (
          <p>{t('admin.profile.noOthers')}</p>
        )}
      </section>
    </>
  );
};
