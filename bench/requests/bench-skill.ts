import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { services } from 'ask-sdk-model';
import { DEFAULT_OFFICE_TIME_ZONE } from '../../lambda/src/config';
import { createLogger } from '../../lambda/src/logger';
import type { FrontDeskSkill as Skill } from '../../lambda/src/pipeline/guarded-skill';
import type { EventPublisher } from '../../lambda/src/services/ports';
import { buildSkill } from '../../lambda/src/skill';
import { dynamoDbStores } from '../../lambda/src/stores';
import { BENCH_TABLES } from '../store/store-process';

/**
 * Answers the Alexa APIs in-process (the device's time zone, for the in/out board), so that no
 * benchmark request leaves the machine and the figures are the skill's own work.
 */
export const benchAlexaApiClient: services.ApiClient = {
  invoke: async () => ({ statusCode: 200, headers: [], body: JSON.stringify('America/Chicago') }),
};

/**
 * Front Desk as Lambda builds it, on the given store client: the production composition root with
 * the production logger at INFO (its lines formatted and scrubbed, then dropped instead of written
 * to stdout) and speech variants picked at random.
 */
export function buildBenchSkill(
  documentClient: DynamoDBDocumentClient,
  events: EventPublisher = { publish: async () => undefined },
): Skill {
  const dependencies = {
    config: { skillId: undefined, officeTimeZone: DEFAULT_OFFICE_TIME_ZONE },
    stores: dynamoDbStores(documentClient, {
      directoryTable: BENCH_TABLES.directory,
      usersTable: BENCH_TABLES.users,
    }),
    logger: createLogger({ level: 'INFO', write: () => undefined }),
    // Taken by the in/out board's composition root once it lands; ignored before.
    apiClient: benchAlexaApiClient,
    // Events are dropped unless the part times them (part 6 gives PutEvents a round trip's delay).
    events,
  };
  return buildSkill(dependencies);
}
