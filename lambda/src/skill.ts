import { DefaultApiClient, SkillBuilders } from 'ask-sdk-core';
import type { services } from 'ask-sdk-model';
import { type Config, DEFAULT_VISITOR_RETENTION_DAYS } from './config';
import type { ConversationDependencies } from './conversation/dependencies';
import { speakerAttributeWriterOf } from './conversation/last-contact';
import { countryOfTimeZone } from './domain/phone';
import {
  boardPageHandler,
  whenPresenceHandler,
  whoIsInFromHandler,
  whoLeftTodayHandler,
} from './handlers/board';
import {
  browseHandler,
  listContinuationHandler,
  listNavigationHandler,
  placeAnswerHandler,
} from './handlers/browse';
import { browseRoleHandler } from './handlers/browse-role';
import {
  fallbackHandler,
  goodbyeHandler,
  helpHandler,
  repeatHandler,
  sessionEndedHandler,
  startOverHandler,
  yesNoHandler,
} from './handlers/built-in';
import { chooseContactHandler, noneOfThemHandler } from './handlers/choose-contact';
import { confirmNameHandler } from './handlers/confirm-name';
import { contactDetailsHandler } from './handlers/contact-details';
import { confirmIdentityHandler, forgetMeHandler, identifyHandler } from './handlers/identity';
import { launchHandler } from './handlers/launch';
import { presenceHandler, selfPresenceHandler, whoIsInHandler } from './handlers/presence';
import { screenEventHandler } from './handlers/screen-events';
import {
  canFulfillIntentHandler,
  exceptionEncounteredHandler,
  unhandledRequestHandler,
} from './handlers/system-requests';
import {
  visitorArrivalHandler,
  visitorArrivedHandler,
  visitorCheckOutHandler,
  visitorLeavingHandler,
  visitorNameAnswerHandler,
  visitorsTodayHandler,
} from './handlers/visitors';
import { type Logger, silentLogger } from './logger';
import { type Metrics, silentMetrics } from './metrics';
import { apologizingErrorHandler } from './pipeline/error-handler';
import { type FrontDeskSkill, guardSkill } from './pipeline/guarded-skill';
import {
  pendingQuestionGuardInterceptor,
  prefetchPersistentAttributesInterceptor,
  rememberLastContactInterceptor,
  rememberSpeechInterceptor,
  requestContextInterceptor,
  requestLoggingInterceptor,
} from './pipeline/interceptors';
import { STORE_TIMEOUTS } from './repositories/dynamodb-client';
import { keepUntilAnswered } from './request-scope';
import { BoardService } from './services/board-service';
import { BrowseService } from './services/browse-service';
import { ChangeAnnouncer } from './services/change-announcer';
import { DirectoryService } from './services/directory-service';
import { IdentityService } from './services/identity-service';
import { NameSuggestionService } from './services/name-suggestion-service';
import { OfficeDiallingContacts } from './services/office-dialling';
import type { EventPublisher } from './services/ports';
import { PresenceService } from './services/presence-service';
import { VisitService } from './services/visit-service';
import type { Random } from './speech/i18n';
import type { Stores } from './stores';

/** What the skill is built from. Lambda, the local server and the tests all pass these. */
export interface SkillDependencies {
  readonly config: Pick<Config, 'skillId' | 'officeTimeZone'> &
    Partial<
      Pick<
        Config,
        'personalDevices' | 'officeCountry' | 'visitorRetentionDays' | 'officePhone' | 'hostNotifications'
      >
    >;
  /** Where the skill reads and keeps its data: `dynamoDbStores(...)`, or fakes in tests. */
  readonly stores: Stores;
  /** Where accepted changes are published: EventBridge in AWS, the in-process bus locally, a recorder in tests. */
  readonly events: EventPublisher;
  /** Calls the Alexa APIs (the device's time zone); `DefaultApiClient` unless given (tests). */
  readonly apiClient?: services.ApiClient;
  /** What time it is; the system clock unless given. */
  readonly clock?: () => Date;
  readonly logger?: Logger;
  /** Counts requests and apologies (EMF lines in Lambda); nothing unless given. */
  readonly metrics?: Metrics;
  /** Picks among speech variants; tests pass a fixed one so speech is predictable. */
  readonly random?: Random;
}

