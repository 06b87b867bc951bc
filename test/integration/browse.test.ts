import { IntentNames } from '../../lambda/src/interaction';
import { buildSkill } from '../../lambda/src/skill';
import { BROWSE_CONTACTS } from '../fixtures/browse-contacts';
import { Conversation } from '../support/conversation';
import { RecordingEventPublisher } from '../support/fakes';
import { intentRequest } from '../support/requests';
import { cardOf, speechOf } from '../support/response-checks';
import { sampleContacts } from '../support/sample-contacts';
import { putDirectory, skillConfigFor, startTestStore, storesOn, type TestStore } from '../support/store';

/** The sample directory, plus the twelve people at Initrode: a company whose list runs to three pages. */
const DIRECTORY = [
  ...sampleContacts(),
  ...BROWSE_CONTACTS.filter((contact) => contact.company === 'Initrode Inc.'),
];

describe('browsing and "did you mean" in the embedded store through buildSkill', () => {
  let testStore: TestStore;

  beforeAll(async () => {
    testStore = await startTestStore();
    await putDirectory(testStore.setup, testStore.tables.directory, DIRECTORY);
  });

  afterAll(() => testStore.close());

  const conversation = () =>
    new Conversation(
      buildSkill({
        config: skillConfigFor(testStore),
        stores: storesOn(testStore, testStore.client),
        events: new RecordingEventPublisher(),
        random: () => 0,
      }),
    );

  it('reads a long list page by page: list, more, more, and the last page says it is the last', async () => {
    // Prepare
    const talk = conversation();

    // Act
    const first = await talk.send(intentRequest(IntentNames.browseCompany, { company: 'initrode' }));
    const second = await talk.send(intentRequest(IntentNames.more));
    const third = await talk.send(intentRequest(IntentNames.more));

    // Assess
    expect(speechOf(first)).toMatch(
      /^There are 12 people at Initrode Inc\.: Ava Adams, Analyst; .* Do you want to hear more\?$/,
    );
    expect(speechOf(second)).toMatch(/^The next 5: Fay Fox, Facilities Lead; .* Do you want to hear more\?$/);
    expect(speechOf(third)).toBe(
      'And the last 2: Kai Kumar, Keeper of Keys and Lea Lopez, Lawyer. What else would you like to know?',
    );
    expect(cardOf(third)?.text.split('\n')).toHaveLength(12);
  });

  it('goes on after "yes" and ends politely after "no"', async () => {
    // Prepare
    const talk = conversation();
    await talk.send(intentRequest(IntentNames.browsePlace, { state: 'Texas' }));

    // Act
    const next = await talk.send(intentRequest(IntentNames.yes));
    const end = await talk.send(intentRequest(IntentNames.no));

    // Assess
    expect(speechOf(next)).toMatch(/^The next 5: .* Do you want to hear more\?$/);
    expect(speechOf(end)).toBe('Goodbye!');
    expect(end.response.shouldEndSession).toBe(true);
  });

  it.each([
    ['acme', 'Acme Corp.', 7],
    ['Acme Corporation Inc', 'Acme Corp.', 7],
    ['barnes and noble', 'Barnes & Noble', 3],
    ['Barnes & Noble', 'Barnes & Noble', 3],
    ['globex corp', 'Globex', 6],
    ['contoso', 'Contoso, Ltd.', 4],
  ])('matches the company "%s" as spoken to %s', async (spoken, label, count) => {
    // Act
    const response = await conversation().send(intentRequest(IntentNames.browseCompany, { company: spoken }));

    // Assess
    expect(speechOf(response)).toContain(`There are ${count} people at ${label}:`);
  });

  it.each([
    [{ state: 'Texas' }, 'There are 18 people in Texas:'],
    [{ state: 'new york' }, 'There are 5 people in New York:'],
    [{ city: 'austin' }, 'There are 7 people in Austin:'],
    [{ city: 'st louis' }, 'There is one person in St. Louis: Grace Liu at Northwind Traders.'],
    [{ city: 'Portland', state: 'Oregon' }, 'There are 4 people in Portland, Oregon:'],
  ])('lists the people in %j', async (slots, expected) => {
    // Act
    const response = await conversation().send(intentRequest(IntentNames.browsePlace, slots));

    // Assess
    expect(speechOf(response)).toContain(expected);
  });

  it('lists the people whose name starts with a letter said the NATO way', async () => {
    // Act
    const response = await conversation().send(intentRequest(IntentNames.browseInitial, { letter: 'kilo' }));

    // Assess
    expect(speechOf(response)).toMatch(/^There are 5 people whose name starts with K: /);
  });

  it.each([
    [IntentNames.browseCompany, { company: 'umbrella' }, "Sorry, I don't know anyone at umbrella."],
    [IntentNames.browsePlace, { city: 'springfield' }, "Sorry, I don't know anyone in springfield."],
    [IntentNames.browsePlace, { state: 'alaska' }, "Sorry, I don't know anyone in alaska."],
  ])(
    'answers an unknown company or place clearly and keeps the session open (%s %j)',
    async (intent, slots, said) => {
      // Act
      const response = await conversation().send(intentRequest(intent, slots));

      // Assess
      expect(speechOf(response)).toContain(said);
      expect(response.response.shouldEndSession).toBe(false);
    },
  );

  it('asks which Jane Doe and answers "the second one"', async () => {
    // Prepare
    const talk = conversation();
    await talk.send(
      intentRequest(IntentNames.contactDetails, {
        name: 'jane doe',
        detail: { value: 'email', ids: ['email'] },
      }),
    );

    // Act
    const answer = await talk.send(intentRequest(IntentNames.chooseContact, { ordinal: '2' }));

    // Assess
    expect(speechOf(answer)).toBe(
      "Jane Doe's email is jane dot doe at globex dot example dot org. What else would you like to know?",
    );
  });

  it('offers Hannah Schmidt for "hana schmitt", and "yes" answers the office asked for', async () => {
    // Prepare
    const talk = conversation();

    // Act
    const question = await talk.send(
      intentRequest(IntentNames.contactDetails, {
        name: { value: 'hana schmitt', noMatch: true },
        detail: { value: 'office', ids: ['office'] },
      }),
    );
    const answer = await talk.send(intentRequest(IntentNames.yes));

    // Assess
    expect(speechOf(question)).toBe(
      "I couldn't find anyone called hana schmitt. Did you mean Hannah Schmidt?",
    );
    expect(speechOf(answer)).toBe(
      "Hannah Schmidt's office is in San Francisco, California. What else would you like to know?",
    );
    expect(cardOf(answer)?.title).toBe('Hannah Schmidt');
  });
});
