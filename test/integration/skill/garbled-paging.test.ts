import { IntentNames } from '../../../lambda/src/interaction';
import { answerInSession } from '../../support/answer-in-session';
import { intentRequest } from '../../support/requests';
import { sampleContacts } from '../../support/sample-contacts';
import { putDirectory, startTestStore, type TestStore } from '../../support/store';

const CARD_LINES = ['1. Marcus Bell: Logistics Coordinator, Northwind Traders, Austin, Texas'];
const POSITION = { facet: 'STATE', key: 'TX', label: 'Texas', total: 9, shown: 5, after: 'bell#marcus#c031' };

/**
 * "More" after session attributes that are not what Front Desk wrote (the envelope fuzz found the
 * first: a list position that was a number). Each would reach DynamoDB as a start key it refuses
 * (ValidationException), which the user heard as an apology.
 */
describe('"more" on a garbled position in a list, on the embedded store', () => {
  let testStore: TestStore;

  beforeAll(async () => {
    testStore = await startTestStore();
    await putDirectory(testStore.setup, testStore.tables.directory, sampleContacts());
  });

  afterAll(() => testStore.close());

  /** Asks for more with `pending` in the session; returns what was said and the failures logged. */
  const moreWith = (intent: string, pending: Record<string, unknown>) =>
    answerInSession(testStore, intentRequest(intent, {}), { pending });

  it.each([
    ['a number', 574035165],
    ['a facet Front Desk does not have', { ...POSITION, facet: 'PLANET' }],
    ['a last entry outside the list it is within', { ...POSITION, within: 'ROLE#manager#', after: 'zzz' }],
    ['a sort key longer than DynamoDB takes', { ...POSITION, after: 'x'.repeat(2000) }],
    ['an empty key', { ...POSITION, key: '' }],
  ])('answers without an apology when a browse list position is %s', async (_name, position) => {
    // Act
    const { speech, failures } = await moreWith(IntentNames.more, {
      type: 'listPage',
      position,
      cardLines: CARD_LINES,
    });

    // Assess
    expect(speech).not.toMatch(/sorry/i);
    expect(speech.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it.each([
    ['a number', 42],
    ['words', 'not a cursor'],
    ['a cursor of another shape', Buffer.from(JSON.stringify({ pk: 1, sk: ['x'] })).toString('base64url')],
    ['a long string', 'A'.repeat(5000)],
  ])('answers "yes" without an apology when the board\'s cursor is %s', async (_name, after) => {
    // Act
    const { speech, failures } = await moreWith(IntentNames.yes, {
      type: 'boardPage',
      list: { by: 'present' },
      after,
      shown: 5,
      cardLines: CARD_LINES,
    });

    // Assess
    expect(speech).not.toMatch(/sorry/i);
    expect(failures).toEqual([]);
  });
});
