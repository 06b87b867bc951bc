import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_STORE_CREDENTIALS } from '../../lambda/src/repositories/dynamodb-client';
import { ensureFrontDeskTables } from '../../local/create-tables';
import { type EmbeddedStore, startEmbeddedStore } from '../../local/embedded-store';
import { guardWithDeployedPolicy, type PolicyGuard } from './deployed-policy';

export type Item = Record<string, unknown>;

/** An in-memory embedded store with Front Desk's tables, and ways to look inside it. */
export interface TestDirectoryStore {
  readonly endpoint: string;
  /**
   * The admin tools' client. Once the tables exist, each command must pass the stack's admin
   * policy (what `npm run import`, `export` and `model:sync` may do in AWS) first.
   */
  readonly client: DynamoDBClient;
  /** Present when the tables existed from the start; `--create-tables` is local only, unguarded. */
  readonly policy: PolicyGuard | undefined;
  readonly tables: { readonly directory: string; readonly users: string };
  /** Every item of the directory table, sorted by key. */
  items(): Promise<Item[]>;
  /** The items of one partition, sorted by sort key. */
  partition(pk: string): Promise<Item[]>;
  item(pk: string, sk: string): Promise<Item | undefined>;
  put(item: Item): Promise<void>;
  close(): Promise<void>;
}

export async function startDirectoryStore(
  options: { createTables?: boolean } = {},
): Promise<TestDirectoryStore> {
  const store: EmbeddedStore = await startEmbeddedStore();
  const client = new DynamoDBClient({
    endpoint: store.endpoint,
    region: 'us-east-1',
    credentials: LOCAL_STORE_CREDENTIALS,
  });
  const tables = { directory: 'front-desk-directory', users: 'front-desk-users' };
  const createTables = options.createTables ?? true;
  if (createTables) await ensureFrontDeskTables(client, tables);
  const policy = createTables ? guardWithDeployedPolicy(client, { policy: 'admin', tables }) : undefined;
  // Looking inside is the test's business, not the tools': a client of its own, unguarded.
  const inspector = new DynamoDBClient({
    endpoint: store.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const documents = DynamoDBDocumentClient.from(inspector);
  const items = async (): Promise<Item[]> => {
    const all: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await documents.send(
        new ScanCommand({ TableName: tables.directory, ExclusiveStartKey: startKey }),
      );
      all.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return all.sort(byKey);
  };
  return {
    endpoint: store.endpoint,
    client,
    policy,
    tables,
    items,
    partition: async (pk) => (await items()).filter((item) => item.pk === pk),
    item: async (pk, sk) => (await items()).find((item) => item.pk === pk && item.sk === sk),
    put: async (item) => {
      await documents.send(new PutCommand({ TableName: tables.directory, Item: item }));
    },
    close: async () => {
      client.destroy();
      inspector.destroy();
      await store.close();
      policy?.assertNoRefusals();
    },
  };
}

function byKey(a: Item, b: Item): number {
  const left = `${String(a.pk)}\u0000${String(a.sk)}`;
  const right = `${String(b.pk)}\u0000${String(b.sk)}`;
  return left < right ? -1 : left > right ? 1 : 0;
}

type WriteRequest = Record<string, unknown>;

/** What to do to one BatchWriteItem call: fail it, or leave some of its items unprocessed. */
export type FaultDecision = { fail: Error } | { unprocessed: number } | undefined;

export interface InjectedFaults {
  /** BatchWriteItem calls seen, from 1. */
  readonly calls: number;
  /** The requests of each call that reached the store, in order. */
  readonly sent: ReadonlyArray<readonly WriteRequest[]>;
  remove(): void;
}

/**
 * Adds middleware to a real client that decides, call by call, to throw or to hold back the last
 * items of a BatchWriteItem call and return them as `UnprocessedItems` (dynalite never does).
 */
export function injectBatchWriteFaults(
  client: DynamoDBClient,
  decide: (call: number, requests: readonly WriteRequest[]) => FaultDecision = () => undefined,
): InjectedFaults {
  const name = `injected-faults-${Math.random()}`;
  const state = { calls: 0, sent: [] as WriteRequest[][] };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand') return next(args);
      state.calls += 1;
      const input = args.input as { RequestItems: Record<string, WriteRequest[]> };
      const [table, requests] = Object.entries(input.RequestItems)[0] ?? ['', []];
      const decision = decide(state.calls, requests);
      if (decision && 'fail' in decision) throw decision.fail;
      const heldBack = decision ? requests.slice(requests.length - decision.unprocessed) : [];
      const sent = requests.slice(0, requests.length - heldBack.length);
      state.sent.push(sent);
      const result = await next({ ...args, input: { ...input, RequestItems: { [table]: sent } } });
      if (heldBack.length > 0) {
        (result.output as { UnprocessedItems?: Record<string, WriteRequest[]> }).UnprocessedItems = {
          [table]: heldBack,
        };
      }
      return result;
    },
    { step: 'initialize', name },
  );
  return {
    get calls() {
      return state.calls;
    },
    get sent() {
      return state.sent;
    },
    remove: () => client.middlewareStack.remove(name),
  };
}

/** An error as the SDK raises it for a 500 from DynamoDB: retryable. */
export function serverError(message = 'injected: internal server error'): Error {
  return Object.assign(new Error(message), { name: 'InternalServerError', $fault: 'server', $metadata: {} });
}

/** A temporary folder for files a test writes; removed by `cleanup`. */
export async function temporaryFolder(): Promise<{
  path: string;
  file(name: string, content: string | Buffer): Promise<string>;
  cleanup(): Promise<void>;
}> {
  const path = await mkdtemp(join(tmpdir(), 'front-desk-import-'));
  return {
    path,
    file: async (name, content) => {
      const file = join(path, name);
      await writeFile(file, content);
      return file;
    },
    cleanup: () => rm(path, { recursive: true, force: true }),
  };
}
