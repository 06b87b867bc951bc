import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { storeCall } from './store-errors';
import { USERS_ATTRIBUTES_NAME, USERS_TABLE } from './table-definitions';

export type PartitionKeyGenerator = (requestEnvelope: RequestEnvelope) => string;

/** The same default as `ask-sdk-dynamodb-persistence-adapter`: one record per Alexa account. */
export const userIdKey: PartitionKeyGenerator = (requestEnvelope) => {
  const userId = requestEnvelope.context?.System?.user?.userId;
  if (!userId) throw new TypeError('The request has no user id');
  return userId;
};

/**
 * The recognised speaker's voice profile when Alexa recognised one, else the account: the same
 * keys as the official adapter's `PartitionKeyGenerators.personId`, so either adapter reads what
 * the other wrote. Requests without a recognised speaker keep using the account's record, which
 * is the official adapter's default record, untouched; a recognised speaker gets a record of
 * their own (person and account ids cannot collide: `amzn1.ask.person.` and `amzn1.ask.account.`).
 */
export const personOrUserIdKey: PartitionKeyGenerator = (requestEnvelope) =>
  requestEnvelope.context?.System?.person?.personId || userIdKey(requestEnvelope);

export interface DynamoDbPersistenceAdapterOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly partitionKeyGenerator?: PartitionKeyGenerator;
}

/**
 * ASK's {@link PersistenceAdapter} on AWS SDK v3. It reads and writes the official
 * `ask-sdk-dynamodb-persistence-adapter`'s format (`{ id, attributes }`), so either adapter reads
 * what the other wrote, without the official one's AWS SDK v2 dependency.
 */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly partitionKeyGenerator: PartitionKeyGenerator;
  private readonly partitionKeyName = USERS_TABLE.partitionKey.name;

  public constructor(options: DynamoDbPersistenceAdapterOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.partitionKeyGenerator = options.partitionKeyGenerator ?? userIdKey;
  }

  public async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const key = this.partitionKeyGenerator(requestEnvelope);
    const { Item } = await storeCall('getAttributes', () =>
      this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { [this.partitionKeyName]: key },
          ConsistentRead: true,
        }),
      ),
    );
    const attributes = Item?.[USERS_ATTRIBUTES_NAME];
    return attributes && typeof attributes === 'object' ? (attributes as Record<string, unknown>) : {};
  }

  public async saveAttributes(
    requestEnvelope: RequestEnvelope,
    attributes: Record<string, unknown>,
  ): Promise<void> {
    const key = this.partitionKeyGenerator(requestEnvelope);
    await storeCall('saveAttributes', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { [this.partitionKeyName]: key, [USERS_ATTRIBUTES_NAME]: attributes },
        }),
      ),
    );
  }

  public async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    const key = this.partitionKeyGenerator(requestEnvelope);
    await storeCall('deleteAttributes', () =>
      this.client.send(
        new DeleteCommand({ TableName: this.tableName, Key: { [this.partitionKeyName]: key } }),
      ),
    );
  }
}
