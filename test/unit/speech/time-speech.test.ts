import { isTimeZone } from '../../../lambda/src/domain/time-zones';
import { translatorFor } from '../../../lambda/src/speech/locales';
import { spokenWhen } from '../../../lambda/src/speech/time-speech';

const t = translatorFor('en-US');
const NEW_YORK = 'America/New_York';

describe('saying when something happened', () => {
  it('gives only the time for earlier today', () => {
    // Prepare
    const at = new Date('2025-01-15T14:05:00Z');
    const now = new Date('2025-01-15T20:00:00Z');

    // Act
    const spoken = spokenWhen(t, at, now, NEW_YORK);

    // Assess
    expect(spoken).toBe('at 9:05 AM');
  });

  it('says "yesterday" after the time for the day before', () => {
    expect(spokenWhen(t, new Date('2025-01-14T22:10:00Z'), new Date('2025-01-15T14:00:00Z'), NEW_YORK)).toBe(
      'at 5:10 PM yesterday',
    );
  });

  it('names the weekday within the last week', () => {
    expect(spokenWhen(t, new Date('2025-01-13T13:30:00Z'), new Date('2025-01-17T14:00:00Z'), NEW_YORK)).toBe(
      'on Monday at 8:30 AM',
    );
  });

  it('names the date when it is a week or more ago, with the year only when it is another year', () => {
    const now = new Date('2025-03-20T14:00:00Z');

    expect(spokenWhen(t, new Date('2025-03-03T13:30:00Z'), now, NEW_YORK)).toBe('on March 3 at 8:30 AM');
    expect(spokenWhen(t, new Date('2024-12-24T15:00:00Z'), now, NEW_YORK)).toBe(
      'on December 24, 2024 at 10:00 AM',
    );
  });

  it('counts days in the listener zone, so a moment just before midnight is yesterday in one zone and today in another', () => {
    // Prepare: 04:30 UTC is 11:30 PM the evening before in New York, 5:30 AM the same day in Berlin.
    const at = new Date('2025-01-15T04:30:00Z');
    const now = new Date('2025-01-15T13:00:00Z');

    // Act
    const inNewYork = spokenWhen(t, at, now, NEW_YORK);
    const inBerlin = spokenWhen(t, at, now, 'Europe/Berlin');

    // Assess
    expect(inNewYork).toBe('at 11:30 PM yesterday');
    expect(inBerlin).toBe('at 5:30 AM');
  });

  it('treats a moment slightly in the future (clock skew between writers) as today', () => {
    expect(spokenWhen(t, new Date('2025-01-15T14:06:00Z'), new Date('2025-01-15T14:05:00Z'), NEW_YORK)).toBe(
      'at 9:06 AM',
    );
  });

  it('says the time with a plain space, as speech and cards need it', () => {
    expect(
      spokenWhen(t, new Date('2025-01-15T14:05:00Z'), new Date('2025-01-15T15:00:00Z'), NEW_YORK),
    ).not.toMatch(/[\u00a0\u202f]/);
  });

  it('knows IANA zones and rejects anything else', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(undefined)).toBe(false);
  });
});
