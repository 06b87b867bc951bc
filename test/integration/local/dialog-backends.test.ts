import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { interactiveBackend, replayBackend } from '../../../local/dialog/dialog-backends';
import { DialogSession } from '../../../local/dialog/session';
import type { LocalSettings } from '../../../local/local-config';
import { startLocalSkill } from '../../../local/local-skill';
import { SAMPLE_DIRECTORY_CSV } from '../../support/skill-package';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('where npm run dialog finds its skill', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'front-desk-dialog-store-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const settings = (storePort: number): LocalSettings => ({
    port: 0,
    host: '127.0.0.1',
    storePort,
    dataDir,
    seedFile: SAMPLE_DIRECTORY_CSV,
    skillEnvironment: { LOG_LEVEL: 'SILENT' },
    outboxDir: path.join(dataDir, 'outbox'),
    notifier: { officeName: 'the office', meetingPlace: 'the front desk' },
  });

  it("uses a running npm start's store, so the REPL and the console see the same check-ins", async () => {
    // Prepare
    const server = await startLocalSkill({
      seedFile: SAMPLE_DIRECTORY_CSV,
      environment: { LOG_LEVEL: 'SILENT' },
    });
    const backend = await interactiveBackend(settings(Number(new URL(server.store.endpoint).port)));
    try {
      // Act
      await new DialogSession({ invoke: backend.invoke }).say('ask front desk to check in Jane Okafor');
      const seenByTheServer = await new DialogSession({
        invoke: (envelope) => server.skill.invoke(envelope),
      }).say("ask front desk who's in");

      // Assess
      expect(backend.description).toContain("the running npm start's");
      expect(seenByTheServer.speech).toContain('Only Jane Okafor is in.');
    } finally {
      await backend.close();
      await server.close();
    }
  });

  it('opens the store under .data/ itself when no server answers, and seeds it when it is new', async () => {
    // Act
    const first = await interactiveBackend(settings(await freePort()));
    let answer: string;
    try {
      answer = (
        await new DialogSession({ invoke: first.invoke }).say("ask front desk for bob smith's phone number")
      ).speech;
    } finally {
      await first.close();
    }
    const second = await interactiveBackend(settings(await freePort()));
    await second.close();

    // Assess
    expect(first.description).toBe(
      'Store: .data/ (the one npm start uses, seeded now with 43 contacts from the sample directory).',
    );
    expect(answer).toContain("Robert Smith's phone number is (512) 555-0101.");
    expect(second.description).toBe('Store: .data/ (the one npm start uses).');
  });

  it('replays on a fresh store each time, with the same words every time', async () => {
    // Act
    const runs: string[][] = [];
    for (let run = 0; run < 2; run += 1) {
      const backend = await replayBackend(settings(0));
      try {
        const session = new DialogSession({ invoke: backend.invoke });
        const checkIn = await session.say('open front desk and check in Jane Okafor');
        const whoIsIn = await session.say("who's in");
        runs.push([checkIn.speech, whoIsIn.speech]);
      } finally {
        await backend.close();
      }
    }

    // Assess
    expect(runs[0]).toEqual(['Jane Okafor has checked in.', 'Only Jane Okafor is in.']);
    expect(runs[1]).toEqual(runs[0]);
  });
});
