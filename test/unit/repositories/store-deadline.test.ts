import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../../../lambda/src/errors';
import { LOCAL_STORE_CREDENTIALS } from '../../../lambda/src/repositories/dynamodb-client';
import {
  limitStoreCallsToRequestDeadline,
  StoreDeadlineError,
} from '../../../lambda/src/repositories/store-deadline';
import { runInRequestScope } from '../../../lambda/src/request-scope';

/** A client whose store never answers, counting the requests that reach it. */
function neverAnsweringClient(): { client: DynamoDBDocumentClient; sent: () => number } {
  let sent = 0;
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      region: 'local',
      endpoint: 'http://127.0.0.1:9',
      credentials: LOCAL_STORE_CREDENTIALS,
      maxAttempts: 1,
      requestHandler: {
        handle: () => {
          sent += 1;
          return new Promise(() => undefined);
        },
      },
    }),
  );
  limitStoreCallsToRequestDeadline(client);
  return { client, sent: () => sent };
}

const get = new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } });

describe('limitStoreCallsToRequestDeadline', () => {
  it("abandons a call still running at the request's deadline", async () => {
    // Prepare
    const { client, sent } = neverAnsweringClient();

    // Act
    // A second: room for the SDK to hand the call to its handler on a loaded machine (a fresh
    // process takes tens of milliseconds), so the deadline finds the call in flight.
    const call = runInRequestScope({ logFields: {}, storeDeadline: Date.now() + 1_000 }, () =>
      client.send(get),
    );

    // Assess
    await expect(call).rejects.toBeInstanceOf(StoreDeadlineError);
    expect(sent()).toBe(1);
  });

  it('fails a call made after the deadline at once, without sending it, as the store being unavailable', async () => {
    // Prepare
    const { client, sent } = neverAnsweringClient();

    // Act
    const call = runInRequestScope({ logFields: {}, storeDeadline: Date.now() - 1 }, () => client.send(get));

    // Assess
    await expect(call).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(sent()).toBe(0);
  });
});