/**
 * The composition root: services on the stores, the conversation on the services, the handlers
 * on the conversation, all behind the request pipeline. Handlers are registered in order of
 * precedence; the fallback handler answers any intent left over, and the unhandled-request
 * handler any other request. The guard makes sure any envelope gets a response within Alexa's
 * rules.
 */
export function buildSkill(deps: SkillDependencies): FrontDeskSkill {
  const { stores, config } = deps;
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? silentMetrics;
  const changes = new ChangeAnnouncer(deps.events, logger, (eventType) =>
    metrics.eventNotPublished(eventType),
  );
  const clock = deps.clock ?? (() => new Date());
  const officeCountry = config.officeCountry ?? countryOfTimeZone(config.officeTimeZone);
  const directory = new DirectoryService(new OfficeDiallingContacts(stores.contacts, officeCountry));
  const conversation: ConversationDependencies = {
    directory,
    suggestions: stores.sounds ? new NameSuggestionService(stores.sounds) : undefined,
    browse: new BrowseService(stores.browse),
    presence: new PresenceService(stores.presence, { clock, logger, keepArchiving: keepUntilAnswered }),
    board: new BoardService(stores.board, clock),
    identity: new IdentityService(directory),
    officeTimeZone: config.officeTimeZone,
    clock,
    logger,
    metrics,
    personalDevices: config.personalDevices ?? false,
    changes,
    visits: new VisitService(stores.visits, changes, {
      clock,
      logger,
      officeTimeZone: config.officeTimeZone,
      retentionDays: config.visitorRetentionDays ?? DEFAULT_VISITOR_RETENTION_DAYS,
    }),
    officePhone: config.officePhone,
    hostNotifications: config.hostNotifications,
    speakerAttributes: speakerAttributeWriterOf(stores.persistence),
  };

  const skill = SkillBuilders.custom()
    .addRequestHandlers(
      canFulfillIntentHandler(),
      launchHandler(conversation),
      // Before the name lookup: "Oregon" alone answers "which Portland?", and a bare name
      // answers the visitor desk's "what's your name?".
      placeAnswerHandler(conversation),
      visitorNameAnswerHandler(conversation),
      contactDetailsHandler(conversation),
      chooseContactHandler(conversation),
      // The visitor desk: before the board, which it hands "X is leaving" and "I'm leaving" back to.
      visitorArrivalHandler(conversation),
      visitorLeavingHandler(conversation),
      visitorCheckOutHandler(conversation),
      visitorsTodayHandler(conversation),
      visitorArrivedHandler(conversation),
      presenceHandler(conversation),
      selfPresenceHandler(conversation),
      whoIsInHandler(conversation),
      // Before the browse lists' "more": a list of the board goes on with its own next page.
      boardPageHandler(conversation),
      identifyHandler(conversation),
      confirmIdentityHandler(conversation),
      forgetMeHandler(conversation),
      browseHandler(conversation),
      // Roles, and the board by company and by time.
      browseRoleHandler(conversation),
      whoIsInFromHandler(conversation),
      whoLeftTodayHandler(conversation),
      whenPresenceHandler(conversation),
      listContinuationHandler(conversation),
      listNavigationHandler(conversation),
      noneOfThemHandler(),
      confirmNameHandler(conversation),
      screenEventHandler(conversation),
      helpHandler(),
      goodbyeHandler(),
      yesNoHandler(),
      repeatHandler(),
      startOverHandler(),
      sessionEndedHandler(conversation),
      fallbackHandler(conversation),
      exceptionEncounteredHandler(conversation),
      unhandledRequestHandler(conversation),
    )
    .addRequestInterceptors(
      requestContextInterceptor(deps.random),
      pendingQuestionGuardInterceptor(),
      requestLoggingInterceptor(logger),
      prefetchPersistentAttributesInterceptor(conversation),
    )
    .addResponseInterceptors(rememberSpeechInterceptor(), rememberLastContactInterceptor(conversation))
    .addErrorHandlers(apologizingErrorHandler(conversation))
    .withPersistenceAdapter(stores.persistence)
    .withApiClient(deps.apiClient ?? new DefaultApiClient())
    .withCustomUserAgent('front-desk')
    .create();
  // The guard checks the skill id itself: ASK's check reads the envelope before anything validates it.
  return guardSkill(skill, {
    skillId: config.skillId,
    logger,
    metrics,
    random: deps.random,
    storeBudgetMs: STORE_TIMEOUTS.requestBudgetMs,
  });
}
