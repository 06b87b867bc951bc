import type { Contact } from '../../lambda/src/domain/contact';
import { createLogger, type Logger } from '../../lambda/src/logger';
import type { FrontDeskSkill } from '../../lambda/src/pipeline/guarded-skill';
import { personOrUserIdKey } from '../../lambda/src/repositories/persistence-adapter';
import { buildSkill, type SkillDependencies } from '../../lambda/src/skill';
import { TEST_CONTACTS } from '../fixtures/contacts';
import {
  FakeAlexaApi,
  FakeContactReader,
  FakeDirectoryPartitions,
  FakePresenceStore,
  FakeVisitStore,
  MemoryPersistenceAdapter,
  RecordingEventPublisher,
} from './fakes';

export const TEST_CONFIG = {
  directoryTable: 'front-desk-directory',
  usersTable: 'front-desk-users',
  skillId: undefined,
  officeTimeZone: 'America/New_York',
  // The in-process notifier stands for the stack's email delivery.
  hostNotifications: ['email'],
} as const;

export interface TestSkill {
  readonly skill: FrontDeskSkill;
  readonly reader: FakeContactReader;
  readonly partitions: FakeDirectoryPartitions;
  readonly persistence: MemoryPersistenceAdapter;
  readonly presence: FakePresenceStore;
  readonly alexaApi: FakeAlexaApi;
  readonly logLines: string[];
  readonly visits: FakeVisitStore;
  /** Every event the skill published. */
  readonly events: RecordingEventPublisher;
}

/** What a test may change about the skill; everything else is the fixed test setup. */
export interface TestSkillOptions {
  /** The device's time zone from the Alexa Settings API; unset: the API refuses (403). */
  readonly deviceTimeZone?: string;
  /** Replaces the fake Alexa API altogether (failures, odd answers). */
  readonly alexaApi?: FakeAlexaApi;
  readonly clock?: () => Date;
  /** `PERSONAL_DEVICES`: the account stands for "me" when no voice is recognised. Default false. */
  readonly personalDevices?: boolean;
  /** The office's country (`OFFICE_COUNTRY`); unset: the country of the office's time zone. */
  readonly officeCountry?: string;
  /** Any other setting (`officePhone`, `skillId`...), over {@link TEST_CONFIG} and the options above. */
  readonly config?: Partial<SkillDependencies['config']>;
  /** Replaces the in-memory users table (one that refuses every write, say). */
  readonly persistence?: MemoryPersistenceAdapter;
}

/** The real skill, on an in-memory directory, with speech variants fixed to the first one. */
export function buildTestSkill(
  contacts: readonly Contact[] = TEST_CONTACTS,
  options: TestSkillOptions = {},
): TestSkill {
  const reader = new FakeContactReader(contacts);
  const partitions = new FakeDirectoryPartitions(contacts);
  const persistence = options.persistence ?? new MemoryPersistenceAdapter(personOrUserIdKey);
  const presence = new FakePresenceStore();
  const alexaApi =
    options.alexaApi ?? new FakeAlexaApi(options.deviceTimeZone ? { timeZone: options.deviceTimeZone } : {});
  const logLines: string[] = [];
  const visits = new FakeVisitStore();
  const events = new RecordingEventPublisher();
  const logger: Logger = createLogger({ level: 'DEBUG', write: (line) => logLines.push(line) });
  const skill = buildSkill({
    config: {
      ...TEST_CONFIG,
      personalDevices: options.personalDevices ?? false,
      ...(options.officeCountry ? { officeCountry: options.officeCountry } : {}),
      ...options.config,
    },
    stores: {
      contacts: reader,
      browse: partitions,
      sounds: partitions,
      persistence: persistence,
      presence: presence,
      board: presence,
      visits,
    },
    events,
    apiClient: alexaApi,
    ...(options.clock ? { clock: options.clock } : {}),
    logger,
    random: () => 0,
  });
  return { skill, reader, partitions, persistence, presence, alexaApi, logLines, visits, events };
}
