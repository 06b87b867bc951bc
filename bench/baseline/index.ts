import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createBaselineSkill } from './baseline-skill';

// The baseline's Lambda entry, bundled like Front Desk's: the client and the skill are built at load.
const skill = createBaselineSkill(
  DynamoDBDocumentClient.from(new DynamoDBClient({})),
  process.env.DIRECTORY_TABLE ?? 'directory',
);

export const handler = (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);
