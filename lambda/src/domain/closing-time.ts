/**
 * The office's closing time: a wall-clock time (`HH:MM`) in the office's time zone. Days are
 * counted on the office's clocks, so 19:00 is 23:00 UTC in New York's summer and 00:00 UTC in its
 * winter, and a day with a daylight-saving change still closes at 19:00 local time.
 */
export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

export const DEFAULT_CLOSING_TIME = '19:00';

/** `HH:MM`, 24-hour ("19:00", "07:30"); undefined for anything else. */
export function parseClockTime(text: string): ClockTime | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

const formats = new Map<string, Intl.DateTimeFormat>();

function wallClockParts(at: Date, timeZone: string): Record<string, number> {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** `YYYY-MM-DD` of `at` on the clocks of `timeZone` (the formatter is the cached one). */
export function officeDayOf(at: Date, timeZone: string): string {
  const { year, month, day } = wallClockParts(at, timeZone);
  const two = (value: number | undefined) => String(value).padStart(2, '0');
  return `${year}-${two(month)}-${two(day)}`;
}

/** How far the zone's clocks are ahead of UTC at `at`, in milliseconds. */
function offsetAt(at: Date, timeZone: string): number {
  const p = wallClockParts(at, timeZone);
  const wall = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The moment the zone's clocks show `time` on the calendar day `year-month-day`. The offset is
 * taken twice, so a day with a change in it uses the offset in force at that time of day. A time
 * the clocks skip (02:30 when they jump from 02:00 to 03:00) comes out an hour early (01:30 on the
 * old clock): still once that day, and no office closes in that hour.
 */
function wallClockMoment(year: number, month: number, day: number, time: ClockTime, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, time.hour, time.minute);
  const first = wall - offsetAt(new Date(wall), timeZone);
  return new Date(wall - offsetAt(new Date(first), timeZone));
}

/** The latest moment at or before `now` when the office's clocks showed `time`. */
export function latestClosingTime(now: Date, time: ClockTime, timeZone: string): Date {
  const today = wallClockParts(now, timeZone);
  const noonUtc = Date.UTC(today.year ?? 0, (today.month ?? 1) - 1, today.day ?? 1, 12);
  for (let daysBack = 0; daysBack <= 2; daysBack += 1) {
    const day = new Date(noonUtc - daysBack * 86_400_000);
    const moment = wallClockMoment(
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      time,
      timeZone,
    );
    if (moment.getTime() <= now.getTime()) return moment;
  }
  // Unreachable for any real zone (offsets stay within a day); yesterday is the safe answer.
  return new Date(now.getTime() - 86_400_000);
}
