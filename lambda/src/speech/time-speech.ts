import type { Translator } from './locales';

/**
 * How a moment is said: "at 9:05 AM", "at 5:10 PM yesterday", "on Monday at 8:30 AM", "on March 3
 * at 8:30 AM". Days are counted in the listener's time zone, so 11:30 PM last night is
 * "yesterday" in New York while the same moment is "today" in Berlin.
 */

/** The formats used here, by name, so that a formatter is found without serializing its options. */
const FORMATS = {
  day: { year: 'numeric', month: 'numeric', day: 'numeric' },
  year: { year: 'numeric' },
  time: { hour: 'numeric', minute: '2-digit' },
  weekday: { weekday: 'long' },
  date: { month: 'long', day: 'numeric' },
  dateWithYear: { month: 'long', day: 'numeric', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * Formatters by locale, zone and format: building one costs tens of microseconds and kilobytes,
 * and a request asks for the same few. Bounded, because locales and zones come from requests: past
 * the bound the oldest is dropped (a Map keeps insertion order).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 200;

function formatter(locale: string, timeZone: string, format: keyof typeof FORMATS): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${format}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...FORMATS[format], timeZone });
    if (formatters.size >= MAX_FORMATTERS) formatters.delete(formatters.keys().next().value as string);
    formatters.set(key, found);
  }
  return found;
}

/** ICU puts narrow no-break spaces in "9:05 AM"; speech and cards want a plain space. */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** The calendar day of `at` in `timeZone`, as a day count, so two days can be subtracted. */
function dayNumber(at: Date, timeZone: string): number {
  // en-US numeric dates are "M/D/YYYY"; reading the one string allocates less than formatToParts.
  const date = formatter('en-US', timeZone, 'day').format(at);
  const firstSlash = date.indexOf('/');
  const secondSlash = date.indexOf('/', firstSlash + 1);
  const month = Number(date.slice(0, firstSlash));
  const day = Number(date.slice(firstSlash + 1, secondSlash));
  const year = Number(date.slice(secondSlash + 1));
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function yearOf(at: Date, timeZone: string): string {
  return formatter('en-US', timeZone, 'year').format(at);
}

/** How long ago counts as "on Monday" rather than a date. */
const WEEKDAY_DAYS = 6;

/** When "now" is and in which zone the listener counts days. */
export interface Moment {
  readonly now: Date;
  readonly timeZone: string;
}

/** {@link spokenWhen} of a stored ISO time, said at `moment`. */
export function spokenWhenAt(t: Translator, isoTime: string, moment: Moment): string {
  return spokenWhen(t, new Date(isoTime), moment.now, moment.timeZone);
}

/** "at 9:05 AM" today, "at 5:10 PM yesterday", "on Monday at 8:30 AM", or "on March 3 at 8:30 AM". */
export function spokenWhen(t: Translator, at: Date, now: Date, timeZone: string): string {
  const time = plainSpaces(formatter(t.locale, timeZone, 'time').format(at));
  const daysAgo = dayNumber(now, timeZone) - dayNumber(at, timeZone);
  // A moment "in the future" is clock skew between writers: it happened today.
  if (daysAgo <= 0) return t.text('time.today', { time });
  if (daysAgo === 1) return t.text('time.yesterday', { time });
  if (daysAgo <= WEEKDAY_DAYS) {
    const weekday = formatter(t.locale, timeZone, 'weekday').format(at);
    return t.text('time.weekday', { weekday, time });
  }
  const sameYear = yearOf(at, timeZone) === yearOf(now, timeZone);
  const date = plainSpaces(formatter(t.locale, timeZone, sameYear ? 'date' : 'dateWithYear').format(at));
  return t.text('time.date', { date, time });
}
