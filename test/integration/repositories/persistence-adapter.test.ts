import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DynamoDbPersistenceAdapter as OfficialAdapter,
  PartitionKeyGenerators,
} from 'ask-sdk-dynamodb-persistence-adapter';
import type { RequestEnvelope } from 'ask-sdk-model';
import { DynamoDB } from 'aws-sdk';
import {
  createDocumentClient,
  LOCAL_STORE_CREDENTIALS,
} from '../../../lambda/src/repositories/dynamodb-client';
import {
  DynamoDbPersistenceAdapter,
  personOrUserIdKey,
} from '../../../lambda/src/repositories/persistence-adapter';
import { launchRequest } from '../../support/requests';
import { startTestStore, type TestStore } from '../../support/store';
import { injectStoreFaults } from '../../support/store-faults';

describe('DynamoDbPersistenceAdapter and the official adapter share one table format', () => {
  let testStore: TestStore;
  let ours: DynamoDbPersistenceAdapter;
  let official: OfficialAdapter;

  beforeAll(async () => {
    testStore = await startTestStore();
    ours = new DynamoDbPersistenceAdapter({ client: testStore.client, tableName: testStore.tables.users });
    official = new OfficialAdapter({
      tableName: testStore.tables.users,
      createTable: false,
      dynamoDBClient: new DynamoDB({
        endpoint: testStore.store.endpoint,
        region: 'local',
        credentials: LOCAL_STORE_CREDENTIALS,
      }),
    });
  });

  afterAll(() => testStore.close());

  const request = (userId: string): RequestEnvelope => launchRequest({ userId });
  const attributes = {
    identity: { contactId: 'c001', firstName: 'Jane', fullName: 'Jane Doe' },
    lastContactId: 'c004',
    visits: 3,
    tags: ['a', 'b'],
    nested: { flag: true, empty: null },
  };

  it('reads what the official adapter wrote', async () => {
    await official.saveAttributes(request('amzn1.ask.account.OFFICIAL'), attributes);

    expect(await ours.getAttributes(request('amzn1.ask.account.OFFICIAL'))).toEqual(attributes);
  });

  it('writes what the official adapter reads', async () => {
    await ours.saveAttributes(request('amzn1.ask.account.OURS'), attributes);

    expect(await official.getAttributes(request('amzn1.ask.account.OURS'))).toEqual(attributes);
  });

  it('gives an empty object for a user it has never seen, like the official adapter', async () => {
    expect(await ours.getAttributes(request('amzn1.ask.account.NEW'))).toEqual({});
    expect(await official.getAttributes(request('amzn1.ask.account.NEW'))).toEqual({});
  });

  it('deletes so that the official adapter sees nothing', async () => {
    await ours.saveAttributes(request('amzn1.ask.account.GONE'), attributes);

    await ours.deleteAttributes(request('amzn1.ask.account.GONE'));

    expect(await official.getAttributes(request('amzn1.ask.account.GONE'))).toEqual({});
  });
});

