import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../../lambda/src/logger';
import { testConsoleRoutes } from '../../../local/console/test-console';
import { type LocalSkill, startLocalSkill } from '../../../local/local-skill';
import type { Notification } from '../../../local/notifications/local-event-bus';
import { type ConsoleServer, startConsoleServer } from '../../support/console-server';
import { SAMPLE_DIRECTORY_CSV } from '../../support/skill-package';

describe("the console's Notifications panel and the outbox, on the in-process bus", () => {
  let local: LocalSkill;
  let server: ConsoleServer;
  let base: string;
  let outboxDir: string;

  beforeAll(async () => {
    outboxDir = mkdtempSync(path.join(tmpdir(), 'front-desk-outbox-'));
    local = await startLocalSkill({
      seedFile: SAMPLE_DIRECTORY_CSV,
      environment: { LOG_LEVEL: 'SILENT' },
      logger: silentLogger,
      outboxDir,
      notifier: { officeName: 'Acme Corp.', meetingPlace: 'the lobby' },
    });
    server = await startConsoleServer({
      invokeSkill: (envelope) => local.skill.invoke(envelope),
      devRoutes: testConsoleRoutes(local),
    });
    base = server.base;
  });

  afterAll(async () => {
    await server.close();
    await local.close();
    rmSync(outboxDir, { recursive: true, force: true });
  });

  const say = (text: string) =>
    fetch(`${base}/dev/utterance`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text }),
    });

  it('shows the event and the email the host would receive, and writes it to the outbox', async () => {
    // Act
    await say('tell front desk Sam Carter from Wayne Enterprises to see Priya Raman');
    const view = (await (await fetch(`${base}/dev/notifications`)).json()) as {
      enabled: boolean;
      notifications: Notification[];
    };

    // Assess
    expect(view.enabled).toBe(true);
    expect(view.notifications).toHaveLength(1);
    expect(view.notifications[0]).toMatchObject({
      detailType: 'Visitor Arrived',
      eventBusName: 'front-desk-local',
      source: 'front-desk',
      detail: {
        visitor: { name: 'Sam Carter', company: 'Wayne Enterprises' },
        host: { name: 'Priya Raman' },
      },
      message: {
        to: 'priya.raman@acme.example.com',
        subject: 'Your visitor Sam Carter from Wayne Enterprises is here',
      },
    });
    const files = readdirSync(outboxDir);
    expect(files).toHaveLength(1);
    const mail = readFileSync(path.join(outboxDir, files[0] ?? ''), 'utf8');
    expect(mail).toContain('To: priya.raman@acme.example.com');
    expect(mail).toContain('Please meet them at the lobby.');
  });
});
