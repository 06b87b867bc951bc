import { IntentNames } from '../../lambda/src/interaction';
import { buildSkill } from '../../lambda/src/skill';
import { TEST_CONTACTS } from '../fixtures/contacts';
import { Conversation } from '../support/conversation';
import { RecordingEventPublisher } from '../support/fakes';
import { intentRequest } from '../support/requests';
import { cardOf, speechOf } from '../support/response-checks';
import { putContacts, skillConfigFor, startTestStore, storesOn, type TestStore } from '../support/store';

describe('looking people up in the embedded store through buildSkill', () => {
  let testStore: TestStore;

  beforeAll(async () => {
    testStore = await startTestStore();
    await putContacts(testStore.setup, testStore.tables.directory, TEST_CONTACTS);
  });

  afterAll(() => testStore.close());

  const skill = () =>
    buildSkill({
      config: skillConfigFor(testStore),
      stores: storesOn(testStore, testStore.client),
      events: new RecordingEventPublisher(),
      random: () => 0,
    });

  it.each([
    ['sean oneill', "Sean O'Neill"],
    ['Sean', "Sean O'Neill"],
    ["O'Neill", "Sean O'Neill"],
    ['bob', 'Robert Smith'],
    ['zoe', 'Zoë Smith-Jones'],
  ])('finds "%s" and answers with the card of %s', async (spoken, fullName) => {
    // Act
    const response = await new Conversation(skill()).send(
      intentRequest(IntentNames.contactDetails, {
        name: spoken,
        detail: { value: 'company', ids: ['company'] },
      }),
    );

    // Assess
    expect(cardOf(response)?.title).toBe(fullName);
    expect(speechOf(response)).toContain(`${fullName} is with`);
  });

  it('asks which Jane Doe, then answers for the one at Globex', async () => {
    // Prepare
    const conversation = new Conversation(skill());

    // Act
    const question = await conversation.send(
      intentRequest(IntentNames.contactDetails, {
        name: 'jane doe',
        detail: { value: 'phone', ids: ['phone'] },
      }),
    );
    const answer = await conversation.send(intentRequest(IntentNames.chooseContact, { company: 'globex' }));

    // Assess
    expect(speechOf(question)).toBe(
      'I found 2 people called jane doe: Jane Doe at Acme Corp. and Jane Doe at Globex. Which one?',
    );
    expect(speechOf(answer)).toContain("Jane Doe's phone number is (206) 555-0102.");
  });

  it("remembers the last person in the users table, under the speaker's voice, when the session ends", async () => {
    // Prepare
    const voice = { personId: 'amzn1.ask.person.LOOKUP' };
    const conversation = new Conversation(skill());
    await conversation.send(intentRequest(IntentNames.contactDetails, { name: 'bob' }, voice));

    // Act
    await conversation.send(intentRequest(IntentNames.stop, {}, voice));

    // Assess
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const stored = async (id: string) =>
      (await testStore.setup.send(new GetCommand({ TableName: testStore.tables.users, Key: { id } }))).Item;
    expect(await stored(voice.personId)).toEqual({
      id: voice.personId,
      attributes: { lastContactId: 'c004' },
    });
    // The account is not the speaker on a shared device: nothing is kept for it.
    expect(await stored('amzn1.ask.account.TESTUSER')).toBeUndefined();
  });
});
