// The back-office frame: skip link, site name, the current user (a link to their profile) with a logout button,
// and the main navigation: the entries of admin-menu.ts this user may open (issue 18), none for a visitor.
import type { Child, FC } from 'hono/jsx';
import { currentLang, t } from '../../kernel/i18n/index.ts';
import { menuFor, type MenuEntry } from '../admin-menu.ts';
import { adminAssetUrl } from '../assets.ts';
import { CSRF_FIELD, type CurrentUser } from '../../web/auth.ts';

const NavLink: FC<{ item: MenuEntry; current: string | undefined }> = ({ item, current }) => (
  <a href={item.href} aria-current={current === item.href ? 'page' : undefined}>
    {t(item.key)}
  </a>
);

export interface AdminLayoutProps {
  title: string;
  siteName: string;
  /** Undefined on the login and password pages. */
  user?: CurrentUser | undefined;
  /** The nav entry to mark as current (its href). */
  current?: string;
  /** Scripts this page needs (asset names under src/admin/assets/). */
  scripts?: string[];
  children?: Child;
}

export const AdminLayout: FC<AdminLayoutProps> = ({ title, siteName, user, current, scripts = [], children }) => (
  <html lang={currentLang()}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{`${title} — ${t('admin.title')} — ${siteName}`}</title>
      <link rel="stylesheet" href={adminAssetUrl('admin.css')} />
      {scripts.map((name) => (
        <script src={adminAssetUrl(name)} defer></script>
      ))}
    </head>
    <body>
      <a class="skip-link" href="#contenu">
        {t('site.skipToContent')}
      </a>
      <header class="admin-header">
        <p class="admin-brand">
          <a href="/ecrire/">{t('admin.title')}</a> · <a href="/">{siteName}</a>
        </p>
        {user ? (
          <div class="admin-user">
            <a href="/ecrire/profil" aria-current={current === '/ecrire/profil' ? 'page' : undefined} title={t('admin.profile.title')}>
              {user.user.name}
            </a>
            <form method="post" action="/ecrire/logout">
              <CsrfField user={user} />
              <button type="submit">{t('admin.logout')}</button>
            </form>
          </div>
        ) : null}
      </header>
      {user && menuFor(user.actor).length > 0 ? (
        <nav class="admin-nav" aria-label={t('admin.nav.label')}>
          <ul>
            {menuFor(user.actor).map((item) => (
              <li>
                <NavLink item={item} current={current} />
                {item.sub?.length ? (
                  <ul class="admin-nav__sub">
                    {item.sub.map((sub) => (
                      <li>
                        <NavLink item={sub} current={current} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="contenu" class="admin-main">
        {children}
      </main>
    </body>
  </html>
);

/** The hidden field every back-office form carries (checked by csrfProtection). */
export const CsrfField: FC<{ user: CurrentUser }> = ({ user }) => <input type="hidden" name={CSRF_FIELD} value={user.csrfToken} />;

/** A message above a form or page: information, warning or error. */
export const Notice: FC<{ kind?: 'info' | 'warning' | 'error'; children?: Child }> = ({ kind = 'info', children }) => (
  <div class={kind === 'info' ? 'notice' : `notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
    {children}
  </div>
);
