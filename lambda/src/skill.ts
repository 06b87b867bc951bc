import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DefaultApiClient, type PersistenceAdapter, type Skill, SkillBuilders } from 'ask-sdk-core';
import type { services } from 'ask-sdk-model';
import type { Config } from './config';
import { browseHandler, listContinuationHandler } from './handlers/browse';
import {
  fallbackHandler,
  goodbyeHandler,
  helpHandler,
  repeatHandler,
  sessionEndedHandler,
  startOverHandler,
  yesNoHandler,
} from './handlers/built-in';
import { chooseContactHandler } from './handlers/choose-contact';
import { confirmNameHandler } from './handlers/confirm-name';
import { contactActionPerformer } from './handlers/contact-actions';
import { contactDetailsHandler } from './handlers/contact-details';
import { apologizingErrorHandler } from './handlers/error-handler';
import { GuardedSkill } from './handlers/guarded-skill';
import { confirmIdentityHandler, forgetMeHandler, identifyHandler } from './handlers/identity';
import {
  rememberLastContactInterceptor,
  rememberSpeechInterceptor,
  requestLoggingInterceptor,
} from './handlers/interceptors';
import { launchHandler } from './handlers/launch';
import {
  type PresenceFlowDependencies,
  presenceHandler,
  presencePageHandler,
  selfPresenceHandler,
  whoIsInHandler,
} from './handlers/presence';
import { screenEventHandler } from './handlers/screen-events';
import {
  canFulfillIntentHandler,
  exceptionEncounteredHandler,
  unhandledRequestHandler,
} from './handlers/system-requests';
import { type Logger, silentLogger } from './logger';
import { BrowseRepository } from './repositories/browse-repository';
import { DirectoryRepository } from './repositories/directory-repository';
import { STORE_TIMEOUTS } from './repositories/dynamodb-client';
import { NameSoundRepository } from './repositories/name-sound-repository';
import { DynamoDbPersistenceAdapter, personOrUserIdKey } from './repositories/persistence-adapter';
import { PresenceRepository, type PresenceStore } from './repositories/presence-repository';
import { type BrowseReader, BrowseService } from './services/browse-service';
import { type ContactReader, DirectoryService } from './services/directory-service';
import { IdentityService } from './services/identity-service';
import { NameSuggestionService, type SoundReader } from './services/name-suggestion-service';
import { PresenceService } from './services/presence-service';
import type { Random } from './speech/i18n';

/** What the skill is built from. Lambda, the local server and the tests all pass these. */
export interface SkillDependencies {
  readonly config: Pick<Config, 'directoryTable' | 'usersTable' | 'skillId' | 'officeTimeZone'>;
  /** The store; the repositories are built on it unless given below. */
  readonly documentClient?: DynamoDBDocumentClient;
  /** Replaces the DynamoDB directory repository (service tests, benchmarks). */
  readonly contactReader?: ContactReader;
  /** Replaces the DynamoDB browse repository (handler tests on a fake directory). */
  readonly browseReader?: BrowseReader;
  /** Replaces the DynamoDB name-sound repository; without it or a store, no "did you mean". */
  readonly soundReader?: SoundReader;
  /** Replaces the DynamoDB persistence adapter. */
  readonly persistenceAdapter?: PersistenceAdapter;
  /** Replaces the DynamoDB in/out board (handler tests on fakes). */
  readonly presenceStore?: PresenceStore;
  /** Calls the Alexa APIs (the device's time zone); `DefaultApiClient` unless given (tests). */
  readonly apiClient?: services.ApiClient;
  /** What time it is; the system clock unless given. */
  readonly clock?: () => Date;
  readonly logger?: Logger;
  /** Picks among speech variants; tests pass a fixed one so speech is predictable. */
  readonly random?: Random;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new TypeError(`buildSkill needs ${what}`);
  return value;
}

/**
 * The composition root: builds the ASK skill from configuration and injected clients. Handlers
 * are registered in order of precedence; the fallback handler answers any intent left over, and
 * the unhandled-request handler any other request. The skill is guarded (`GuardedSkill`): any
 * envelope gets a response within Alexa's rules.
 */
