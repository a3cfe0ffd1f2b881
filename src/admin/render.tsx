// Renders a back-office page inside AdminLayout, with the site's time zone for its dates (pages/dates.tsx).
// Back-office pages are never cached (private, per user).
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { loadSiteSettings } from '../settings/index.ts';
import { AdminLayout, Notice } from './pages/layout.tsx';
import { TimeZoneContext } from './pages/dates.tsx';
import { currentUser, type AdminEnv } from '../web/auth.ts';
import { t } from '../kernel/i18n/index.ts';

export interface AdminPage {
  title: string;
  /** href of the nav entry to mark as current. */
  current?: string;
  scripts?: string[];
  status?: number;
  body: Child;
}

export async function renderAdmin(c: Context<AdminEnv>, page: AdminPage): Promise<Response> {
  const settings = await loadSiteSettings(c.get('app').db);
  const html = (
    <TimeZoneContext.Provider value={settings.timeZone}>
      <AdminLayout title={page.title} siteName={settings.name} user={currentUser(c)} current={page.current} scripts={page.scripts}>
        {page.body}
      </AdminLayout>
    </TimeZoneContext.Provider>
  );
  return new Response('<!DOCTYPE html>' + (await html.toString()), {
    status: page.status ?? 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export async function adminErrorPage(c: Context<AdminEnv>, status: number, message: string): Promise<Response> {
  return renderAdmin(c, {
    title: t('error.title'),
    status,
    body: (
      <>
        <h1>{t('error.title')}</h1>
        <Notice kind="error">{message}</Notice>
        <p>
          <a href="/ecrire/">{t('admin.backHome')}</a>
        </p>
      </>
    ),
  });
}
