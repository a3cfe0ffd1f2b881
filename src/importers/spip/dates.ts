// SPIP's datetimes are the server's local wall-clock time ('2013-04-12 08:30:00', no zone) and
// '0000-00-00 00:00:00' means "no date". Tisse stores UTC ISO strings, so each value is read as
// Europe/Paris time (where SPIP sites in French almost always run) and converted.
const offsets = new Map<string, number>();
const parisParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** Paris's offset from UTC (ms) at the instant `utc`. */
function parisOffset(utc: number): number {
  const p = Object.fromEntries(parisParts.formatToParts(new Date(utc)).map((x) => [x.type, x.value]));
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - Math.floor(utc / 1000) * 1000;
}

/** A SPIP datetime as an ISO UTC string, or null for SPIP's zero date and anything unreadable. */
export function spipDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value);
  if (!m || m[1] === '0000' || m[2] === '00' || m[3] === '00') return null;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  if (Number.isNaN(wall)) return null;
  // The offset is the same within an hour (DST changes happen on the hour), so it is computed once per hour.
  const hour = value.slice(0, 13);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = parisOffset(wall - parisOffset(wall));
    offsets.set(hour, offset);
  }
  return new Date(wall - offset).toISOString();
}
