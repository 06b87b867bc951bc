import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { createMetrics } from './metrics';
import { createDocumentClient } from './repositories/dynamodb-client';
import { buildSkill } from './skill';
import { dynamoDbStores } from './stores';

// Built once per container, at cold start; every invocation reuses the client and the skill.
const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const skill = buildSkill({
  config,
  stores: dynamoDbStores(createDocumentClient({ endpoint: config.dynamoDbEndpoint }), config),
  logger,
  metrics: createMetrics(),
});

/** The Lambda entry point Alexa invokes. */
export const handler = (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);
