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

const RUNS = fuzzRuns(5000);

describe('buildSkill under fuzzed request envelopes, on the fake directory', () => {
  it(
    'answers every envelope within Alexa rules, and fails a turn only on garbled session state, dropping it',
    async () => {
      // Prepare: the sample directory, and session states real conversations leave.
      const { skill, logLines } = buildTestSkill(sampleContacts(), {
        clock: () => new Date('2025-01-15T14:05:00Z'),
      });
      const snapshots = await collectSnapshots(skill);
      const tally = emptyTally();

      // Act
      await runEnvelopeFuzz({ skill, context: { snapshots }, logLines, runs: RUNS, tally });

      // Assess
      process.stdout.write(`envelope fuzz, fake directory, seed ${fuzzSeed()}: ${JSON.stringify(tally)}\n`);
      expect(tally.envelopes).toBe(RUNS);
      expect(tally.violations).toBe(0);
      expect(tally.storeApologies).toEqual([]);
      expect(tally.silent + tally.spoken).toBe(RUNS);
    },
    fuzzTimeoutMs(RUNS),
  );
});
