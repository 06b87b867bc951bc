import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DocumentClientOptions {
  /** A local store such as dynalite; unset in AWS. */
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
}

/**
 * Timeouts and retries sized for Alexa's 8-second budget: a slow or unreachable store makes the
 * user hear an apology within about three seconds instead of silence.
 */
export const STORE_TIMEOUTS = {
  connectionTimeoutMs: 800,
  requestTimeoutMs: 1000,
  maxAttempts: 2,
} as const;

/** The DocumentClient the skill and the tools use, with Front Desk's timeouts and marshalling. */
export function createDocumentClient(options: DocumentClientOptions = {}): DynamoDBDocumentClient {
  const local = options.endpoint !== undefined;
  const client = new DynamoDBClient({
    maxAttempts: STORE_TIMEOUTS.maxAttempts,
    requestHandler: {
      connectionTimeout: STORE_TIMEOUTS.connectionTimeoutMs,
      requestTimeout: STORE_TIMEOUTS.requestTimeoutMs,
      // Without this the SDK only logs a warning when the timeout passes and keeps waiting.
      throwOnRequestTimeout: true,
    },
    ...(local
      ? {
          endpoint: options.endpoint,
          region: options.region ?? 'local',
          // A local store accepts any credentials; never look for real ones.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : options.region
        ? { region: options.region }
        : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}
