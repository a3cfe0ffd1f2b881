// Password reset pages: ask for the link by email, then choose a new password with the emailed token.
import type { FC } from 'hono/jsx';
import { t } from '../../kernel/i18n/index.ts';
import { Notice } from './layout.tsx';

export const ResetRequestPage: FC<{ sent?: boolean; email?: string }> = ({ sent, email = '' }) => (
  <div class="login">
    <h1>{t('admin.reset.title')}</h1>
    {sent ? <Notice>{t('admin.reset.sent')}</Notice> : <p>{t('admin.reset.intro')}</p>}
    <form method="post" action="/ecrire/mot-de-passe-oublie">
      <div class="field">
        <label for="email">{t('admin.login.email')}</label>
        <input type="email" id="email" name="email" value={email} autocomplete="username" required />
      </div>
      <button type="submit">{t('admin.reset.send')}</button>
    </form>
    <p>
      <a href="/ecrire/login">{t('admin.login.title')}</a>
    </p>
  </div>
);

export const ResetChoosePage: FC<{ token: string; error?: string | undefined; valid: boolean }> = ({ token, error, valid }) => (
  <div class="login">
    <h1>{t('admin.reset.choose')}</h1>
    {error ? <Notice kind="error">{error}</Notice> : null}
    {valid ? (
      <form method="post" action={`/ecrire/reinitialiser/${token}`}>
        <div class="field">
          <label for="password">{t('admin.reset.newPassword')}</label>
          <input type="password" id="password" name="password" autocomplete="new-password" minlength={8} required />
        </div>
        <div class="field">
          <label for="confirm">{t('admin.reset.confirm')}</label>
          <input type="password" id="confirm" name="confirm" autocomplete="new-password" minlength={8} required />
        </div>
        <button type="submit">{t('admin.reset.submit')}</button>
      </form>
    ) : (
      <p>
        <a href="/ecrire/mot-de-passe-oublie">{t('admin.reset.title')}</a>
      </p>
    )}
  </div>
);
