import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import {
  DIRECTORY_TABLE,
  type KeyAttribute,
  type TableDefinition,
  USERS_TABLE,
} from '../lambda/src/repositories/table-definitions';

/** The CreateTable request for one of Front Desk's table definitions, on-demand billing. */
export function createTableInput(definition: TableDefinition, tableName: string): CreateTableCommandInput {
  const attributes = new Map<string, KeyAttribute>();
  const remember = (key: KeyAttribute | undefined): void => {
    if (key) attributes.set(key.name, key);
  };
  remember(definition.partitionKey);
  remember(definition.sortKey);
  for (const index of definition.globalSecondaryIndexes) {
    remember(index.partitionKey);
    remember(index.sortKey);
  }
  const keySchema = (partition: KeyAttribute, sort?: KeyAttribute) => [
    { AttributeName: partition.name, KeyType: 'HASH' as const },
    ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : []),
  ];
  const attributeDefinitions: AttributeDefinition[] = [...attributes.values()].map((key) => ({
    AttributeName: key.name,
    AttributeType: key.type,
  }));
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributeDefinitions,
    KeySchema: keySchema(definition.partitionKey, definition.sortKey),
    ...(definition.globalSecondaryIndexes.length > 0
      ? {
          GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection:
              index.projection === 'ALL' || index.projection === 'KEYS_ONLY'
                ? { ProjectionType: index.projection }
                : { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...index.projection] },
          })),
        }
      : {}),
  };
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every(
      (index) => index.IndexStatus === 'ACTIVE',
    );
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Table ${tableName} did not become active`);
}

/** Creates a table unless it exists, then waits until it and its indexes are active. */
export async function ensureTable(
  client: DynamoDBClient,
  definition: TableDefinition,
  tableName: string,
): Promise<'created' | 'existed'> {
  let outcome: 'created' | 'existed' = 'created';
  try {
    await client.send(new CreateTableCommand(createTableInput(definition, tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    outcome = 'existed';
  }
  await waitUntilActive(client, tableName);
  return outcome;
}

/** Creates both of Front Desk's tables when they are missing. */
export async function ensureFrontDeskTables(
  client: DynamoDBClient,
  tableNames: { directory: string; users: string },
): Promise<void> {
  await ensureTable(client, DIRECTORY_TABLE, tableNames.directory);
  await ensureTable(client, USERS_TABLE, tableNames.users);
}
