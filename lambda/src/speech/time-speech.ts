import type { Translator } from './locales';

/**
 * How a moment is said: "at 9:05 AM", "at 5:10 PM yesterday", "on Monday at 8:30 AM", "on March 3
 * at 8:30 AM". Days are counted in the listener's time zone, so 11:30 PM last night is
 * "yesterday" in New York while the same moment is "today" in Berlin.
 */

/**
 * Formatters by locale, zone and options: building one costs tens of microseconds, and a request
 * asks for the same few. Bounded, because locales and zones come from requests: past the bound the
 * oldest is dropped (a Map keeps insertion order).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 200;

function formatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (formatters.size >= MAX_FORMATTERS) formatters.delete(formatters.keys().next().value as string);
    formatters.set(key, format);
  }
  return format;
}

/** ICU puts narrow no-break spaces in "9:05 AM"; speech and cards want a plain space. */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

/** The calendar day of `at` in `timeZone`, as a day count, so two days can be subtracted. */
function dayNumber(at: Date, timeZone: string): number {
  const parts = formatter('en-US', timeZone, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(at);
  const part = (type: string): number => Number(parts.find((candidate) => candidate.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000;
}

function yearOf(at: Date, timeZone: string): string {
  return formatter('en-US', timeZone, { year: 'numeric' }).format(at);
}

/** How long ago counts as "on Monday" rather than a date. */
const WEEKDAY_DAYS = 6;

/** "at 9:05 AM" today, "at 5:10 PM yesterday", "on Monday at 8:30 AM", or "on March 3 at 8:30 AM". */
export function spokenWhen(t: Translator, at: Date, now: Date, timeZone: string): string {
  const time = plainSpaces(formatter(t.locale, timeZone, { hour: 'numeric', minute: '2-digit' }).format(at));
  const daysAgo = dayNumber(now, timeZone) - dayNumber(at, timeZone);
  // A moment "in the future" is clock skew between writers: it happened today.
  if (daysAgo <= 0) return t.text('time.today', { time });
  if (daysAgo === 1) return t.text('time.yesterday', { time });
  if (daysAgo <= WEEKDAY_DAYS) {
    const weekday = formatter(t.locale, timeZone, { weekday: 'long' }).format(at);
    return t.text('time.weekday', { weekday, time });
  }
  const sameYear = yearOf(at, timeZone) === yearOf(now, timeZone);
  const date = plainSpaces(
    formatter(t.locale, timeZone, {
      month: 'long',
      day: 'numeric',
      ...(sameYear ? {} : { year: 'numeric' }),
    }).format(at),
  );
  return t.text('time.date', { date, time });
}
