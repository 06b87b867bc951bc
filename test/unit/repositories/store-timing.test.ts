import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { timeStoreCalls } from '../../../lambda/src/repositories/store-timing';
import { runInRequestScope, type StoreTime } from '../../../lambda/src/request-scope';

/** A client whose store answers every call after `delayMs` on a fake clock. */
function clientOnFakeClock(delayMs: number): DynamoDBDocumentClient {
  let clock = 0;
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'local',
      endpoint: 'http://127.0.0.1:9',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    }),
  );
  client.middlewareStack.add(
    () => async () => {
      clock += delayMs;
      return { output: { $metadata: {} }, response: {} };
    },
    { step: 'finalizeRequest', name: 'fakeStore', priority: 'low' },
  );
  timeStoreCalls(client, () => clock);
  return client;
}

describe('timeStoreCalls', () => {
  it("adds every call's time to the request's store time", async () => {
    // Prepare
    const client = clientOnFakeClock(7);
    const storeTime: StoreTime = { calls: 0, milliseconds: 0 };
    // Act
    await runInRequestScope({ logFields: {}, storeTime }, async () => {
      await client.send(new GetCommand({ TableName: 't', Key: { id: 'a' } }));
      await client.send(new GetCommand({ TableName: 't', Key: { id: 'b' } }));
    });
    // Assess
    expect(storeTime).toEqual({ calls: 2, milliseconds: 14 });
  });

  it('times nothing outside a request', async () => {
    // Prepare
    const client = clientOnFakeClock(7);
    // Act
    const call = client.send(new GetCommand({ TableName: 't', Key: { id: 'a' } }));
    // Assess
    await expect(call).resolves.toBeDefined();
  });
});
