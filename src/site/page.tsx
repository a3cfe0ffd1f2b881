// A public page inside the site's layout, and the site's error pages (404 and others), for every public route.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { AppEnv } from '../web/context.ts';
import { sendPage } from '../web/send-page.ts';
import { Layout } from './pages/layout.tsx';
import { NotFoundPage, ErrorPage } from './pages/error.tsx';
import { loadSiteSettings, type SiteSettings } from '../settings/index.ts';
import { loadSectionTree, type SectionTree } from '../sections/index.ts';
import { t } from '../kernel/i18n/index.ts';
import type { Db } from '../db/connect.ts';

/** Renders a public page inside the site layout. */
export async function renderInLayout(
  db: Db,
  content: { title: string; description?: string; head?: Child; body: Child },
  shared?: { settings: SiteSettings; tree: SectionTree },
): Promise<string> {
  const { settings, tree } = shared ?? { settings: await loadSiteSettings(db), tree: await loadSectionTree(db) };
  const page = (
    <Layout settings={settings} title={content.title} description={content.description} topSections={tree.children(null)} head={content.head}>
      {content.body}
    </Layout>
  );
  return '<!DOCTYPE html>' + (await page.toString());
}

export async function notFound(c: Context<AppEnv>): Promise<Response> {
  const body = await renderInLayout(c.get('app').db, { title: t('notFound.title'), body: <NotFoundPage /> });
  return sendPage(c, body, { status: 404, cacheable: false });
}

export async function errorPage(c: Context<AppEnv>, status: number, title: string, message: string): Promise<Response> {
  const body = await renderInLayout(c.get('app').db, { title, body: <ErrorPage title={title} message={message} /> });
  return sendPage(c, body, { status, cacheable: false });
}
