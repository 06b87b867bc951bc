import { fork } from 'node:child_process';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, LOCAL_STORE_CREDENTIALS } from '../../lambda/src/repositories/dynamodb-client';
import { ensureFrontDeskTables } from '../../local/create-tables';
import { createStoreClient, documentClientOf } from '../../scripts/directory-import/store-client';

export const BENCH_TABLES = { directory: 'bench-directory', users: 'bench-users' } as const;

export interface StoreProcess {
  readonly endpoint: string;
  /** A DocumentClient on the store with Front Desk's settings (the skill's 1 s request timeout). */
  readonly client: DynamoDBDocumentClient;
  /**
   * The importer's client, without Front Desk's timeouts, for seeding: a store holding a million
   * items may take more than a second over a batch while it collects its heap.
   */
  readonly bulkClient: DynamoDBDocumentClient;
  close(): Promise<void>;
}

const SERVER = path.join(__dirname, 'store-server.ts');

/** Starts dynalite in a child process (in memory) with Front Desk's tables created. */
export async function startStoreProcess(options: { maxHeapMb?: number } = {}): Promise<StoreProcess> {
  const child = fork(SERVER, [], {
    execArgv: ['--import', 'tsx', `--max-old-space-size=${options.maxHeapMb ?? 4096}`],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { endpoint?: string }) =>
      message.endpoint ? resolve(message.endpoint) : reject(new Error('The store process sent no endpoint')),
    );
    child.once('exit', (code) => reject(new Error(`The store process exited with ${code}`)));
  });
  const raw = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: LOCAL_STORE_CREDENTIALS,
  });
  await ensureFrontDeskTables(raw, BENCH_TABLES);
  raw.destroy();
  const client = createDocumentClient({ endpoint });
  const bulkClient = documentClientOf(createStoreClient({ endpoint }));
  return {
    endpoint,
    client,
    bulkClient,
    close: async () => {
      client.destroy();
      bulkClient.destroy();
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
