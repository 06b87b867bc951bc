import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '../../lambda/src/domain/contact';
import type { FrontDeskEvent } from '../../lambda/src/domain/events';
import { buildEndOfDayJob } from '../../lambda/src/end-of-day-job';
import { EndOfDayIncompleteError } from '../../lambda/src/errors';
import { IntentNames } from '../../lambda/src/interaction';
import { keys } from '../../lambda/src/repositories/directory-items';
import { PresenceRepository } from '../../lambda/src/repositories/presence-repository';
import { buildSkill } from '../../lambda/src/skill';
import { TEST_CONTACTS } from '../fixtures/contacts';
import { Conversation } from '../support/conversation';
import { FakeAlexaApi } from '../support/fakes';
import { intentRequest } from '../support/requests';
import { speechOf } from '../support/response-checks';
import { putContacts, skillConfigFor, startTestStore, storesOn, type TestStore } from '../support/store';
import { injectStoreFaults } from '../support/store-faults';

const PERSON = 'amzn1.ask.person.FRONTDESKTEST';
/** 9:05 AM in New York on 2026-01-15 (EST, UTC-5); closing time is 19:00, 00:00 UTC. */
const MORNING = new Date('2026-01-15T14:05:00Z');
const CLOSING = '2026-01-16T00:00:00Z';
const TESTERS: Contact[] = Array.from({ length: 7 }, (_, index) => ({
  id: `t${index + 1}`,
  firstName: `Tester${'ABCDEFG'[index]}`,
  lastName: 'Example',
  aliases: [],
}));

