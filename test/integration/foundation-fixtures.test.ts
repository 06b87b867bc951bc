import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_STORE_CREDENTIALS } from '../../lambda/src/repositories/dynamodb-client';
import { buildSkill } from '../../lambda/src/skill';
import { importDirectoryFile } from '../../scripts/directory-import/import-directory';
import { Conversation } from '../support/conversation';
import { RecordingEventPublisher } from '../support/fakes';
import { readFixture } from '../support/fixtures';
import { cardOf, repromptOf, speechOf } from '../support/response-checks';
import { SAMPLE_DIRECTORY_CSV } from '../support/skill-package';
import { recordCommands, startTestStore, storesOn, type TestStore } from '../support/store';

/**
 * The foundation's request envelopes, recorded as Alexa sends them, replayed through buildSkill
 * against the embedded store loaded by the real importer from data/sample-directory.csv.
 */
describe('recorded requests against the sample directory', () => {
  let testStore: TestStore;
  let commands: string[];

  beforeAll(async () => {
    testStore = await startTestStore();
    const raw = new DynamoDBClient({
      endpoint: testStore.store.endpoint,
      region: 'local',
      credentials: LOCAL_STORE_CREDENTIALS,
    });
    const summary = await importDirectoryFile({
      file: SAMPLE_DIRECTORY_CSV,
      client: raw,
      directoryTable: testStore.tables.directory,
      usersTable: testStore.tables.users,
    });
    raw.destroy();
    expect(summary.rejections).toEqual([]);
    commands = recordCommands(testStore.client);
  });

  beforeEach(() => {
    commands.length = 0;
  });

  afterEach(() => {
    // Every request is answered with GetItem or Query (and a Put of persistent attributes): never a Scan.
    expect(commands.filter((command) => command.includes('Scan'))).toEqual([]);
  });

  afterAll(() => testStore.close());

  const conversation = () =>
    new Conversation(
      buildSkill({
        config: {
          skillId: 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000',
          officeTimeZone: 'America/New_York',
        },
        stores: storesOn(testStore, testStore.client),
        events: new RecordingEventPublisher(),
        random: () => 0,
      }),
    );

  it('launch: a welcome, what Front Desk does, and a question with a reprompt', async () => {
    // Act
    const response = await conversation().send(readFixture('launch'));

    // Assess
    expect(speechOf(response)).toMatch(/^Welcome to Front Desk\. .*\?$/);
    expect(repromptOf(response)).not.toBe('');
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('a lookup entity resolution matched: the phone number and the whole card, in one GetItem', async () => {
    // Act
    const response = await conversation().send(readFixture('contact-details-er-match'));

    // Assess
    expect(commands).toEqual(['GetItemCommand']);
    expect(speechOf(response)).toBe(
      "Robert Smith's phone number is (512) 555-0101. What else would you like to know?",
    );
    expect(cardOf(response)).toEqual({
      title: 'Robert Smith',
      text: [
        'Company: Acme Corp.',
        'Title: Chief Financial Officer',
        'Email: bob.smith@acme.example.com',
        'Phone: (512) 555-0101',
        'Office: Austin, Texas',
      ].join('\n'),
    });
  });

  it('a name nobody has: said plainly, and the session stays open', async () => {
    // Act
    const response = await conversation().send(readFixture('contact-details-no-match'));

    // Assess
    expect(speechOf(response)).toBe(
      "Sorry, I couldn't find anyone called zachary quigley. Who else can I look up?",
    );
    expect(response.response.shouldEndSession).toBe(false);
  });

  it('a possessive the recogniser kept: "jane okafor\'s" finds Jane Okafor, in at most two Queries', async () => {
    // Act
    const response = await conversation().send(readFixture('contact-details-possessive'));

    // Assess
    expect(commands.length).toBeLessThanOrEqual(2);
    expect(commands.every((command) => command === 'QueryCommand')).toBe(true);
    expect(cardOf(response)?.title).toBe('Jane Okafor');
    expect(speechOf(response)).toContain("Jane Okafor's email is");
  });

  it('a detail without a name: asks whose, then answers it', async () => {
    // Prepare
    const talk = conversation();

    // Act
    const question = await talk.send(readFixture('contact-details-missing-name'));
    const answer = await talk.send(readFixture('contact-details-er-match'));

    // Assess
    expect(speechOf(question)).toBe('Whose email would you like?');
    expect(speechOf(answer)).toContain("Robert Smith's phone number is");
  });

  it('an ambiguous name, then "the second one", then "the one at Globex"', async () => {
    // Prepare
    const talk = conversation();

    // Act
    const question = await talk.send(readFixture('contact-details-ambiguous'));
    const second = await talk.send(readFixture('choose-contact-ordinal'));
    const again = conversation();
    await again.send(readFixture('contact-details-ambiguous'));
    const byCompany = await again.send(readFixture('choose-contact-company'));

    // Assess
    expect(speechOf(question)).toBe(
      'I found 2 people called jane doe: Jane Doe at Acme Corp. and Jane Doe at Globex. Which one?',
    );
    expect(cardOf(second)?.text).toContain('Company: Globex');
    expect(cardOf(byCompany)?.text).toContain('Company: Globex');
  });

  it('a session that ended with an error: an empty response', async () => {
    // Act
    const response = await conversation().send(readFixture('session-ended-error'));

    // Assess
    expect(response.response.outputSpeech).toBeUndefined();
  });

  it.each([
    ['help', /^Front Desk knows the people your office works with\..*\?$/, false],
    ['stop', /^Goodbye!$/, true],
    ['cancel', /^Goodbye!$/, true],
    ['navigate-home', /^Goodbye!$/, true],
    ['fallback', /^Sorry, Front Desk can't help with that\..*\?$/, false],
    ['unknown-intent', /^Sorry, Front Desk can't help with that\..*\?$/, false],
    ['repeat', /^I haven't said anything yet\./, false],
  ])('%s', async (fixture, speech, ends) => {
    // Act
    const response = await conversation().send(readFixture(fixture));

    // Assess
    expect(speechOf(response)).toMatch(speech);
    expect(response.response.shouldEndSession).toBe(ends);
  });
});
