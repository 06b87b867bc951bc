import fc from 'fast-check';
import { buildEndOfDayJob, scheduledTimeOf } from '../../../lambda/src/end-of-day-job';
import { EndOfDayIncompleteError } from '../../../lambda/src/errors';
import { FakePresenceStore } from '../../support/fakes';
import {
  collectSnapshots,
  emptyTally,
  fuzzRuns,
  fuzzSeed,
  fuzzTimeoutMs,
  runEnvelopeFuzz,
} from '../../support/fuzz-run';
import { sampleContacts } from '../../support/sample-contacts';
import { buildTestSkill } from '../../support/test-skill';

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
    const store = new FakePresenceStore();
    const { StoreUnavailableError } = await import('../../../lambda/src/errors');
    store.listPresent = async () => {
      throw new StoreUnavailableError('unreachable');
    };
    const job = buildEndOfDayJob({
      config: { officeTimeZone: 'America/New_York', officeClosingTime: { hour: 19, minute: 0 } },
      presence: store,
      clock: () => NOW,
    });

    await expect(job.handle({})).rejects.toBeInstanceOf(EndOfDayIncompleteError);
  });
});

const RUNS = fuzzRuns(1000);

describe('buildSkill under fuzzed request envelopes, where devices are personal', () => {
  it(
    'answers every envelope within Alexa rules with the account standing for "me"',
    async () => {
      // Prepare
      const { skill, logLines } = buildTestSkill(sampleContacts(), {
        clock: () => new Date('2025-01-15T14:05:00Z'),
        personalDevices: true,
      });
      const snapshots = await collectSnapshots(skill);
      const tally = emptyTally();

      // Act
      await runEnvelopeFuzz({ skill, context: { snapshots }, logLines, runs: RUNS, tally });

      // Assess
      expect(tally.envelopes).toBe(RUNS);
      expect(tally.violations).toBe(0);
      expect(tally.storeApologies).toEqual([]);
      expect(tally.silent + tally.spoken).toBe(RUNS);
    },
    fuzzTimeoutMs(RUNS),
  );
});
