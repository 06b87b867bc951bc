import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TABLE_NAMES } from '../../lambda/src/repositories/table-definitions';
import { replayBackend } from '../../local/dialog/dialog-backends';
import { runReplay } from '../../local/dialog/replay';
import { parseReplayScript } from '../../local/dialog/replay-script';
import { DialogSession } from '../../local/dialog/session';
import { loadLocalSettings } from '../../local/local-config';
import { guardWithDeployedPolicy, type PolicyGuard } from '../support/deployed-policy';
import { PROJECT_ROOT } from '../support/skill-package';

const DIALOGS = path.join(PROJECT_ROOT, 'test/dialogs');
const files = readdirSync(DIALOGS)
  .filter((file) => file.endsWith('.dialog'))
  .sort();

/**
 * The same as `npm run dialog -- --replay FILE`: a fresh store seeded from the sample directory per
 * file, with the skill's store calls checked against the deployed function role's IAM policy.
 */
describe('the conversations in test/dialogs/, replayed on the sample directory under the deployed policy', () => {
  it('has conversations to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s plays as scripted', async (file) => {
    // Prepare
    let guard: PolicyGuard | undefined;
    // The defaults, whatever this shell exports (HOST_NOTIFICATIONS, EVENTBRIDGE_ENDPOINT...).
    const backend = await replayBackend(loadLocalSettings({}), {
      decorateClient: (client) => {
        guard = guardWithDeployedPolicy(client, { policy: 'skill', tables: DEFAULT_TABLE_NAMES });
      },
    });
    try {
      const relative = path.relative(PROJECT_ROOT, path.join(DIALOGS, file));
      const script = parseReplayScript(readFileSync(path.join(DIALOGS, file), 'utf8'), relative);

      // Act
      const result = await runReplay(
        script,
        new DialogSession({ invoke: backend.invoke, endOfDay: backend.endOfDay }),
      );

      // Assess
      // A refused call is named first: the replay would only show the apology it caused.
      expect(guard).toBeDefined();
      guard?.assertNoRefusals();
      // The failure text is the readable diff: it names the line and shows both texts.
      expect(result.failure).toBeUndefined();
      expect(result.stepsPlayed).toBe(script.steps.length);
    } finally {
      await backend.close();
    }
  });
});
