import type { EndOfDayReport } from '../../../../lambda/src/services/end-of-day-service';
import { endOfDayMessage } from '../../../../local/dialog/commands';

const REPORT: EndOfDayReport = {
  closingAt: '2026-01-16T00:00:00.000Z',
  checkedOut: 3,
  leftAsIs: 1,
  failed: 0,
  eventsFailed: 0,
  pages: 1,
};

describe("the tester's end-of-day message", () => {
  it('asks for another run only for what the store refused, not for events that could not be sent', () => {
    // Act
    const unsent = endOfDayMessage({ ...REPORT, eventsFailed: 2 });
    const refused = endOfDayMessage({ ...REPORT, failed: 1, eventsFailed: 2 });

    // Assess: the people whose events were not sent are out, so a rerun would not send them.
    expect(unsent).toBe('End of day: 3 checked out, 1 left as they were (2 events unsent).');
    expect(refused).toBe(
      'End of day: 3 checked out, 1 left as they were (1 failed: run it again; 2 events unsent).',
    );
  });
});
