import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { type DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../lambda/src/repositories/dynamodb-client';
import { createEventBridgeClient } from '../../lambda/src/repositories/eventbridge-publisher';
import { DIRECTORY_TABLE } from '../../lambda/src/repositories/table-definitions';
import { guardWithDeployedPolicy, type PolicyGuard } from '../support/deployed-policy';
import { startEventBridgeEndpoint } from '../support/event-bridge-endpoint';
import { startTestStore, type TestStore } from '../support/store';

/** The check itself: what the integration tests rely on to see the deployed role's refusals. */
describe("the deployed function role's policy in front of the local store", () => {
  let testStore: TestStore;
  // A client of its own: the refusals below are the point, and the store's close() fails on any.
  let client: DynamoDBDocumentClient;
  let policy: PolicyGuard;

  beforeAll(async () => {
    testStore = await startTestStore();
  });

  beforeEach(() => {
    client = createDocumentClient({ endpoint: testStore.store.endpoint });
    policy = guardWithDeployedPolicy(client, { policy: 'skill', tables: testStore.tables });
  });

  afterEach(() => client.destroy());

  afterAll(() => testStore.close());

  const presentIndex = DIRECTORY_TABLE.globalSecondaryIndexes[0]?.indexName ?? '';

  it("lets the skill query the directory's present index, mapped to the local table", async () => {
    // Act
    const query = client.send(
      new QueryCommand({
        TableName: testStore.tables.directory,
        IndexName: presentIndex,
        KeyConditionExpression: 'presentPk = :in',
        ExpressionAttributeValues: { ':in': 'IN' },
      }),
    );
    // Assess
    await expect(query).resolves.toMatchObject({ Items: [] });
    expect(policy.refusals).toEqual([]);
  });

  it('refuses a Scan as AWS would, naming the action and the table, and records it', async () => {
    // Act
    const scan = client.send(new ScanCommand({ TableName: testStore.tables.directory }));
    // Assess
    await expect(scan).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(
        `not authorized to perform: dynamodb:Scan on resource: arn:aws:dynamodb:local:000000000000:table/${testStore.tables.directory}`,
      ),
    });
    expect(policy.refusals).toEqual([
      {
        action: 'dynamodb:Scan',
        resource: `arn:aws:dynamodb:local:000000000000:table/${testStore.tables.directory}`,
      },
    ]);
  });

  it('refuses a Query on an index the role is not given', async () => {
    // Act
    const query = client.send(
      new QueryCommand({
        TableName: testStore.tables.directory,
        IndexName: 'not-granted',
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'x' },
      }),
    );
    // Assess
    await expect(query).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(policy.refusals).toEqual([
      {
        action: 'dynamodb:Query',
        resource: `arn:aws:dynamodb:local:000000000000:table/${testStore.tables.directory}/index/not-granted`,
      },
    ]);
  });

  it('fails the test, naming every refused call', async () => {
    // Prepare
    await client.send(new ScanCommand({ TableName: testStore.tables.users })).catch(() => undefined);
    // Act
    const assess = () => policy.assertNoRefusals();
    // Assess
    expect(assess).toThrow(
      `The deployed skill policy refused 1 call(s) that the code made:\n  dynamodb:Scan on arn:aws:dynamodb:local:000000000000:table/${testStore.tables.users}`,
    );
  });

  describe("in front of the EventBridge client, with the stack's bus mapped to the local one", () => {
    const BUS = 'front-desk-local-bus';
    const entry = (EventBusName: string) => ({
      EventBusName,
      Source: 'front-desk',
      DetailType: 'Checked In',
      Detail: '{}',
    });

    it('lets the skill put events on the bus whose name the function gets, and refuses any other bus', async () => {
      // Prepare
      const endpoint = await startEventBridgeEndpoint();
      const events = createEventBridgeClient({ endpoint: endpoint.url });
      const guard = guardWithDeployedPolicy(events, {
        policy: 'skill',
        tables: testStore.tables,
        eventBus: BUS,
      });
      try {
        // Act
        const onItsBus = await events.send(new PutEventsCommand({ Entries: [entry(BUS)] }));
        const onDefault = await events
          .send(new PutEventsCommand({ Entries: [{ ...entry(BUS), EventBusName: undefined }] }))
          .catch((error: unknown) => error);
        const onAnother = await events
          .send(new PutEventsCommand({ Entries: [entry(BUS), entry('someone-elses')] }))
          .catch((error: unknown) => error);
        // Assess
        expect(onItsBus).toMatchObject({ FailedEntryCount: 0 });
        expect(onDefault).toMatchObject({ name: 'AccessDeniedException' });
        expect(onAnother).toMatchObject({
          name: 'AccessDeniedException',
          message: expect.stringContaining(
            'not authorized to perform: events:PutEvents on resource: arn:aws:events:local:000000000000:event-bus/someone-elses',
          ),
        });
        expect(endpoint.entries.map((received) => received.EventBusName)).toEqual([BUS]);
        expect(guard.refusals).toEqual([
          { action: 'events:PutEvents', resource: 'arn:aws:events:local:000000000000:event-bus/default' },
          {
            action: 'events:PutEvents',
            resource: 'arn:aws:events:local:000000000000:event-bus/someone-elses',
          },
        ]);
      } finally {
        events.destroy();
        await endpoint.close();
      }
    });
  });
});
