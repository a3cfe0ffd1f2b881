// The editor's date fields are <input type="datetime-local"> in Paris time (the organisation's clock);
// the database holds UTC ISO strings. These two functions convert, daylight saving time included.
import { calendarIso } from '../kernel/input.ts';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** '2013-04-12T10:30:00.000Z' → '2013-04-12T12:30' (Paris). */
export function isoToParisLocal(iso: string | null): string {
  if (!iso) return '';
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * '2013-04-12T12:30' (Paris) → '2013-04-12T10:30:00.000Z'; '' stays ''; anything unreadable, or a day the
 * calendar does not have, is returned as is for validation (kernel/input.ts calendarDate) to refuse.
 */
export function parisLocalToIso(local: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  // 30 February or 99:99 must not roll over into another day (Date.UTC would): left for validation to refuse.
  if (!match || calendarIso(local) === undefined) return local.trim();
  const asUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]));
  // Paris is UTC+1 or UTC+2: try both offsets and keep the one that reads back as the typed time.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (isoToParisLocal(candidate.toISOString()) === local.trim()) return candidate.toISOString();
  }
  return new Date(asUtc - 3_600_000).toISOString();
}

const clock = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** '2013-04-12T10:30:00.000Z' → '12:30': the time of day in Paris, as the editor's autosave line shows it. */
export function parisClockTime(iso: string): string {
  return clock.format(new Date(iso));
}