export function buildSkill(deps: SkillDependencies): Skill {
  const logger = deps.logger ?? silentLogger;
  // Each store-backed part is injected, or built on the document client.
  const onStore = <T>(given: T | undefined, what: string, build: (client: DynamoDBDocumentClient) => T): T =>
    given ?? build(required(deps.documentClient, `a documentClient or a ${what}`));
  const table = deps.config.directoryTable;
  const contactReader = onStore(
    deps.contactReader,
    'contactReader',
    (client) => new DirectoryRepository(client, table),
  );
  const persistenceAdapter = onStore(
    deps.persistenceAdapter,
    'persistenceAdapter',
    (client) =>
      new DynamoDbPersistenceAdapter({
        client,
        tableName: deps.config.usersTable,
        // "Remember me" is per voice profile when Alexa recognises the speaker.
        partitionKeyGenerator: personOrUserIdKey,
      }),
  );
  const presenceStore = onStore(
    deps.presenceStore,
    'presenceStore',
    (client) => new PresenceRepository(client, table),
  );
  const browseReader = onStore(
    deps.browseReader,
    'browseReader',
    (client) => new BrowseRepository(client, table),
  );
  // Without a store or a sound reader, "did you mean" is simply not offered.
  const soundReader =
    deps.soundReader ??
    (deps.documentClient ? new NameSoundRepository(deps.documentClient, table) : undefined);
  const clock = deps.clock ?? (() => new Date());
  const directory = new DirectoryService(contactReader);
  const board: PresenceFlowDependencies = {
    directory,
    suggestions: soundReader ? new NameSuggestionService(soundReader) : undefined,
    random: deps.random,
    presence: new PresenceService(presenceStore, { clock, logger }),
    identity: new IdentityService(directory),
    officeTimeZone: deps.config.officeTimeZone,
    logger,
    clock,
    perform: contactActionPerformer(() => board),
  };
  // A lookup can continue into a check-in or "that is me", so lookups share the board's dependencies.
  const conversation = board;
  const browsing = { browse: new BrowseService(browseReader), random: deps.random };
  const builtIns = { logger, random: deps.random };

  const builder = SkillBuilders.custom()
    .addRequestHandlers(
      canFulfillIntentHandler(),
      launchHandler({ logger, random: deps.random }),
      contactDetailsHandler(conversation),
      chooseContactHandler(conversation),
      presenceHandler(board),
      selfPresenceHandler(board),
      whoIsInHandler(board),
      presencePageHandler(board),
      identifyHandler(board),
      confirmIdentityHandler(board),
      forgetMeHandler(board),
      browseHandler(browsing),
      listContinuationHandler(browsing),
      confirmNameHandler(conversation),
      screenEventHandler(conversation),
      helpHandler(builtIns),
      goodbyeHandler(builtIns),
      yesNoHandler(builtIns),
      repeatHandler(builtIns),
      startOverHandler(builtIns),
      sessionEndedHandler(builtIns),
      fallbackHandler(builtIns),
      exceptionEncounteredHandler(builtIns),
      unhandledRequestHandler(builtIns),
    )
    .addRequestInterceptors(requestLoggingInterceptor(logger))
    .addResponseInterceptors(rememberSpeechInterceptor(), rememberLastContactInterceptor(logger))
    .addErrorHandlers(apologizingErrorHandler({ logger, random: deps.random }))
    .withPersistenceAdapter(persistenceAdapter)
    .withApiClient(deps.apiClient ?? new DefaultApiClient())
    .withCustomUserAgent('front-desk');
  // The guard checks the skill id itself: ASK's check reads the envelope before anything validates it.
  return new GuardedSkill(builder.getSkillConfiguration(), {
    skillId: deps.config.skillId,
    logger,
    random: deps.random,
    storeBudgetMs: STORE_TIMEOUTS.requestBudgetMs,
  });
}
