import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { loadConfig } from '../../lambda/src/config';
import { createLogger, silentLogger } from '../../lambda/src/logger';
import { createDocumentClient, LOCAL_STORE_CREDENTIALS } from '../../lambda/src/repositories/dynamodb-client';
import { DEFAULT_TABLE_NAMES } from '../../lambda/src/repositories/table-definitions';
import { buildSkill } from '../../lambda/src/skill';
import { dynamoDbStores } from '../../lambda/src/stores';
import { type LocalSettings, loadLocalSettings } from '../local-config';
import { type LocalSkill, type LocalSkillOptions, runEndOfDayNow, startLocalSkill } from '../local-skill';
import type { DialogBackend, DialogBackends } from './dialog-cli';
import { offlineAlexaApi } from './offline-alexa-api';

/** How long to wait for a running `npm start` store to answer before opening `.data/` ourselves. */
const PROBE_TIMEOUT_MS = 500;

/** The endpoint of the store a running `npm start` serves, when one answers with Front Desk's tables. */
async function runningStore(settings: LocalSettings): Promise<string | undefined> {
  if (settings.storePort === 0) return undefined;
  const endpoint = `http://127.0.0.1:${settings.storePort}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: LOCAL_STORE_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: PROBE_TIMEOUT_MS,
      requestTimeout: PROBE_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
  });
  try {
    const { TableNames = [] } = await client.send(new ListTablesCommand({}));
    return TableNames.includes(DEFAULT_TABLE_NAMES.directory) ? endpoint : undefined;
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}

/**
 * The REPL's skill, on the store `npm start` uses: the running server's store when there is one
 * (the console and the REPL then share check-ins and identities), else the embedded store under
 * `.data/`, seeded from the sample directory when it is new. Request logs stay quiet (WARN)
 * unless `LOG_LEVEL` says otherwise, so they do not drown the conversation.
 */
export async function interactiveBackend(
  settings: LocalSettings = loadLocalSettings(),
): Promise<DialogBackend> {
  const environment = {
    ...settings.skillEnvironment,
    LOG_LEVEL: settings.skillEnvironment.LOG_LEVEL ?? 'WARN',
  };
  const endpoint = await runningStore(settings);
  if (endpoint) {
    const config = loadConfig({
      ...environment,
      DIRECTORY_TABLE: DEFAULT_TABLE_NAMES.directory,
      USERS_TABLE: DEFAULT_TABLE_NAMES.users,
      DYNAMODB_ENDPOINT: endpoint,
    });
    const documentClient = createDocumentClient({ endpoint });
    const stores = dynamoDbStores(documentClient, config);
    const logger = createLogger({ level: config.logLevel });
    const skill = buildSkill({ config, stores, logger });
    return {
      invoke: (envelope) => skill.invoke(envelope),
      endOfDay: () => runEndOfDayNow(stores.presence, config, logger),
      skillId: config.skillId,
      description: `Store: the running npm start's (${endpoint}), shared with the test console.`,
      close: async () => documentClient.destroy(),
    };
  }
  const local = await startLocalSkill({
    dataDir: settings.dataDir,
    storePort: 0,
    seedFile: settings.seedFile,
    environment,
  });
  const seeded = local.seeded
    ? `, seeded now with ${local.seeded.added} contacts from the sample directory`
    : '';
  return {
    invoke: (envelope) => local.skill.invoke(envelope),
    endOfDay: () => local.endOfDay(),
    skillId: local.config.skillId,
    description: `Store: .data/ (the one npm start uses${seeded}).`,
    close: () => local.close(),
  };
}

/** A skill and what it was built with, as the test console needs it. */
export interface ReplaySkill extends Pick<LocalSkill, 'skill' | 'config' | 'endOfDay'> {
  close(): Promise<void>;
}

/**
 * The replays' skill: a fresh in-memory store seeded from the sample directory, the first of each
 * sentence's variants, and no calls to Alexa's APIs, so a replay says the same thing every time.
 * The browser tests run the console on it too.
 */
export async function startReplaySkill(
  settings: LocalSettings = loadLocalSettings(),
  options: Pick<LocalSkillOptions, 'decorateClient'> = {},
): Promise<ReplaySkill> {
  const local = await startLocalSkill({
    seedFile: settings.seedFile,
    environment: { ...settings.skillEnvironment, LOG_LEVEL: 'SILENT' },
    logger: silentLogger,
  });
  const documentClient = createDocumentClient({ endpoint: local.store.endpoint });
  options.decorateClient?.(documentClient);
  const stores = dynamoDbStores(documentClient, local.config);
  const skill = buildSkill({
    config: local.config,
    stores,
    apiClient: offlineAlexaApi,
    logger: silentLogger,
    random: () => 0,
  });
  return {
    skill,
    config: local.config,
    endOfDay: () => runEndOfDayNow(stores.presence, local.config, silentLogger),
    close: async () => {
      documentClient.destroy();
      await local.close();
    },
  };
}

export async function replayBackend(
  settings: LocalSettings = loadLocalSettings(),
  options: Pick<LocalSkillOptions, 'decorateClient'> = {},
): Promise<DialogBackend> {
  const replay = await startReplaySkill(settings, options);
  return {
    invoke: (envelope) => replay.skill.invoke(envelope),
    endOfDay: () => replay.endOfDay(),
    skillId: replay.config.skillId,
    description: 'Store: in memory, seeded from data/sample-directory.csv.',
    close: () => replay.close(),
  };
}

export function dialogBackends(settings: LocalSettings = loadLocalSettings()): DialogBackends {
  return { interactive: () => interactiveBackend(settings), replay: () => replayBackend(settings) };
}
