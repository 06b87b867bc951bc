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
/** A fifth as many where devices are personal: 1,000 in `npm test`, 20,000 in `npm run test:fuzz`. */
const PERSONAL_RUNS = Math.max(1, Math.round(RUNS / 5));

/** Sends `runs` fuzzed envelopes to the skill on the sample directory, with session states real conversations leave. */
async function fuzzSkill(runs: number, options: { personalDevices?: boolean } = {}) {
  const { skill, logLines } = buildTestSkill(sampleContacts(), {
    clock: () => new Date('2025-01-15T14:05:00Z'),
    ...options,
  });
  const snapshots = await collectSnapshots(skill);
  const tally = emptyTally();
  await runEnvelopeFuzz({ skill, context: { snapshots }, logLines, runs, tally });
  return tally;
}

describe('buildSkill under fuzzed request envelopes, on the fake directory', () => {
  it(
    'answers every envelope within Alexa rules, and fails a turn only on garbled session state, dropping it',
    async () => {
      // Act: on the sample directory, with session states real conversations leave.
      const tally = await fuzzSkill(RUNS);

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

describe('buildSkill under fuzzed request envelopes, where devices are personal', () => {
  it(
    'answers every envelope within Alexa rules with the account standing for "me"',
    async () => {
      // Act
      const tally = await fuzzSkill(PERSONAL_RUNS, { personalDevices: true });

      // Assess
      expect(tally.envelopes).toBe(PERSONAL_RUNS);
      expect(tally.violations).toBe(0);
      expect(tally.storeApologies).toEqual([]);
      expect(tally.silent + tally.spoken).toBe(PERSONAL_RUNS);
    },
    fuzzTimeoutMs(PERSONAL_RUNS),
  );
});
