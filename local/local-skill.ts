import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NOTIFIER_DEFAULTS } from '../lambda/notifier/notifier-config';
import { type Config, loadConfig } from '../lambda/src/config';
import { buildEndOfDayJob } from '../lambda/src/end-of-day-job';
import { createLogger, type Logger } from '../lambda/src/logger';
import type { FrontDeskSkill } from '../lambda/src/pipeline/guarded-skill';
import { createDocumentClient, LOCAL_STORE_CREDENTIALS } from '../lambda/src/repositories/dynamodb-client';
import {
  createEventBridgeClient,
  EventBridgePublisher,
} from '../lambda/src/repositories/eventbridge-publisher';
import {
  DEFAULT_TABLE_NAMES,
  DIRECTORY_TABLE,
  USERS_TABLE,
} from '../lambda/src/repositories/table-definitions';
import { ChangeAnnouncer } from '../lambda/src/services/change-announcer';
import type { EndOfDayReport } from '../lambda/src/services/end-of-day-service';
import type { EventPublisher, VisitorSignOut } from '../lambda/src/services/ports';
import { VisitService } from '../lambda/src/services/visit-service';
import { buildSkill } from '../lambda/src/skill';
import { dynamoDbStores, type Stores } from '../lambda/src/stores';
import { importDirectoryFile } from '../scripts/directory-import/import-directory';
import type { ImportSummary } from '../scripts/directory-import/summary';
import { ensureTable } from './create-tables';
import { type EmbeddedStore, startEmbeddedStore } from './embedded-store';
import { LOCAL_EVENT_BUS_NAME } from './local-config';
import { LocalEventBus } from './notifications/local-event-bus';

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
  /** Where the in-process notifier writes hosts' messages; none when unset. */
  readonly outboxDir?: string | undefined;
  /** How the in-process notifier signs its messages. */
  readonly notifier?: { readonly officeName: string; readonly meetingPlace: string };
}

/** The skill as it runs locally: the same `buildSkill` as Lambda, on an embedded store. */
export interface LocalSkill {
  readonly skill: FrontDeskSkill;
  readonly config: Config;
  readonly store: EmbeddedStore;
  /** What the first start loaded; undefined when the store already existed. */
  readonly seeded: ImportSummary | undefined;
  /** Where the skill publishes: the in-process bus, unless `EVENTBRIDGE_ENDPOINT` names another. */
  readonly events: EventPublisher;
  /** The in-process bus and notifier (the console's Notifications panel); undefined with an endpoint. */
  readonly bus: LocalEventBus | undefined;
  /** End of day on this store, closing the office now (the console's button, `.endofday`). */
  endOfDay(): Promise<EndOfDayReport>;
  close(): Promise<void>;
}

/**
 * The publisher of a local run: EventBridge at `EVENTBRIDGE_ENDPOINT` when one is set (any
 * EventBridge-compatible endpoint), else the in-process bus with the notifier's own rendering.
 */
export function localEventPublisher(
  config: Pick<Config, 'eventBusName' | 'eventBridgeEndpoint' | 'officeTimeZone'>,
  options: Pick<LocalSkillOptions, 'outboxDir' | 'notifier'> = {},
): { readonly events: EventPublisher; readonly bus: LocalEventBus | undefined; close(): void } {
  if (config.eventBridgeEndpoint) {
    const client = createEventBridgeClient({ endpoint: config.eventBridgeEndpoint });
    return {
      events: new EventBridgePublisher(client, config.eventBusName),
      bus: undefined,
      close: () => client.destroy(),
    };
  }
  const bus = new LocalEventBus({
    eventBusName: config.eventBusName,
    outboxDir: options.outboxDir,
    settings: {
      officeName: options.notifier?.officeName ?? NOTIFIER_DEFAULTS.officeName,
      meetingPlace: options.notifier?.meetingPlace ?? NOTIFIER_DEFAULTS.meetingPlace,
      timeZone: config.officeTimeZone,
    },
  });
  return { events: bus, bus, close: () => undefined };
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
      EVENT_BUS_NAME: options.environment?.EVENT_BUS_NAME ?? LOCAL_EVENT_BUS_NAME,
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
    const publisher = localEventPublisher(config, options);
    const stores = dynamoDbStores(documentClient, config);
    const logger = options.logger ?? createLogger({ level: config.logLevel });
    const skill = buildSkill({ config, stores, logger, events: publisher.events });
    return {
      skill,
      config,
      store,
      seeded,
      events: publisher.events,
      bus: publisher.bus,
      endOfDay: () =>
        runEndOfDayNow(stores.presence, config, logger, {
          events: publisher.events,
          visitors: visitorSignOutOf(stores, config, publisher.events, logger),
        }),
      close: async () => {
        publisher.close();
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
 * Check-outs are published and visitors signed out as the Lambda does, when `closing` gives the
 * publisher and the visitor desk.
 */
export function runEndOfDayNow(
  presence: Parameters<typeof buildEndOfDayJob>[0]['presence'],
  config: Pick<Config, 'officeTimeZone' | 'officeClosingTime'>,
  logger?: Logger,
  /** The run's publisher and the visitor desk's sign-out, as the `endOfDay` Lambda has them. */
  closing: { readonly events?: EventPublisher; readonly visitors?: VisitorSignOut } = {},
): Promise<EndOfDayReport> {
  return buildEndOfDayJob({ config, presence, ...(logger ? { logger } : {}), ...closing }).service.run(
    new Date(),
  );
}

/** The visitor desk's sign-out on these stores, publishing on `events` (end of day run locally). */
export function visitorSignOutOf(
  stores: Pick<Stores, 'visits'>,
  config: Pick<Config, 'officeTimeZone' | 'visitorRetentionDays'>,
  events: EventPublisher,
  logger?: Logger,
): VisitorSignOut {
  return new VisitService(stores.visits, new ChangeAnnouncer(events, logger), {
    officeTimeZone: config.officeTimeZone,
    retentionDays: config.visitorRetentionDays,
    ...(logger ? { logger } : {}),
  });
}
