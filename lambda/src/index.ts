import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { loadConfig } from './config';
import { buildEndOfDayJob } from './end-of-day-job';
import { createLogger } from './logger';
import { createMetrics } from './metrics';
import { createDocumentClient } from './repositories/dynamodb-client';
import { createEventBridgeClient, EventBridgePublisher } from './repositories/eventbridge-publisher';
import { ChangeAnnouncer } from './services/change-announcer';
import type { EndOfDayReport } from './services/end-of-day-service';
import { VisitService } from './services/visit-service';
import { buildSkill } from './skill';
import { dynamoDbStores } from './stores';

// Built once per container, at cold start; every invocation reuses the client and the skill.
const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const stores = dynamoDbStores(createDocumentClient({ endpoint: config.dynamoDbEndpoint }), config);
const metrics = createMetrics();
// One publisher for the skill and end of day: every accepted change goes to the same bus.
const events = new EventBridgePublisher(
  createEventBridgeClient({ endpoint: config.eventBridgeEndpoint }),
  config.eventBusName,
);
const skill = buildSkill({ config, stores, logger, metrics, events });

/** The Lambda entry point Alexa invokes. */
export const handler = (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);

// End of day: the same bundle, invoked by EventBridge Scheduler at closing time. Check-outs are
// published on the skill's bus, and every visitor still signed in is signed out (`Visitor Left`).
const endOfDayJob = buildEndOfDayJob({
  config,
  presence: stores.presence,
  logger,
  metrics,
  events,
  visitors: new VisitService(
    stores.visits,
    new ChangeAnnouncer(events, logger, (eventType) => metrics.eventNotPublished(eventType)),
    { officeTimeZone: config.officeTimeZone, retentionDays: config.visitorRetentionDays, logger },
  ),
});

/** The Lambda entry point EventBridge Scheduler invokes at `OFFICE_CLOSING_TIME`. */
export const endOfDay = (event: unknown): Promise<EndOfDayReport> => endOfDayJob.handle(event);
