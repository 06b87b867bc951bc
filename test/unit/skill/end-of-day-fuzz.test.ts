import fc from 'fast-check';
import { buildEndOfDayJob, scheduledTimeOf } from '../../../lambda/src/end-of-day-job';
import { EndOfDayIncompleteError, StoreUnavailableError } from '../../../lambda/src/errors';
import { FakePresenceStore } from '../../support/fakes';
import { fuzzRuns, fuzzSeed } from '../../support/fuzz-run';

const NOW = new Date('2026-01-16T02:00:00Z');

describe('the endOfDay handler under garbage events', () => {
  it('clears the board for a closing time at or before now, whatever the event holds', async () => {
    // Prepare: what a hand-run, a misconfigured target or a hostile invoke might send.
    const event = fc.oneof(
      fc.anything(),
      fc.record({
        scheduledTime: fc.oneof(fc.string(), fc.date({ noInvalidDate: false }).map(String), fc.anything()),
      }),
      fc
        .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((at) => ({ scheduledTime: at.toISOString() })),
    );

    // Act and assess
    await fc.assert(
      fc.asyncProperty(event, async (input) => {
        const store = new FakePresenceStore();
        const job = buildEndOfDayJob({
          config: { officeTimeZone: 'America/New_York', officeClosingTime: { hour: 19, minute: 0 } },
          presence: store,
          clock: () => NOW,
        });
        const scheduled = scheduledTimeOf(input, NOW);
        if (scheduled) expect(scheduled.getTime()).toBeLessThanOrEqual(NOW.getTime());
        const report = await job.handle(input);
        expect(Date.parse(report.closingAt)).toBeLessThanOrEqual(NOW.getTime());
        expect(report).toMatchObject({ checkedOut: 0, failed: 0 });
      }),
      { numRuns: fuzzRuns(500), seed: fuzzSeed() },
    );
  });

  it('rejects only with EndOfDayIncompleteError when the store fails', async () => {
    // Prepare: the board cannot be read.
    const store = new FakePresenceStore();
    store.listPresent = async () => {
      throw new StoreUnavailableError('unreachable');
    };
    const job = buildEndOfDayJob({
      config: { officeTimeZone: 'America/New_York', officeClosingTime: { hour: 19, minute: 0 } },
      presence: store,
      clock: () => NOW,
    });

    // Assess
    await expect(job.handle({})).rejects.toBeInstanceOf(EndOfDayIncompleteError);
  });
});
