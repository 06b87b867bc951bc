import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { loadConfig } from './config';
import { buildEndOfDayJob } from './end-of-day-job';
import { createLogger } from './logger';
import { createMetrics } from './metrics';
import { createDocumentClient } from './repositories/dynamodb-client';
import type { EndOfDayReport } from './services/end-of-day-service';
import { buildSkill } from './skill';
import { dynamoDbStores } from './stores';

// Built once per container, at cold start; every invocation reuses the client and the skill.
const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const stores = dynamoDbStores(createDocumentClient({ endpoint: config.dynamoDbEndpoint }), config);
const skill = buildSkill({ config, stores, logger, metrics: createMetrics() });

/** The Lambda entry point Alexa invokes. */
export const handler = (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);

// End of day: the same bundle, invoked by EventBridge Scheduler at closing time. The EventBridge
// publisher and the visitor desk's sign-out plug in here (`events`, `visitors`) once they exist.
const endOfDayJob = buildEndOfDayJob({
  config,
  presence: stores.presence,
  logger,
});

/** The Lambda entry point EventBridge Scheduler invokes at `OFFICE_CLOSING_TIME`. */
export const endOfDay = (event: unknown): Promise<EndOfDayReport> => endOfDayJob.handle(event);
