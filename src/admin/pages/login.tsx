// The login form (and its error state, keeping the email typed).
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { Notice } from './layout.tsx';

export const LoginPage: FC<{ email?: string; error?: string; back?: string; info?: string }> = ({ email = '', error, back = '', info }) => (
  <div class="login">
    <h1>{t('admin.login.title')}</h1>
    {info ? <Notice>{info}</Notice> : null}
    {error ? <Notice kind="error">{error}</Notice> : null}
    <form method="post" action="/ecrire/login">
      <input type="hidden" name="retour" value={back} />
      <div class="field">
        <label for="email">{t('admin.login.email')}</label>
        <input type="email" id="email" name="email" value={email} autocomplete="username" required />
      </div>
      <div class="field">
        <label for="password">{t('admin.login.password')}</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required />
      </div>
      <button type="submit">{t('admin.login.submit')}</button>
    </form>
    <p>
      <a href="/ecrire/mot-de-passe-oublie">{t('admin.login.forgot')}</a>
    </p>
  </div>
);
