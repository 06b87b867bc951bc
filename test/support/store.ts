import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '../../lambda/src/domain/contact';
import { itemsOfContact } from '../../lambda/src/repositories/directory-items';
import { createDocumentClient, LOCAL_STORE_CREDENTIALS } from '../../lambda/src/repositories/dynamodb-client';
import { dynamoDbStores, type Stores } from '../../lambda/src/stores';
import { ensureFrontDeskTables } from '../../local/create-tables';
import { type EmbeddedStore, startEmbeddedStore } from '../../local/embedded-store';
import { guardWithDeployedPolicy, type PolicyGuard } from './deployed-policy';
import { type DirectoryItem, directoryItemsOf } from './directory';

export interface TestStore {
  readonly store: EmbeddedStore;
  /** The skill's client: each command must pass the deployed function role's policy first. */
  readonly client: DynamoDBDocumentClient;
  /** Unrestricted, for seeding and looking inside the tables, as the importer or a person would. */
  readonly setup: DynamoDBDocumentClient;
  readonly tables: { directory: string; users: string };
  /** Another client under the skill's policy, for faults injected into one test's client only. */
  skillClient(): DynamoDBDocumentClient;
  /** The store calls the deployed policy refused, on every skill client of this store. */
  refusals(): PolicyGuard['refusals'];
  /** Closes the store, then fails if the deployed policy refused any call the code made. */
  close(): Promise<void>;
}

let tableCounter = 0;

/** An in-memory dynalite with Front Desk's tables, created from the single table definitions. */
export async function startTestStore(): Promise<TestStore> {
  const store = await startEmbeddedStore();
  const raw = new DynamoDBClient({
    endpoint: store.endpoint,
    region: 'local',
    credentials: LOCAL_STORE_CREDENTIALS,
  });
  tableCounter += 1;
  const tables = { directory: `directory-${tableCounter}`, users: `users-${tableCounter}` };
  await ensureFrontDeskTables(raw, tables);
  raw.destroy();
  const guards: PolicyGuard[] = [];
  const clients: DynamoDBDocumentClient[] = [];
  const skillClient = () => {
    const client = createDocumentClient({ endpoint: store.endpoint });
    guards.push(guardWithDeployedPolicy(client, { policy: 'skill', tables }));
    clients.push(client);
    return client;
  };
  const client = skillClient();
  // The SDK's patient defaults, not Front Desk's 700 ms per attempt: this client prepares and reads
  // the store around the code under test, and a loaded machine can take longer than that to write a
  // large directory. The marshalling is the production client's.
  const setup = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: store.endpoint, region: 'local', credentials: LOCAL_STORE_CREDENTIALS }),
    { marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false } },
  );
  return {
    store,
    client,
    setup,
    tables,
    skillClient,
    refusals: () => guards.flatMap((guard) => guard.refusals),
    close: async () => {
      for (const each of [...clients, setup]) each.destroy();
      await store.close();
      for (const guard of guards) guard.assertNoRefusals();
    },
  };
}

/** Writes contacts and their derived items directly (tests that are not about the importer). */
export async function putContacts(
  client: DynamoDBDocumentClient,
  table: string,
  contacts: readonly Contact[],
): Promise<void> {
  const items = contacts.flatMap(itemsOfContact);
  for (let start = 0; start < items.length; start += 25) {
    await client.send(
      new BatchWriteCommand({
        RequestItems: {
          [table]: items.slice(start, start + 25).map((item) => ({ PutRequest: { Item: item } })),
        },
      }),
    );
  }
}

/**
 * Writes a whole directory as the importer would leave it: every contact's items plus the browse
 * groups with their counts. Batches go out a few at a time. `keep` leaves items out, for tests
 * that need only some partitions at scale.
 */
export async function putDirectory(
  client: DynamoDBDocumentClient,
  table: string,
  contacts: readonly Contact[],
  options: { concurrency?: number; keep?: (item: DirectoryItem) => boolean } = {},
): Promise<{ items: number }> {
  const items = directoryItemsOf(contacts).filter(options.keep ?? (() => true));
  const batches: DirectoryItem[][] = [];
  for (let start = 0; start < items.length; start += 25) batches.push(items.slice(start, start + 25));
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let batch = batches[next++]; batch; batch = batches[next++]) {
      let requests = batch.map((item) => ({ PutRequest: { Item: item } }));
      // dynalite never throttles, but a BatchWrite may legally leave items unprocessed.
      while (requests.length > 0) {
        const { UnprocessedItems } = await client.send(
          new BatchWriteCommand({ RequestItems: { [table]: requests } }),
        );
        requests = (UnprocessedItems?.[table] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return { items: items.length };
}

/** Records the name of every command a client sends (`GetCommand`, `QueryCommand`, ...). */
export function recordCommands(client: DynamoDBDocumentClient): string[] {
  const commands: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: `recordCommands${Math.random()}` },
  );
  return commands;
}

/** The skill's DynamoDB stores on a test store's tables, through `client` (the store's own by default). */
export function storesOn(testStore: Pick<TestStore, 'tables' | 'client'>, client = testStore.client): Stores {
  return dynamoDbStores(client, skillConfigFor(testStore));
}

/** The skill's configuration for a test store's tables (no skill id, the default office zone). */
export function skillConfigFor(testStore: Pick<TestStore, 'tables'>) {
  return {
    directoryTable: testStore.tables.directory,
    usersTable: testStore.tables.users,
    skillId: undefined,
    officeTimeZone: 'America/New_York',
  } as const;
}
