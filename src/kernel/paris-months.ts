// Calendar months as the site's readers live them: in Europe/Paris time, named in the interface's language. Dates are stored as
// UTC instants (decision 002); an article published on 31 March at 23:30 in Paris (21:30 UTC) belongs to March,
// one published at 00:30 on 1 April (22:30 UTC on 31 March) to April. The archive counts and lists by these months.

import { currentLang, type Lang } from './i18n/current-lang.ts';

export const TIME_ZONE = 'Europe/Paris';

const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;

/** The name of month `month` (1–12) in `lang`: lower case in French as French writes it in a sentence, capitalised in English. */
export function monthName(month: number, lang: Lang = currentLang()): string {
  if (lang === 'fr') return frenchMonthName(month);
  const name = ENGLISH_MONTH_NAMES[month - 1];
  if (name === undefined) throw new RangeError(`no month ${month}`);
  return name;
}

const ENGLISH_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** The French name of month `month` (1–12), in lower case as French writes it in a sentence. */
export function frenchMonthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) throw new RangeError(`no month ${month}`);
  return name;
}

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

const parisParts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', hourCycle: 'h23' });

function partsAt(instant: number): { year: number; month: number; day: number; hour: number } {
  const parts: Record<string, number> = {};
  for (const part of parisParts.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! };
}

/**
 * The Paris month of an ISO instant. Paris is one or two hours ahead of UTC, so only the last two hours of a UTC
 * month can fall in the next Paris month: every other date is read from its own digits, without the cost of a
 * time-zone conversion (the archive reads every published date).
 */
export function parisMonthOf(iso: string): YearMonth {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const hour = Number(iso.slice(11, 13));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < lastDay || hour < 22) return { year, month };
  const paris = partsAt(Date.parse(iso));
  return { year: paris.year, month: paris.month };
}

/**
 * The instants (ISO, UTC) where the Paris month begins and where the next one begins: a month's articles are
 * those published in [start, end), an indexed range of `published_at`. Midnight on the first of a month is never
 * inside a change of summer time (those fall on late Sundays of March and October, at night), so it is one hour
 * before UTC midnight in winter and two in summer.
 */
export function parisMonthRange({ year, month }: YearMonth): { start: string; end: string } {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return { start: parisMidnightOnFirst(year, month), end: parisMidnightOnFirst(next.year, next.month) };
}

function parisMidnightOnFirst(year: number, month: number): string {
  const utcMidnight = Date.UTC(year, month - 1, 1);
  for (const hours of [1, 2]) {
    const instant = utcMidnight - hours * 3_600_000;
    const paris = partsAt(instant);
    if (paris.day === 1 && paris.hour === 0) return new Date(instant).toISOString();
  }
  throw new RangeError(`no Paris midnight on ${year}-${month}-01`);
}
