import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Config, loadConfig } from '../lambda/src/config';
import { buildEndOfDayJob } from '../lambda/src/end-of-day-job';
import { createLogger, type Logger } from '../lambda/src/logger';
import type { FrontDeskSkill } from '../lambda/src/pipeline/guarded-skill';
import { createDocumentClient, LOCAL_STORE_CREDENTIALS } from '../lambda/src/repositories/dynamodb-client';
import {
  DEFAULT_TABLE_NAMES,
  DIRECTORY_TABLE,
  USERS_TABLE,
} from '../lambda/src/repositories/table-definitions';
import type { EndOfDayReport } from '../lambda/src/services/end-of-day-service';
import { buildSkill } from '../lambda/src/skill';
import { dynamoDbStores } from '../lambda/src/stores';
import { importDirectoryFile } from '../scripts/directory-import/import-directory';
import type { ImportSummary } from '../scripts/directory-import/summary';
import { ensureTable } from './create-tables';
import { type EmbeddedStore, startEmbeddedStore } from './embedded-store';

export interface LocalSkillOptions {
  /** Folder for the store's files; in memory when omitted. */
  readonly dataDir?: string | undefined;
  /** 0 picks a free port. */
  readonly storePort?: number;
  /** A directory file loaded when the store is new. */
  readonly seedFile?: string | undefined;
  readonly environment?: Readonly<Record<string, string | undefined>>;
  readonly logger?: Logger;
  /**
   * Called with the skill's store client before it is used, to add middleware to it (the tests put
   * the deployed IAM policy in front of it). The seeding import is not the skill and is not given.
   */
  readonly decorateClient?: (client: DynamoDBDocumentClient) => void;
}

/** The skill as it runs locally: the same `buildSkill` as Lambda, on an embedded store. */
export interface LocalSkill {
  readonly skill: FrontDeskSkill;
  readonly config: Config;
  readonly store: EmbeddedStore;
  /** What the first start loaded; undefined when the store already existed. */
  readonly seeded: ImportSummary | undefined;
  /** End of day on this store, closing the office now (the console's button, `.endofday`). */
  endOfDay(): Promise<EndOfDayReport>;
  close(): Promise<void>;
}

/**
 * Starts the embedded store (creating the tables from the single table definitions), seeds it
 * on first start, and builds the skill on it. Used by `npm start`, `npm run dialog` and the
 * end-to-end tests.
 */
export async function startLocalSkill(options: LocalSkillOptions = {}): Promise<LocalSkill> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const store = await startEmbeddedStore({
    ...(options.dataDir ? { path: path.join(options.dataDir, 'dynamodb') } : {}),
    port: options.storePort ?? 0,
  });
  try {
    const config = loadConfig({
      ...options.environment,
      DIRECTORY_TABLE: DEFAULT_TABLE_NAMES.directory,
      USERS_TABLE: DEFAULT_TABLE_NAMES.users,
      DYNAMODB_ENDPOINT: store.endpoint,
    });
    const raw = new DynamoDBClient({
      endpoint: store.endpoint,
      region: 'local',
      credentials: LOCAL_STORE_CREDENTIALS,
    });
    let seeded: ImportSummary | undefined;
    try {
      const directory = await ensureTable(raw, DIRECTORY_TABLE, config.directoryTable);
      await ensureTable(raw, USERS_TABLE, config.usersTable);
      if (directory === 'created' && options.seedFile) {
        seeded = await importDirectoryFile({
          file: options.seedFile,
          client: raw,
          directoryTable: config.directoryTable,
          usersTable: config.usersTable,
        });
      }
    } finally {
      raw.destroy();
    }
    const documentClient = createDocumentClient({ endpoint: store.endpoint });
    options.decorateClient?.(documentClient);
    const stores = dynamoDbStores(documentClient, config);
    const logger = options.logger ?? createLogger({ level: config.logLevel });
    const skill = buildSkill({ config, stores, logger });
    return {
      skill,
      config,
      store,
      seeded,
      endOfDay: () => runEndOfDayNow(stores.presence, config, logger),
      close: async () => {
        documentClient.destroy();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * End of day as the local tools run it: the same job as the `endOfDay` Lambda handler, closing the
 * office now rather than at the last `OFFICE_CLOSING_TIME`, so a tester sees the board cleared at once.
 * (The visitor desk's in-process publisher and sign-out plug in here once they exist.)
 */
export function runEndOfDayNow(
  presence: Parameters<typeof buildEndOfDayJob>[0]['presence'],
  config: Pick<Config, 'officeTimeZone' | 'officeClosingTime'>,
  logger?: Logger,
): Promise<EndOfDayReport> {
  return buildEndOfDayJob({ config, presence, ...(logger ? { logger } : {}) }).service.run(new Date());
}
