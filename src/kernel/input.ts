// The shapes every value from outside must have before anything touches the database: ids, real calendar
// dates within sane bounds, enums and safe text. Pure zod schemas, shared by the request-parsing layer
// (web/request.ts) and the operations (which the CLI and jobs call too). Issue messages are catalogue keys:
// parseInput (kernel/validation.ts) shows them in the reader's language.
import { z } from 'zod';
import type { PlainKey } from './i18n/index.ts';

/** The largest id a column can hold on both databases (PostgreSQL `integer`). */
export const MAX_ID = 2_147_483_647;

/**
 * Dates are four-digit years: stored as ISO strings, they then compare as the dates they are
 * (`+275760-09-13…` would sort before `2024-…`). Before 1000 or after 9999 is a typing mistake.
 */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

const message = (key: PlainKey) => ({ message: key });

/** A positive id as a path, a query or a form sends it ('12'), or as a number from the CLI. */
export function parseId(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw > 0 && raw <= MAX_ID ? raw : undefined;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,9}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id <= MAX_ID ? id : undefined;
}

export const id = z.union([z.string(), z.number()]).transform((raw, ctx) => {
  const parsed = parseId(typeof raw === 'string' ? raw.trim() : raw);
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', ...message('errors.field.invalidNumber') });
    return z.NEVER;
  }
  return parsed;
});

/** A list of ids: a form sends one value as a string and several as an array. */
export const idList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number()])
  .transform((raw) => (Array.isArray(raw) ? raw : raw === '' ? [] : [raw]))
  .pipe(z.array(id).max(1000, message('errors.field.tooMany')));

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A date as typed or sent ('2024-02-29', '2024-02-29T10:30', with seconds, 'Z' or an offset; no zone means
 * UTC) as an ISO UTC string, or undefined when it names no real instant: 30 February, month 13, hour 99,
 * a year outside MIN_YEAR–MAX_YEAR. Never rolls over as `Date` does.
 */
export function calendarIso(value: string): string | undefined {
  const m = DATE_TIME.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (year! < MIN_YEAR || year! > MAX_YEAR || month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth(year!, month!)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone !== 'Z') {
    const [h, mi] = zone.slice(1).split(':').map(Number) as [number, number];
    if (h > 14 || mi > 59) return undefined;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (h * 60 + mi);
  }
  const millis = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const instant = Date.UTC(year!, month! - 1, day!, hour, minute, second, millis) - offsetMinutes * 60_000;
  const iso = new Date(instant).toISOString();
  // An offset may push a bound date over the edge of the allowed years.
  return /^\d{4}-/.test(iso) ? iso : undefined;
}

/** A Date or a date string as a canonical ISO UTC string within the bounds; refused otherwise. */
export const calendarDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const iso = typeof value === 'string' ? calendarIso(value) : Number.isNaN(value.getTime()) ? undefined : calendarIso(value.toISOString());
  if (iso === undefined) {
    ctx.addIssue({ code: 'custom', ...message('errors.field.invalidDate') });
    return z.NEVER;
  }
  return iso;
});

/** An optional date field: '' (or nothing) is null. */
export const optionalDate = z
  .union([z.string(), z.date(), z.null()])
  .transform((value) => (typeof value === 'string' && value.trim() === '' ? null : value))
  .pipe(z.union([z.null(), calendarDate]));

/** Characters no text of Tisse may hold: NUL (PostgreSQL refuses it in text) and a lone surrogate (no UTF-8 for it). */
export function isSafeText(value: string): boolean {
  return !UNSAFE.test(value);
}

const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a person typed: well-formed, no NUL, at most `max` characters. */
export function safeText(max: number) {
  return z
    .string()
    .max(max, message('errors.field.tooLong'))
    .refine(isSafeText, message('errors.field.badCharacters'));
}
