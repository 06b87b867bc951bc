import { latestClosingTime, parseClockTime } from '../../../lambda/src/domain/closing-time';

const seven = { hour: 19, minute: 0 };

describe('parseClockTime', () => {
  it('reads 24-hour HH:MM', () => {
    expect(parseClockTime('19:00')).toEqual({ hour: 19, minute: 0 });
    expect(parseClockTime('07:30')).toEqual({ hour: 7, minute: 30 });
    expect(parseClockTime('00:00')).toEqual({ hour: 0, minute: 0 });
  });

  it('refuses anything else', () => {
    for (const text of ['7:00', '24:00', '19:60', '19:00:00', '7 PM', '', '1900', '19.00', ' 19:00']) {
      expect(parseClockTime(text)).toBeUndefined();
    }
  });
});

describe('latestClosingTime', () => {
  it('is today at closing time once the office clocks have passed it', () => {
    // Act
    // 20:15 in New York (EDT, UTC-4) on 2026-07-01.
    const closing = latestClosingTime(new Date('2026-07-02T00:15:00Z'), seven, 'America/New_York');

    // Assess
    expect(closing.toISOString()).toBe('2026-07-01T23:00:00.000Z');
  });

  it('is yesterday at closing time before the office clocks reach it', () => {
    // Act
    // 10:00 in New York (EST, UTC-5) on 2026-01-15.
    const closing = latestClosingTime(new Date('2026-01-15T15:00:00Z'), seven, 'America/New_York');

    // Assess
    expect(closing.toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });

  it('is exactly the scheduled moment when run at it', () => {
    // Prepare
    const at = new Date('2026-01-15T00:00:00Z');

    // Assess
    expect(latestClosingTime(at, seven, 'America/New_York').toISOString()).toBe(at.toISOString());
  });

  it('follows the office clocks on the days daylight saving time starts and ends', () => {
    // 2026-03-08: New York moves from EST (UTC-5) to EDT (UTC-4) at 2 AM; 19:00 is 23:00 UTC.
    expect(latestClosingTime(new Date('2026-03-09T03:00:00Z'), seven, 'America/New_York').toISOString()).toBe(
      '2026-03-08T23:00:00.000Z',
    );
    // The evening before it was still 00:00 UTC.
    expect(latestClosingTime(new Date('2026-03-08T12:00:00Z'), seven, 'America/New_York').toISOString()).toBe(
      '2026-03-08T00:00:00.000Z',
    );
    // 2026-11-01: back to EST; 19:00 is 00:00 UTC the next day.
    expect(latestClosingTime(new Date('2026-11-02T01:00:00Z'), seven, 'America/New_York').toISOString()).toBe(
      '2026-11-02T00:00:00.000Z',
    );
    // Berlin's change (2026-03-29): 19:00 CEST is 17:00 UTC.
    expect(latestClosingTime(new Date('2026-03-29T20:00:00Z'), seven, 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T17:00:00.000Z',
    );
  });

  it('closes at a time the clocks skip once, an hour early', () => {
    // Act
    // 02:30 does not exist in New York on 2026-03-08.
    const closing = latestClosingTime(
      new Date('2026-03-08T12:00:00Z'),
      { hour: 2, minute: 30 },
      'America/New_York',
    );

    // Assess
    expect(closing.toISOString()).toBe('2026-03-08T06:30:00.000Z');
  });

  it('works in zones far from UTC and in UTC itself', () => {
    expect(
      latestClosingTime(new Date('2026-06-01T08:00:00Z'), seven, 'Pacific/Kiritimati').toISOString(),
    ).toBe('2026-06-01T05:00:00.000Z');
    expect(latestClosingTime(new Date('2026-06-01T18:59:59Z'), seven, 'UTC').toISOString()).toBe(
      '2026-05-31T19:00:00.000Z',
    );
  });
});
