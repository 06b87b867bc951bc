import { createLogger } from '../../../lambda/src/logger';
import { buildSkill } from '../../../lambda/src/skill';
import { FakeAlexaApi } from '../../support/fakes';
import {
  collectSnapshots,
  emptyTally,
  fuzzRuns,
  fuzzSeed,
  fuzzTimeoutMs,
  runEnvelopeFuzz,
} from '../../support/fuzz-run';
import { sampleContacts } from '../../support/sample-contacts';
import { putDirectory, skillConfigFor, startTestStore, storesOn, type TestStore } from '../../support/store';

const RUNS = Math.max(1, Math.round(fuzzRuns(5000) / 10));

describe('buildSkill under fuzzed request envelopes, on the embedded store', () => {
  let testStore: TestStore;

  beforeAll(async () => {
    testStore = await startTestStore();
    await putDirectory(testStore.setup, testStore.tables.directory, sampleContacts());
  });

  afterAll(() => testStore.close());

  it(
    'answers every envelope within Alexa rules with the real repositories and persistence',
    async () => {
      // Prepare
      const logLines: string[] = [];
      const skill = buildSkill({
        config: skillConfigFor(testStore),
        stores: storesOn(testStore, testStore.client),
        apiClient: new FakeAlexaApi(),
        clock: () => new Date('2025-01-15T14:05:00Z'),
        logger: createLogger({ level: 'DEBUG', write: (line) => logLines.push(line) }),
        random: () => 0,
      });
      const snapshots = await collectSnapshots(skill);
      const tally = emptyTally();

      // Act
      await runEnvelopeFuzz({ skill, context: { snapshots }, logLines, runs: RUNS, tally });

      // Assess
      process.stdout.write(`envelope fuzz, embedded store, seed ${fuzzSeed()}: ${JSON.stringify(tally)}\n`);
      expect(tally.envelopes).toBe(RUNS);
      expect(tally.violations).toBe(0);
      // The store never failed: no envelope made it refuse a request, whatever its slots or ids.
      expect(tally.storeApologies).toEqual([]);
    },
    fuzzTimeoutMs(RUNS),
  );
});
