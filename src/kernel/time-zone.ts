// The site's clock (issue 18, "one time zone"): the database holds UTC, people read and type dates in the time
// zone of the organisation (settings `timeZone`, Europe/Paris by default), whatever the server's own zone. Every
// conversion goes through Intl, so daylight saving time is the zone's own rules, not a fixed offset.

import { currentLang, type Lang } from './i18n/current-lang.ts';
import { textMemo } from './text-memo.ts';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Whether `name` is an IANA time zone this Node knows ("Europe/Paris", "America/Montreal", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

type Style = 'date' | 'dateTime' | 'clock' | 'parts';
const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone, language and style, made once: building an Intl.DateTimeFormat is costly. */
function formatter(zone: string, lang: Lang, style: Style): Intl.DateTimeFormat {
  const key = `${zone}|${lang}|${style}`;
  let format = formats.get(key);
  if (!format) {
    const locale = style === 'parts' ? 'en-GB' : lang === 'fr' ? 'fr-FR' : 'en-GB';
    const options: Intl.DateTimeFormatOptions =
      style === 'date'
        ? { day: 'numeric', month: 'long', year: 'numeric' }
        : style === 'dateTime'
          ? { dateStyle: 'long', timeStyle: 'short' }
          : style === 'clock'
            ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
            : { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formats.set(key, format);
  }
  return format;
}

/** French typography writes the first day of a month "1er". */
function firstDay(text: string, lang: Lang): string {
  return lang === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/** "12 avril 2013": the day of a moment in `zone`. */
export function formatDateIn(iso: string, zone: string, lang: Lang = currentLang()): string {
  return dayIn(`${zone}\n${lang}\n${iso}`);
}

/** Intl's formatting with a time zone costs ~10 µs a date, and a page shows the same few dates at every view. */
const dayIn = textMemo((key) => {
  const [zone, lang, iso] = key.split('\n') as [string, Lang, string];
  return firstDay(formatter(zone, lang, 'date').format(new Date(iso)), lang);
});

/** "12 avril 2013 à 12:30": a moment as the organisation reads it in `zone`. */
export function formatDateTimeIn(iso: string, zone: string, lang: Lang = currentLang()): string {
  return firstDay(formatter(zone, lang, 'dateTime').format(new Date(iso)), lang);
}

/** "12:30": the time of day in `zone` (the editor's autosave line). */
export function formatClockIn(iso: string, zone: string): string {
  return formatter(zone, 'fr', 'clock').format(new Date(iso));
}

/** '2013-04-12T10:30:00.000Z' → '2013-04-12T12:30' in Europe/Paris: the value of an <input type="datetime-local">. */
export function isoToLocalInput(iso: string | null, zone: string): string {
  if (!iso) return '';
  const p = Object.fromEntries(formatter(zone, 'fr', 'parts').formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * '2013-04-12T12:30' typed in `zone` → '2013-04-12T10:30:00.000Z'; '' stays ''; anything unreadable, or a day the
 * calendar does not have, is returned as is for validation (kernel/input.ts calendarDate) to refuse. A time the
 * clocks skip (the hour lost in spring) reads as the same wall time before the change.
 */
export function localInputToIso(local: string, zone: string): string {
  const typed = local.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(typed);
  // 30 February or 99:99 must not roll over into another day (Date.UTC would): left for validation to refuse.
  if (!match) return typed;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(asUtc);
  if (year < 1000 || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return typed;
  // The zone's offset around that moment: the typed time is one of the offsets in force a day either side.
  const offsets = new Set([offsetMinutes(asUtc - 86_400_000, zone), offsetMinutes(asUtc, zone), offsetMinutes(asUtc + 86_400_000, zone)]);
  for (const offset of offsets) {
    const candidate = new Date(asUtc - offset * 60_000).toISOString();
    if (isoToLocalInput(candidate, zone) === typed) return candidate;
  }
  return new Date(asUtc - offsetMinutes(asUtc, zone) * 60_000).toISOString();
}

/** How far `zone`'s clocks are ahead of UTC at the moment `time` (ms), in minutes. */
function offsetMinutes(time: number, zone: string): number {
  const local = isoToLocalInput(new Date(time).toISOString(), zone);
  const [date, clock] = local.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = clock.split(':').map(Number) as [number, number];
  return Math.round((Date.UTC(y, m - 1, d, h, min) - Math.floor(time / 60_000) * 60_000) / 60_000);
}