describe('end of day in the embedded store', () => {
  let testStore: TestStore;
  let now: Date;
  let events: FrontDeskEvent[];

  beforeEach(async () => {
    testStore = await startTestStore();
    await putContacts(testStore.setup, testStore.tables.directory, [...TEST_CONTACTS, ...TESTERS]);
    now = MORNING;
    events = [];
  });

  afterEach(() => testStore.close());

  const skill = () =>
    buildSkill({
      config: skillConfigFor(testStore),
      stores: storesOn(testStore),
      apiClient: new FakeAlexaApi(),
      clock: () => now,
      random: () => 0,
    });

  const job = (client: DynamoDBDocumentClient = testStore.client, timeZone = 'America/New_York') =>
    buildEndOfDayJob({
      config: { officeTimeZone: timeZone, officeClosingTime: { hour: 19, minute: 0 } },
      presence: storesOn(testStore, client).presence,
      events: { publish: async (event) => void events.push(event) },
      clock: () => now,
      pageSize: 3,
    });

  const say = async (request: ReturnType<typeof intentRequest>) =>
    speechOf(await new Conversation(skill()).send(request));
  const checkIn = (name: string) => say(intentRequest(IntentNames.checkIn, { name }, { personId: PERSON }));

  async function presenceOf(id: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await testStore.setup.send(
      new GetCommand({ TableName: testStore.tables.directory, Key: keys.presence(id) }),
    );
    return Item;
  }

  /** Every accepted change: the history and what the presence item still holds (see PresenceService). */
  async function historyOf(id: string): Promise<Array<Record<string, unknown>>> {
    const changes = await new PresenceRepository(testStore.setup, testStore.tables.directory).listChanges(id);
    return changes.map((change) => ({ ...change }));
  }

  async function checkInEveryTester(): Promise<void> {
    for (const [index, tester] of TESTERS.entries()) {
      now = new Date(MORNING.getTime() + index * 60_000);
      await checkIn(`${tester.firstName} example`.toLowerCase());
    }
  }

  it('checks out everyone at closing time, page by page, and "is she in" says why', async () => {
    // Prepare
    await checkInEveryTester();
    await checkIn('bob');
    now = new Date(CLOSING);

    // Act
    const report = await job().handle({ scheduledTime: CLOSING });
    now = new Date('2026-01-16T01:30:00Z');
    const isIn = await say(intentRequest(IntentNames.isIn, { name: 'testera example' }));
    const whoIsIn = await say(intentRequest(IntentNames.whoIsIn));

    // Assess
    expect(report).toMatchObject({ checkedOut: 8, leftAsIs: 0, failed: 0, pages: 3 });
    expect(isIn).toBe('No, TesterA Example checked out at 7:00 PM (end of day).');
    expect(whoIsIn).toMatch(/^Nobody is checked in/);
    expect(await presenceOf('t1')).toMatchObject({ status: 'OUT', version: 2, reason: 'end of day' });
    expect(await presenceOf('t1')).not.toHaveProperty('presentPk');
    expect((await historyOf('t1')).map((entry) => [entry.version, entry.status, entry.reason])).toEqual([
      [1, 'IN', undefined],
      [2, 'OUT', 'end of day'],
    ]);
    expect(events).toHaveLength(8);
    expect(
      events.every((event) => event.type === 'Checked Out' && event.detail.reason === 'end of day'),
    ).toBe(true);
  });

  it('changes nothing the second time it runs', async () => {
    await checkInEveryTester();
    now = new Date(CLOSING);
    await job().handle({ scheduledTime: CLOSING });
    const before = await historyOf('t3');

    const again = await job().handle({ scheduledTime: CLOSING });

    expect(again).toMatchObject({ checkedOut: 0, failed: 0 });
    expect(await historyOf('t3')).toEqual(before);
    expect(events).toHaveLength(TESTERS.length);
  });

  it('leaves in whoever checked in after closing time, even on a late rerun', async () => {
    await checkIn('bob');
    now = new Date('2026-01-16T00:00:30Z');
    await checkIn('testera example');
    now = new Date('2026-01-16T00:05:00Z');

    const report = await job().handle({ scheduledTime: CLOSING });
    const tester = await say(intentRequest(IntentNames.isIn, { name: 'testera example' }));

    expect(report).toMatchObject({ checkedOut: 1, leftAsIs: 1 });
    expect(tester).toMatch(/^Yes, TesterA Example checked in at 7:00 PM/);
    expect((await presenceOf('c004'))?.status).toBe('OUT');
  });

  it('and a check-in racing it both end up as they should, with every change in the history', async () => {
    // Prepare: seven people in; while the job runs, TesterG checks out and in again (after closing).
    await checkInEveryTester();
    now = new Date('2026-01-16T00:00:10Z');

    // Act
    const [report] = await Promise.all([
      job().handle({ scheduledTime: CLOSING }),
      (async () => {
        await say(intentRequest(IntentNames.checkOut, { name: 'testerg example' }, { personId: PERSON }));
        await checkIn('testerg example');
      })(),
    ]);

    // Assess: TesterG is in (their later check-in stands) or the job checked them out before their
    // own check-out, which then said "already"; either way, their check-in after closing stands.
    expect((await presenceOf('t7'))?.status).toBe('IN');
    expect(report.failed).toBe(0);
    for (const tester of TESTERS.slice(0, 6)) expect((await presenceOf(tester.id))?.status).toBe('OUT');
    const versions = (await historyOf('t7')).map((entry) => Number(entry.version)).sort((a, b) => a - b);
    expect(versions).toEqual(versions.map((_, index) => index + 1));
  });

  it('clears the board at 7 PM local time on the day daylight saving time starts', async () => {
    // 2026-03-08: New York springs forward; 19:00 EDT is 23:00 UTC, not 00:00 UTC.
    now = new Date('2026-03-08T14:00:00Z');
    await checkIn('bob');
    now = new Date('2026-03-08T23:00:00Z');

    const report = await job().handle({ scheduledTime: '2026-03-08T23:00:00Z' });
    now = new Date('2026-03-08T23:30:00Z');
    const isIn = await say(intentRequest(IntentNames.isIn, { name: 'bob' }));

    expect(report).toMatchObject({ closingAt: '2026-03-08T23:00:00.000Z', checkedOut: 1 });
    expect(isIn).toMatch(/^No, Robert Smith checked out at 7:00 PM \(end of day\)\./);
  });

  it('without a usable scheduled time, clears the board for the latest closing time up to now', async () => {
    await checkIn('bob');
    now = new Date('2026-01-16T09:00:00Z');

    for (const event of [
      undefined,
      null,
      {},
      { scheduledTime: 'tomorrow' },
      { scheduledTime: '2099-01-01T00:00:00Z' },
      42,
    ]) {
      await expect(job().handle(event)).resolves.toMatchObject({ closingAt: '2026-01-16T00:00:00.000Z' });
    }
    expect((await presenceOf('c004'))?.status).toBe('OUT');
  });

  it('fails the invocation when the store refuses, and a rerun finishes the job', async () => {
    await checkInEveryTester();
    now = new Date(CLOSING);
    const client = testStore.skillClient();
    const faults = injectStoreFaults(client, [
      { operation: 'PutItem', body: /"PRESENCE"/, fault: 'refuse', times: 2 },
    ]);

    const first = job(client).handle({ scheduledTime: CLOSING });
    await expect(first).rejects.toBeInstanceOf(EndOfDayIncompleteError);
    faults.remove();
    expect(faults.hits).toEqual([2]);
    const second = await job().handle({ scheduledTime: CLOSING });

    expect(second.failed).toBe(0);
    for (const tester of TESTERS) expect((await presenceOf(tester.id))?.status).toBe('OUT');
  });
});
