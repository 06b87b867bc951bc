import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { limitStoreCallsToRequestDeadline } from './store-deadline';

export interface DocumentClientOptions {
  /** A local store such as dynalite; unset in AWS. */
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
}

/**
 * Timeouts and retries sized so that a slow, unreachable or throttling store makes the user hear
 * an apology within 3 seconds (Alexa gives a skill 8) instead of silence.
 *
 * One call: each attempt ends within `requestTimeoutMs` (the SDK's request timer starts before the
 * connection, so it covers connecting, sending and the reply's headers; `connectionTimeoutMs`
 * only ends a dead connect sooner); `socketTimeoutMs` ends a reply whose body stalls (without it
 * the SDK waits 5 minutes). The SDK retries a throttled, failed or timed-out attempt once, after
 * a backoff of at most 50 ms (at most 1 s when throttled). Worst case of one call: 1,000 + 50 +
 * 1,000 ms = 2.05 s, or 1,000 + 1,000 + 1,000 ms = 3 s when a throttled attempt was also slow.
 *
 * One request: a request makes several calls (a lookup, a presence read and write, the persistent
 * attributes), so the calls of one request share `requestBudgetMs`, enforced by
 * `limitStoreCallsToRequestDeadline`. With the device time zone lookup (at most 800 ms, see
 * `handlers/time-zone.ts`) and the handlers' own work (milliseconds), the apology comes within
 * 2,000 + 800 ms < 3 s of the request arriving, however many calls fail and however they fail.
 * DynamoDB answers in single-digit milliseconds, so these limits only ever cut a failing store.
 */
export const STORE_TIMEOUTS = {
  connectionTimeoutMs: 800,
  requestTimeoutMs: 1000,
  socketTimeoutMs: 1000,
  maxAttempts: 2,
  requestBudgetMs: 2000,
} as const;

/** The DocumentClient the skill and the tools use, with Front Desk's timeouts and marshalling. */
export function createDocumentClient(options: DocumentClientOptions = {}): DynamoDBDocumentClient {
  const local = options.endpoint !== undefined;
  const client = new DynamoDBClient({
    maxAttempts: STORE_TIMEOUTS.maxAttempts,
    requestHandler: {
      connectionTimeout: STORE_TIMEOUTS.connectionTimeoutMs,
      requestTimeout: STORE_TIMEOUTS.requestTimeoutMs,
      socketTimeout: STORE_TIMEOUTS.socketTimeoutMs,
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
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  limitStoreCallsToRequestDeadline(documentClient);
  return documentClient;
}
