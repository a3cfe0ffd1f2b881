// Dates as people read them in the back office: in the site's time zone (settings `timeZone`), whatever the
// server's. renderAdmin provides the zone to the whole page; a page shows a date only through these components
// (or, for text that is not markup, formatDateIn with `useTimeZone()`), so no date shows UTC by accident.
import { createContext, useContext, type FC } from 'hono/jsx';
import { DEFAULT_TIME_ZONE, formatDateIn, formatDateTimeIn } from '../../kernel/time-zone.ts';

export const TimeZoneContext = createContext(DEFAULT_TIME_ZONE);

/** The site's time zone, inside a page rendered by renderAdmin. */
export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

/** "12 avril 2013", with the exact moment in its datetime attribute. */
export const DateText: FC<{ iso: string }> = ({ iso }) => <time datetime={iso}>{formatDateIn(iso, useTimeZone())}</time>;

/** "12 avril 2013 à 12:30". */
export const DateTimeText: FC<{ iso: string }> = ({ iso }) => <time datetime={iso}>{formatDateTimeIn(iso, useTimeZone())}</time>;
