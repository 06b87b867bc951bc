import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbPersistenceAdapter as OfficialAdapter } from 'ask-sdk-dynamodb-persistence-adapter';
import type { RequestEnvelope } from 'ask-sdk-model';
import { DynamoDB } from 'aws-sdk';
import { LOCAL_STORE_CREDENTIALS } from '../../../lambda/src/repositories/dynamodb-client';
import {
  DynamoDbPersistenceAdapter,
  personOrUserIdKey,
} from '../../../lambda/src/repositories/persistence-adapter';
import { launchRequest } from '../../support/requests';
import { startTestStore, type TestStore } from '../../support/store';
import { injectStoreFaults } from '../../support/store-faults';

const JANE = { contactId: 'c001', firstName: 'Jane', fullName: 'Jane Doe' };
const PERSON = 'amzn1.ask.person.CONCURRENT';

describe('persistent attributes saved by concurrent requests of one speaker', () => {
  let testStore: TestStore;

  beforeEach(async () => {
    testStore = await startTestStore();
  });

  afterEach(() => testStore.close());

  const adapter = (client = testStore.client) =>
    new DynamoDbPersistenceAdapter({
      client,
      tableName: testStore.tables.users,
      partitionKeyGenerator: personOrUserIdKey,
    });
  /** A new request of the speaker: ASK gives each request its own envelope object. */
  const request = (): RequestEnvelope => launchRequest({ personId: PERSON });

  async function stored(): Promise<unknown> {
    const { Item } = await testStore.setup.send(
      new GetCommand({ TableName: testStore.tables.users, Key: { id: PERSON } }),
    );
    return Item?.attributes;
  }

  it('keeps both attributes when two requests read the same record and each saves its own change', async () => {
    // Prepare: the record exists; both requests read it before either saves.
    const store = adapter();
    const setup = request();
    await store.getAttributes(setup);
    await store.saveAttributes(setup, { visits: 1 });
    const rememberMe = request();
    const goodbye = request();
    const readByRememberMe = await store.getAttributes(rememberMe);
    const readByGoodbye = await store.getAttributes(goodbye);

    // Act
    await store.saveAttributes(rememberMe, { ...readByRememberMe, identity: JANE });
    await store.saveAttributes(goodbye, { ...readByGoodbye, lastContactId: 'c004' });

    // Assess
    expect(await stored()).toEqual({ visits: 1, identity: JANE, lastContactId: 'c004' });
  });

  it('keeps both attributes when two requests create the record at the same moment', async () => {
    const store = adapter();
    const first = request();
    const second = request();
    await store.getAttributes(first);
    await store.getAttributes(second);

    await Promise.all([
      store.saveAttributes(first, { identity: JANE }),
      store.saveAttributes(second, { lastContactId: 'c004' }),
    ]);

    expect(await stored()).toEqual({ identity: JANE, lastContactId: 'c004' });
  });

  it('removes only what a request removed ("forget me"), keeping what another request added meanwhile', async () => {
    const store = adapter();
    const setup = request();
    await store.getAttributes(setup);
    await store.saveAttributes(setup, { identity: JANE });
    const forgetMe = request();
    const goodbye = request();
    const { identity: _forgotten, ...rest } = await store.getAttributes(forgetMe);
    const readByGoodbye = await store.getAttributes(goodbye);

    await store.saveAttributes(goodbye, { ...readByGoodbye, lastContactId: 'c004' });
    await store.saveAttributes(forgetMe, rest);

    expect(await stored()).toEqual({ lastContactId: 'c004' });
  });

  it('writes the same record once when the SDK retries a save whose reply was lost, and the official adapter reads it', async () => {
    // Prepare: the update reaches the store, its reply is lost, and the SDK sends it again.
    const client = testStore.skillClient();
    const faults = injectStoreFaults(client, [{ operation: 'UpdateItem', fault: 'lostReply', times: 1 }]);
    const store = adapter(client);
    const setup = request();
    await store.getAttributes(setup);
    await store.saveAttributes(setup, { visits: 1 });
    const save = request();
    const read = await store.getAttributes(save);

    // Act
    await store.saveAttributes(save, { ...read, identity: JANE });

    // Assess
    expect(faults.hits).toEqual([1]);
    expect(await stored()).toEqual({ visits: 1, identity: JANE });
    const official = new OfficialAdapter({
      tableName: testStore.tables.users,
      createTable: false,
      partitionKeyGenerator: (envelope) => envelope.context.System.person?.personId ?? '',
      dynamoDBClient: new DynamoDB({
        endpoint: testStore.store.endpoint,
        region: 'local',
        credentials: LOCAL_STORE_CREDENTIALS,
      }),
    });
    expect(await official.getAttributes(request())).toEqual({ visits: 1, identity: JANE });
    client.destroy();
  });

  it('does not write at all when a request saves what it read', async () => {
    const client = testStore.skillClient();
    const writes = injectStoreFaults(client, [
      { operation: 'PutItem', fault: 'refuse' },
      { operation: 'UpdateItem', fault: 'refuse' },
    ]);
    const store = adapter(client);
    const unchanged = request();

    const read = await store.getAttributes(unchanged);
    await store.saveAttributes(unchanged, { ...read });

    expect(writes.hits).toEqual([0, 0]);
    client.destroy();
  });
  it('sets one attribute without reading, keeping what another request saved meanwhile', async () => {
    // Prepare: "remember me" has read the record, and saves after the one attribute is set.
    const store = adapter();
    const setup = request();
    await store.getAttributes(setup);
    await store.saveAttributes(setup, { visits: 1 });
    const rememberMe = request();
    const readByRememberMe = await store.getAttributes(rememberMe);
    const checkIn = request();

    // Act
    await store.setAttribute(checkIn, 'lastContactId', 'c004');
    await store.saveAttributes(rememberMe, { ...readByRememberMe, identity: JANE });

    // Assess
    expect(store.hasRead(checkIn)).toBe(false);
    expect(await stored()).toEqual({ visits: 1, identity: JANE, lastContactId: 'c004' });
  });

  it("creates the speaker's record when one attribute is set for a speaker never seen", async () => {
    await adapter().setAttribute(request(), 'lastContactId', 'c004');

    expect(await stored()).toEqual({ lastContactId: 'c004' });
  });
});
