import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { createDocumentClient } from './repositories/dynamodb-client';
import { buildSkill } from './skill';

// Built once per container, at cold start; every invocation reuses the client and the skill.
const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const skill = buildSkill({
  config,
  documentClient: createDocumentClient({ endpoint: config.dynamoDbEndpoint }),
  logger,
});

/** The Lambda entry point Alexa invokes. */
export const handler = (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);
