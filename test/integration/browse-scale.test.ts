import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '../../lambda/src/domain/contact';
import { IntentNames } from '../../lambda/src/interaction';
import { createDocumentClient } from '../../lambda/src/repositories/dynamodb-client';
import { PAGE_SIZE } from '../../lambda/src/services/browse-service';
import { SOUND_QUERY_LIMIT } from '../../lambda/src/services/name-suggestion-service';
import { buildSkill } from '../../lambda/src/skill';
import { Conversation } from '../support/conversation';
import { RecordingEventPublisher } from '../support/fakes';
import { intentRequest } from '../support/requests';
import { speechOf } from '../support/response-checks';
import { putDirectory, skillConfigFor, startTestStore, storesOn, type TestStore } from '../support/store';

const FIRST_NAMES = [
  'Ada',
  'Ben',
  'Cora',
  'Dan',
  'Eve',
  'Finn',
  'Gia',
  'Hugo',
  'Iris',
  'Jack',
  'Kira',
  'Leo',
  'Maya',
  'Nils',
  'Opal',
  'Paul',
  'Quinn',
  'Rosa',
  'Sam',
  'Tess',
];
const LAST_NAMES = [
  'Abbott',
  'Barnes',
  'Chavez',
  'Dalton',
  'Ellison',
  'Fuller',
  'Garner',
  'Hale',
  'Ingram',
  'Jennings',
  'Keller',
  'Lambert',
  'Mercer',
  'Nolan',
  'Ortega',
  'Pruitt',
  'Quarles',
  'Reyes',
  'Sutton',
  'Tanner',
  'Underwood',
  'Vance',
  'Whitaker',
  'Yates',
  'Zamora',
];
const STATES = ['TX', 'CA', 'NY', 'WA', 'IL'];

/** A synthetic directory: 20 companies, 50 cities in 5 states, 500 distinct full names. */
function directoryOf(size: number): Contact[] {
  return Array.from({ length: size }, (_, index) => ({
    id: `s${index}`,
    firstName: FIRST_NAMES[index % FIRST_NAMES.length] as string,
    lastName: `${LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length]}`,
    company: `Company ${index % 20}`,
    title: 'Associate',
    city: `City ${index % 50}`,
    state: STATES[index % STATES.length] as string,
    aliases: [],
  }));
}

interface QueryRead {
  readonly items: number;
  readonly scanned: number;
  readonly capacityUnits: number | undefined;
}

/**
 * A DocumentClient that asks the store for its consumed capacity on every Query and records how
 * many items each Query returned and examined: what "a page reads" means, measured on the client.
 */
function countingClient(endpoint: string): { client: DynamoDBDocumentClient; queries: QueryRead[] } {
  const client = createDocumentClient({ endpoint });
  const queries: QueryRead[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'QueryCommand') return next(args);
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const output = result.output as {
        Count?: number;
        ScannedCount?: number;
        ConsumedCapacity?: { CapacityUnits?: number };
      };
      queries.push({
        items: output.Count ?? 0,
        scanned: output.ScannedCount ?? 0,
        capacityUnits: output.ConsumedCapacity?.CapacityUnits,
      });
      return result;
    },
    { step: 'initialize', name: 'countQueryReads' },
  );
  return { client, queries };
}

// Ten times the contacts, and the same items read per page. 500 is the smallest directory whose
// lists run to four pages; `npm run bench` measures the same from 1,000 to 100,000 contacts.
describe.each([500, 5_000])('a directory of %i contacts', (size) => {
  let testStore: TestStore;
  let counted: ReturnType<typeof countingClient>;

  beforeAll(async () => {
    testStore = await startTestStore();
    // Name entries (`NAME#...`) are left out: no browse or sound Query reads their partitions, and
    // they are a quarter of the writes. Everything the pages and "did you mean" read is there.
    await putDirectory(testStore.setup, testStore.tables.directory, directoryOf(size), {
      keep: (item) => !item.pk.startsWith('NAME#'),
    });
    counted = countingClient(testStore.store.endpoint);
  }, 120_000);

  afterAll(async () => {
    counted?.client.destroy();
    await testStore?.close();
  });

  const conversation = () =>
    new Conversation(
      buildSkill({
        config: skillConfigFor(testStore),
        stores: storesOn(testStore, counted.client),
        events: new RecordingEventPublisher(),
        random: () => 0,
      }),
    );

  it.each([
    ['a company', IntentNames.browseCompany, { company: 'company 7' }, size / 20],
    ['a state', IntentNames.browsePlace, { state: 'Texas' }, size / 5],
    ['an initial', IntentNames.browseInitial, { letter: 'k' }, undefined],
  ])(
    'reads one page of items per page for %s, whatever the size of the list',
    async (_what, intent, slots, total) => {
      // Prepare
      const talk = conversation();
      counted.queries.length = 0;

      // Act
      const first = await talk.send(intentRequest(intent, slots));
      const pages = [first];
      for (let page = 0; page < 3; page += 1) pages.push(await talk.send(intentRequest(IntentNames.more)));

      // Assess
      if (total !== undefined) expect(speechOf(first)).toContain(`There are ${total} people`);
      expect(pages.every((page) => speechOf(page).endsWith('Do you want to hear more?'))).toBe(true);
      // One Query per page: the first reads the group item and five entries, the others five entries.
      expect(counted.queries.map((query) => query.scanned)).toEqual([
        PAGE_SIZE + 1,
        PAGE_SIZE,
        PAGE_SIZE,
        PAGE_SIZE,
      ]);
      expect(counted.queries.map((query) => query.items)).toEqual([
        PAGE_SIZE + 1,
        PAGE_SIZE,
        PAGE_SIZE,
        PAGE_SIZE,
      ]);
      // And the store agrees: each page costs half a read unit (one eventually consistent 4 KB read).
      expect(counted.queries.map((query) => query.capacityUnits)).toEqual([0.5, 0.5, 0.5, 0.5]);
    },
  );

  it('reads at most one sound partition page per key for a misheard name', async () => {
    // Prepare
    const talk = conversation();
    counted.queries.length = 0;

    // Act
    const response = await talk.send(
      intentRequest(IntentNames.contactDetails, { name: { value: 'jak keler', noMatch: true } }),
    );

    // Assess
    expect(speechOf(response)).toContain('Did you mean Jack Keller?');
    expect(counted.queries.length).toBeGreaterThan(0);
    expect(counted.queries.every((query) => query.scanned <= SOUND_QUERY_LIMIT)).toBe(true);
  });
});
