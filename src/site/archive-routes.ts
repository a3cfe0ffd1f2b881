// The archive: /archives (every public article, newest first, in numbered pages, with a link to each year),
// /archives/<year> (the year's months and how many articles each holds) and /archives/<year>/<month> (that
// month's articles, in numbered pages). Months are Paris months (kernel/paris-months.ts). Mounted before the
// articles' /:slug (migration 029 moved an article that was slugged `archives`).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { sendPage } from '../web/send-page.ts';
import { loadSiteSettings } from '../settings/index.ts';
import { listMonthArticles, listPublicArticles, loadArchiveCalendar, loadPublicSectionTree, monthCount, nextScheduledPublication, type ArchiveCalendar, type ArticleSummary } from '../articles/index.ts';
import { monthName } from '../kernel/paris-months.ts';
import { t } from '../kernel/i18n/index.ts';
import { articleCards } from './article-cards.ts';
import { notFound } from './page.ts';
import { pageMeta } from './page-meta.ts';
import { listPage, pagedHead, pagedPath, pagedTitle, requestedPage, type ListPage } from './paged-list.ts';
import { renderPage, type Crumb } from './render-page.ts';

export const archiveRoutes = new Hono<AppEnv>();

const ARCHIVE_PATH = '/archives';

archiveRoutes.get(ARCHIVE_PATH, async (c) => {
  const { db } = c.get('app');
  const requested = await requestedPage(c);
  if (requested instanceof Response) return requested;
  const calendar = await loadArchiveCalendar(db);
  const list = listPage(ARCHIVE_PATH, requested, calendar.total);
  if (!list) return notFound(c);
  const articles = await listPublicArticles(db, { limit: list.limit, offset: list.offset });
  return archivePage(c, { path: ARCHIVE_PATH, heading: t('archive.title'), intro: t('archive.intro'), listTitle: t('archive.all'), crumbs: [], calendar, list, articles, months: null });
});

archiveRoutes.get(`${ARCHIVE_PATH}/:year`, async (c) => {
  const { db } = c.get('app');
  const calendar = await loadArchiveCalendar(db);
  const year = archiveYear(calendar, c.req.param('year'));
  if (!year) return notFound(c);
  // A year's page is one page (its months): ?page=1 answers 301 as on every list, any other page is none.
  const requested = await requestedPage(c);
  if (requested instanceof Response) return requested;
  if (requested > 1) return notFound(c);
  const months = year.months.map((m) => ({ name: capitalised(monthName(m.month)), count: m.count, url: monthPath(year.year, m.month) }));
  const heading = t('archive.yearTitle', { year: year.year });
  const path = `${ARCHIVE_PATH}/${year.year}`;
  return archivePage(c, { path, heading, intro: t('archive.count', { count: year.count }), listTitle: null, crumbs: [{ label: String(year.year), href: path }], calendar, list: null, articles: null, months, year: year.year });
});

archiveRoutes.get(`${ARCHIVE_PATH}/:year/:month`, async (c) => {
  const { db } = c.get('app');
  const calendar = await loadArchiveCalendar(db);
  const year = archiveYear(calendar, c.req.param('year'));
  const monthParam = c.req.param('month');
  // Two digits, as the archive links them: /archives/2024/03, never /archives/2024/3.
  const month = /^(0[1-9]|1[0-2])$/.test(monthParam) ? Number(monthParam) : 0;
  if (!year || !month) return notFound(c);
  const at = { year: year.year, month };
  const total = monthCount(calendar, at);
  if (total === 0) return notFound(c);
  const requested = await requestedPage(c);
  if (requested instanceof Response) return requested;
  const path = monthPath(year.year, month);
  const list = listPage(path, requested, total);
  if (!list) return notFound(c);
  const articles = await listMonthArticles(db, at, list);
  const name = capitalised(monthName(month));
  return archivePage(c, {
    path,
    heading: t('archive.monthTitle', { month: name, year: year.year }),
    intro: t('archive.count', { count: total }),
    listTitle: t('archive.monthArticles', { month: monthName(month), year: year.year }),
    crumbs: [
      { label: String(year.year), href: `${ARCHIVE_PATH}/${year.year}` },
      { label: name, href: path },
    ],
    calendar,
    list,
    articles,
    months: null,
    year: year.year,
  });
});

/** The year a path segment names, when the archive holds articles of it: four digits, nothing else. */
function archiveYear(calendar: ArchiveCalendar, segment: string) {
  if (!/^[0-9]{4}$/.test(segment)) return undefined;
  return calendar.years.find((y) => y.year === Number(segment));
}

function monthPath(year: number, month: number): string {
  return `${ARCHIVE_PATH}/${year}/${String(month).padStart(2, '0')}`;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

interface ArchiveView {
  path: string;
  heading: string;
  intro: string;
  /** The heading of the list of articles, on the pages that have one. */
  listTitle: string | null;
  /** Crumbs after Accueil › Archives. */
  crumbs: Crumb[];
  calendar: ArchiveCalendar;
  list: ListPage | null;
  articles: ArticleSummary[] | null;
  months: { name: string; count: number; url: string }[] | null;
  year?: number;
}

async function archivePage(c: Context<AppEnv>, view: ArchiveView): Promise<Response> {
  const app = c.get('app');
  const { db } = app;
  const [settings, tree, expiresAt] = await Promise.all([loadSiteSettings(db), loadPublicSectionTree(db), nextScheduledPublication(db)]);
  const page = view.list?.page ?? 1;
  const title = pagedTitle(view.heading, page);
  const meta = pageMeta(app.config.siteUrl, settings, { path: pagedPath(view.path, page), kind: 'archive', title, description: view.intro });
  const body = await renderPage(
    app,
    'archive',
    { title, description: view.intro, meta, ...(view.list ? pagedHead(view.list.pagination) : {}) },
    {
      crumbs: [{ label: t('site.home'), href: '/' }, { label: t('archive.title'), href: ARCHIVE_PATH }, ...view.crumbs],
      heading: view.heading,
      intro: view.intro,
      list_title: view.listTitle,
      years: view.calendar.years.map((y) => ({ year: y.year, count: y.count, url: `${ARCHIVE_PATH}/${y.year}`, current: y.year === view.year })),
      months: view.months,
      articles: view.articles ? await articleCards(db, tree, view.articles) : null,
      pagination: view.list?.pagination ?? null,
    },
    { settings, tree },
  );
  return sendPage(c, body, { expiresAt });
}
