import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '../../lambda/src/domain/contact';
import type { PresenceRecord } from '../../lambda/src/domain/presence';
import { IntentNames } from '../../lambda/src/interaction';
import { keys } from '../../lambda/src/repositories/directory-items';
import { PresenceRepository } from '../../lambda/src/repositories/presence-repository';
import { hashRequester } from '../../lambda/src/services/presence-service';
import { buildSkill } from '../../lambda/src/skill';
import { TEST_CONTACTS } from '../fixtures/contacts';
import { Conversation } from '../support/conversation';
import { FakeAlexaApi } from '../support/fakes';
import { intentRequest, launchRequest } from '../support/requests';
import { speechOf } from '../support/response-checks';
import { putContacts, skillConfigFor, startTestStore, storesOn, type TestStore } from '../support/store';
import { injectStoreFaults } from '../support/store-faults';

const NINE_OH_FIVE = new Date('2025-01-15T14:05:00Z');
const PERSON = 'amzn1.ask.person.FRONTDESKTEST';
const SEVEN_TESTERS: Contact[] = Array.from({ length: 7 }, (_, index) => ({
  id: `t${index + 1}`,
  firstName: `Tester${'ABCDEFG'[index]}`,
  lastName: 'Example',
  aliases: [],
}));

describe('the in/out board in the embedded store, through buildSkill', () => {
  let testStore: TestStore;
  let now: Date;

  beforeEach(async () => {
    testStore = await startTestStore();
    await putContacts(testStore.setup, testStore.tables.directory, [...TEST_CONTACTS, ...SEVEN_TESTERS]);
    now = NINE_OH_FIVE;
  });

  afterEach(() => testStore.close());

  const skill = (client: DynamoDBDocumentClient = testStore.client) =>
    buildSkill({
      config: skillConfigFor(testStore),
      stores: storesOn(testStore, client),
      apiClient: new FakeAlexaApi(),
      clock: () => now,
      random: () => 0,
    });

  /** A client of its own, so faults injected into it stay in one test. */
  const faultyClient = () => testStore.skillClient();

  const checkIn = (name: string) => intentRequest(IntentNames.checkIn, { name }, { personId: PERSON });
  const checkOut = (name: string) => intentRequest(IntentNames.checkOut, { name }, { personId: PERSON });

  async function presenceItem(id: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await testStore.setup.send(
      new GetCommand({ TableName: testStore.tables.directory, Key: keys.presence(id) }),
    );
    return Item;
  }

  async function historyOf(id: string): Promise<Array<Record<string, unknown>>> {
    const { Items } = await testStore.setup.send(
      new QueryCommand({
        TableName: testStore.tables.directory,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.presenceHistoryPartition(id) },
      }),
    );
    return Items ?? [];
  }

  /** Every accepted change: the history, and the changes the presence item still holds. */
  function changesOf(id: string): Promise<PresenceRecord[]> {
    return new PresenceRepository(testStore.client, testStore.tables.directory).listChanges(id);
  }

  it('asks which Jane Doe, checks her in, lists her, and says she is in', async () => {
    // Prepare
    const talk = new Conversation(skill());
    await talk.send(launchRequest());

    // Act
    const which = await talk.send(checkIn('jane doe'));
    const done = await talk.send(intentRequest(IntentNames.chooseContact, { ordinal: '2' }));
    const list = await talk.send(intentRequest(IntentNames.whoIsIn));
    const isIn = await talk.send(intentRequest(IntentNames.isIn, { name: 'jane doe' }));
    const answer = await talk.send(intentRequest(IntentNames.chooseContact, { company: 'globex' }));

    // Assess
    expect(speechOf(which)).toMatch(/^I found 2 people called jane doe: .* Which one\?$/);
    expect(speechOf(done)).toBe('Jane Doe has checked in. What else would you like to know?');
    expect(speechOf(list)).toBe('Only Jane Doe is in. What else would you like to know?');
    expect(speechOf(isIn)).toMatch(/^I found 2 people called jane doe/);
    expect(speechOf(answer)).toBe('Yes, Jane Doe checked in at 9:05 AM. What else would you like to know?');
    expect((await presenceItem('c002'))?.status).toBe('IN');
    expect(await presenceItem('c001')).toBeUndefined();
  });

  it('keeps a person in the present index only while in, and a history entry per change with a hashed requester', async () => {
    await new Conversation(skill()).send(checkIn('bob'));
    const whileIn = await presenceItem('c004');
    now = new Date('2025-01-15T22:10:00Z');

    await new Conversation(skill()).send(checkOut('bob'));

    expect(whileIn).toMatchObject({ status: 'IN', version: 1, presentPk: 'PRESENT' });
    const afterOut = await presenceItem('c004');
    expect(afterOut).toMatchObject({ status: 'OUT', version: 2, changedAt: '2025-01-15T22:10:00.000Z' });
    expect(afterOut).not.toHaveProperty('presentPk');
    expect(afterOut?.previous).toMatchObject({ status: 'IN', version: 1 });
    const history = await historyOf('c004');
    // The check-out put the check-in in the history; the check-out waits there for the next change.
    expect(history.map((entry) => [entry.version, entry.status])).toEqual([[1, 'IN']]);
    const changes = await changesOf('c004');
    expect(changes.map((entry) => [entry.version, entry.status])).toEqual([
      [1, 'IN'],
      [2, 'OUT'],
    ]);
    expect(changes.every((entry) => entry.requester === hashRequester(PERSON))).toBe(true);
    expect(JSON.stringify([history, afterOut])).not.toContain(PERSON);
  });

  it("reads who's in from the present index five at a time, newest first", async () => {
    for (const [index, tester] of SEVEN_TESTERS.entries()) {
      now = new Date(NINE_OH_FIVE.getTime() + index * 60_000);
      await new Conversation(skill()).send(checkIn(`${tester.firstName} example`.toLowerCase()));
    }
    await new Conversation(skill()).send(checkOut('testerg example'));
    const talk = new Conversation(skill());

    const first = await talk.send(intentRequest(IntentNames.whoIsIn));
    const second = await talk.send(intentRequest(IntentNames.yes));

    expect(speechOf(first)).toBe(
      'The 5 people who checked in most recently are TesterF Example, TesterE Example, TesterD Example, TesterC Example and TesterB Example. Do you want to hear more?',
    );
    expect(speechOf(second)).toBe(
      "Next: TesterA Example. That's everyone who's in. What else would you like to know?",
    );
  });

  describe('when the store fails', () => {
    it.each([
      ['refuses', 'refuse'],
      ['cannot be reached', 'unreachable'],
    ] as const)(
      'says a check-in did not happen when the store %s, and nothing is written',
      async (_, fault) => {
        // Prepare
        const client = faultyClient();
        const faults = injectStoreFaults(client, [{ operation: 'PutItem', body: /"PRESENCE"/, fault }]);

        // Act
        const response = await new Conversation(skill(client)).send(checkIn('bob'));

        // Assess
        expect(speechOf(response)).toBe(
          "Sorry, I couldn't update the in/out board, so Robert Smith is not checked in. Please try again.",
        );
        expect(faults.hits[0]).toBeGreaterThan(0);
        expect(await presenceItem('c004')).toBeUndefined();
        expect(await historyOf('c004')).toEqual([]);
        client.destroy();
      },
    );

    it('says a check-in happened when it did, even though its reply was lost and the retry refused', async () => {
      const client = faultyClient();
      const faults = injectStoreFaults(client, [
        { operation: 'PutItem', body: /"PRESENCE"/, fault: 'lostReply', times: 1 },
      ]);

      const response = await new Conversation(skill(client)).send(checkIn('bob'));

      expect(faults.hits).toEqual([1]);
      expect(speechOf(response)).toBe('Robert Smith has checked in.');
      expect(await presenceItem('c004')).toMatchObject({ status: 'IN', version: 1 });
      expect((await changesOf('c004')).map((entry) => entry.version)).toEqual([1]);
      client.destroy();
    });

    it('says a check-out happened when its history write failed, and the next change repairs the history', async () => {
      // Prepare: the check-out's append of the check-in, in parallel with its presence write, fails.
      const client = faultyClient();
      await new Conversation(skill(client)).send(checkIn('bob'));
      const faults = injectStoreFaults(client, [
        { operation: 'PutItem', body: /"HISTORY#c004"/, fault: 'refuse', times: 1 },
      ]);

      // Act
      const checkedOut = await new Conversation(skill(client)).send(checkOut('bob'));
      const historyBetween = await historyOf('c004');
      const changesBetween = await changesOf('c004');
      const checkedIn = await new Conversation(skill(client)).send(checkIn('bob'));

      // Assess
      expect(faults.hits).toEqual([1]);
      expect(speechOf(checkedOut)).toBe('Robert Smith has checked out!');
      expect(historyBetween).toEqual([]);
      expect(changesBetween.map((entry) => entry.version)).toEqual([1, 2]);
      expect(speechOf(checkedIn)).toBe('Robert Smith has checked in.');
      expect((await historyOf('c004')).map((entry) => [entry.version, entry.status])).toEqual([
        [1, 'IN'],
        [2, 'OUT'],
      ]);
      expect((await changesOf('c004')).map((entry) => entry.version)).toEqual([1, 2, 3]);
      client.destroy();
    });

    it('makes no change, and says so, when the change before last cannot be put in the history first', async () => {
      const client = faultyClient();
      injectStoreFaults(client, [{ operation: 'PutItem', body: /"HISTORY#c004"/, fault: 'unreachable' }]);
      await new Conversation(skill(client)).send(checkIn('bob'));
      const checkedOut = await new Conversation(skill(client)).send(checkOut('bob'));

      const response = await new Conversation(skill(client)).send(checkIn('bob'));

      expect(speechOf(checkedOut)).toBe('Robert Smith has checked out!');
      expect(speechOf(response)).toBe(
        "Sorry, I couldn't update the in/out board, so Robert Smith is not checked in. Please try again.",
      );
      expect(await presenceItem('c004')).toMatchObject({ status: 'OUT', version: 2 });
      expect((await changesOf('c004')).map((entry) => entry.version)).toEqual([1, 2]);
      client.destroy();
    });

    it('says it cannot tell, rather than that it failed, when the write was applied but cannot be read back', async () => {
      // Prepare: the first read decides; the write lands but its reply is lost; the read-back fails.
      const client = faultyClient();
      injectStoreFaults(client, [
        { operation: 'PutItem', body: /"PRESENCE"/, fault: 'lostReply' },
        { operation: 'GetItem', body: /"PRESENCE"/, fault: 'unreachable', skip: 1 },
      ]);

      // Act
      const response = await new Conversation(skill(client)).send(checkIn('bob'));

      // Assess
      expect(speechOf(response)).toBe(
        "Sorry, the in/out board stopped answering, so I can't tell whether Robert Smith is checked in. Ask me again in a moment.",
      );
      expect(await presenceItem('c004')).toMatchObject({ status: 'IN', version: 1 });
      client.destroy();
    });
  });
});