describe('attributes per voice profile', () => {
  let testStore: TestStore;
  let ours: DynamoDbPersistenceAdapter;
  let officialByPerson: OfficialAdapter;
  let officialByAccount: OfficialAdapter;

  beforeAll(async () => {
    testStore = await startTestStore();
    ours = new DynamoDbPersistenceAdapter({
      client: testStore.client,
      tableName: testStore.tables.users,
      partitionKeyGenerator: personOrUserIdKey,
    });
    const official = (partitionKeyGenerator?: typeof PartitionKeyGenerators.personId) =>
      new OfficialAdapter({
        tableName: testStore.tables.users,
        createTable: false,
        ...(partitionKeyGenerator ? { partitionKeyGenerator } : {}),
        dynamoDBClient: new DynamoDB({
          endpoint: testStore.store.endpoint,
          region: 'local',
          credentials: LOCAL_STORE_CREDENTIALS,
        }),
      });
    officialByPerson = official(PartitionKeyGenerators.personId);
    officialByAccount = official();
  });

  afterAll(() => testStore.close());

  const account = 'amzn1.ask.account.FAMILY';
  const speaker = (personId?: string): RequestEnvelope =>
    launchRequest({ userId: account, ...(personId ? { personId } : {}) });
  const jane = { identity: { contactId: 'c001', firstName: 'Jane', fullName: 'Jane Doe' } };
  const bob = { identity: { contactId: 'c004', firstName: 'Robert', fullName: 'Robert Smith' } };

  it("keys a recognised speaker's attributes as the official adapter's personId generator does", async () => {
    await ours.saveAttributes(speaker('amzn1.ask.person.JANE'), jane);
    await officialByPerson.saveAttributes(speaker('amzn1.ask.person.BOB'), bob);

    expect(await officialByPerson.getAttributes(speaker('amzn1.ask.person.JANE'))).toEqual(jane);
    expect(await ours.getAttributes(speaker('amzn1.ask.person.BOB'))).toEqual(bob);
  });

  it("leaves the account's record, which the official default adapter reads, to requests without a recognised speaker", async () => {
    await officialByAccount.saveAttributes(speaker(), { lastContactId: 'c003' });
    await ours.saveAttributes(speaker('amzn1.ask.person.JANE'), jane);

    expect(await ours.getAttributes(speaker())).toEqual({ lastContactId: 'c003' });
    expect(await officialByAccount.getAttributes(speaker())).toEqual({ lastContactId: 'c003' });
    expect(await ours.getAttributes(speaker('amzn1.ask.person.SOMEONE_NEW'))).toEqual({});
  });
});

describe('reading the attributes ahead of time', () => {
  let testStore: TestStore;

  beforeEach(async () => {
    testStore = await startTestStore();
  });

  afterEach(() => testStore.close());

  function countingAdapter(client: DynamoDBDocumentClient): {
    adapter: DynamoDbPersistenceAdapter;
    reads: () => number;
  } {
    let reads = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName?.startsWith('Get')) reads += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countReads' },
    );
    return {
      adapter: new DynamoDbPersistenceAdapter({ client, tableName: testStore.tables.users }),
      reads: () => reads,
    };
  }

  it('shares one read between a prefetch and the request that then asks for the attributes', async () => {
    // Prepare
    const client = createDocumentClient({ endpoint: testStore.store.endpoint });
    const { adapter, reads } = countingAdapter(client);
    const envelope = launchRequest({ userId: 'amzn1.ask.account.PREFETCH' });
    await adapter.saveAttributes(envelope, { lastContactId: 'c001' });
    const request = launchRequest({ userId: 'amzn1.ask.account.PREFETCH' });
    const before = reads();

    // Act
    adapter.prefetchAttributes(request);
    const [first, second] = await Promise.all([
      adapter.getAttributes(request),
      adapter.getAttributes(request),
    ]);

    // Assess
    expect(first).toEqual({ lastContactId: 'c001' });
    expect(second).toBe(first);
    expect(reads() - before).toBe(1);
    client.destroy();
  });

  it('reads again after a save, and after a prefetch that failed, and reports the failure to the one who asks', async () => {
    // Prepare: the first read of the users table is refused.
    const client = createDocumentClient({ endpoint: testStore.store.endpoint });
    const { adapter } = countingAdapter(client);
    const faults = injectStoreFaults(client, [{ operation: 'GetItem', fault: 'refuse', times: 1 }]);
    const request = launchRequest({ userId: 'amzn1.ask.account.PREFETCH2' });

    // Act
    adapter.prefetchAttributes(request);
    const failed = await adapter.getAttributes(request).then(
      () => 'read',
      (error: unknown) => (error as Error).name,
    );
    const empty = await adapter.getAttributes(request);
    await adapter.saveAttributes(request, { lastContactId: 'c002' });
    const saved = await adapter.getAttributes(request);

    // Assess
    expect(faults.hits).toEqual([1]);
    expect(failed).not.toBe('read');
    expect(empty).toEqual({});
    expect(saved).toEqual({ lastContactId: 'c002' });
    client.destroy();
  });
});
