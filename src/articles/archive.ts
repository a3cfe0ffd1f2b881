// The archive's reads: how many public articles each year and each month holds (months in Paris time,
// kernel/paris-months.ts), and a month's articles. The calendar is read once per data version: every published
// date in one index-only scan, counted here; a scheduled publication is a write (its job), so it moves the version.
import type { Db } from '../db/connect.ts';
import { memoByVersion } from '../db/memo.ts';
import { parisMonthOf, parisMonthRange, type YearMonth } from '../kernel/paris-months.ts';
import { listPublicArticles, type ArticleSummary } from './articles.ts';
import { publicArticles } from './visibility.ts';

export interface ArchiveMonth {
  month: number;
  count: number;
}

export interface ArchiveYear {
  year: number;
  count: number;
  /** Months holding at least one article, newest first. */
  months: ArchiveMonth[];
}

export interface ArchiveCalendar {
  /** Years holding at least one article, newest first. */
  years: ArchiveYear[];
  total: number;
}

export const loadArchiveCalendar = memoByVersion(async (db: Db): Promise<ArchiveCalendar> => {
  const rows = await db.kysely
    .selectFrom('articles')
    .select('articles.published_at')
    .where(publicArticles(new Date().toISOString()))
    .orderBy('articles.published_at', 'desc')
    .execute();
  const years: ArchiveYear[] = [];
  for (const { published_at } of rows) {
    if (published_at === null) continue;
    const { year, month } = parisMonthOf(published_at);
    let entry = years.at(-1);
    if (entry?.year !== year) years.push((entry = { year, count: 0, months: [] }));
    entry.count++;
    const last = entry.months.at(-1);
    if (last?.month === month) last.count++;
    else entry.months.push({ month, count: 1 });
  }
  return { years, total: rows.length };
});

/** How many public articles month `at` holds (0 for a month the calendar does not know). */
export function monthCount(calendar: ArchiveCalendar, at: YearMonth): number {
  return calendar.years.find((y) => y.year === at.year)?.months.find((m) => m.month === at.month)?.count ?? 0;
}

/** A page of the public articles of a Paris month, newest first. */
export async function listMonthArticles(db: Db, at: YearMonth, page: { limit: number; offset: number }, now = new Date().toISOString()): Promise<ArticleSummary[]> {
  return listPublicArticles(db, { publishedIn: parisMonthRange(at), limit: page.limit, offset: page.offset, now });
}
