import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { limitStoreCallsToRequestDeadline } from './store-deadline';
import { timeStoreCalls } from './store-timing';

/** What a local store (dynalite) is given as credentials: it accepts any, and real ones are never looked for. */
export const LOCAL_STORE_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface DocumentClientOptions {
  /** A local store such as dynalite; unset in AWS. */
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
}

/**
 * Timeouts and retries sized so that a slow, unreachable or throttling store makes the user hear
 * an apology within 3 seconds (Alexa gives a skill 8) instead of silence, and so that after one
 * call fails there is still time to ask the store what became of it (a check-in whose reply was
 * lost is read back before the user is told anything).
 *
 * One call: each attempt ends within `requestTimeoutMs` (the SDK's request timer starts before the
 * connection, so it covers connecting, sending and the reply's headers; `connectionTimeoutMs`
 * ends a dead connect sooner); `socketTimeoutMs` ends a reply whose body stalls (without it the SDK
 * waits 5 minutes). The SDK retries a failed, throttled or timed-out attempt once, after a backoff
 * of at most 50 ms (at most 1 s when throttled). So one call takes at most 700 + 50 + 700 ms =
 * 1.45 s, and a throttled one about 1 s, as throttling is answered at once.
 *
 * One request: a request makes several calls (a lookup, a presence read and write, a read-back,
 * the persistent attributes), so the calls of one request share `requestBudgetMs`, enforced by
 * `limitStoreCallsToRequestDeadline`: a failed call leaves at least 0.55 s for the next one, and
 * however many calls fail, and however, the store is done with by 2 s. With the device time zone
 * lookup (at most 800 ms, `handlers/time-zone.ts`) and the handlers' own work (milliseconds), the
 * apology comes within 2,000 + 800 ms < 3 s of the request arriving. DynamoDB answers in
 * single-digit milliseconds, so these limits only ever cut a failing store.
 */
export const STORE_TIMEOUTS = {
  connectionTimeoutMs: 500,
  requestTimeoutMs: 700,
  socketTimeoutMs: 700,
  maxAttempts: 2,
  requestBudgetMs: 2000,
} as const;

/**
 * The client settings that the SDK would otherwise look up on the first request, each in the
 * environment and then in the shared config files (`~/.aws/config` and `credentials`, which a
 * Lambda function does not have): every lookup that misses throws and catches an error and reads
 * the files through the thread pool. The values are the SDK's own defaults. The region and the
 * credentials still come from the environment (Lambda sets them), and an endpoint still from
 * `AWS_ENDPOINT_URL_DYNAMODB` when set. A Lambda function of Front Desk cannot be switched to
 * FIPS or dual-stack endpoints through `AWS_USE_FIPS_ENDPOINT` and friends: none is needed.
 * These apply to every AWS SDK client of Front Desk (the EventBridge client too); DynamoDB's own
 * follow.
 */
export const SETTINGS_THE_SDK_WOULD_LOOK_UP = {
  defaultsMode: 'legacy',
  retryMode: 'standard',
  useFipsEndpoint: false,
  useDualstackEndpoint: false,
  authSchemePreference: [] as string[],
  userAgentAppId: async (): Promise<string | undefined> => undefined,
  disableClockSkewCorrection: false,
} as const;

const DYNAMODB_SETTINGS_THE_SDK_WOULD_LOOK_UP: DynamoDBClientConfig = {
  ...SETTINGS_THE_SDK_WOULD_LOOK_UP,
  accountIdEndpointMode: 'preferred',
  endpointDiscoveryEnabledProvider: async () => undefined,
};

/**
 * Where an AWS SDK client of Front Desk connects: a local endpoint (dynalite, a local EventBridge)
 * with the credentials any local endpoint takes, so real ones are never looked for; else AWS, in
 * the given region or the environment's.
 */
export function whereToConnect(options: {
  readonly endpoint?: string | undefined;
  readonly region?: string | undefined;
}): { endpoint?: string; region?: string; credentials?: typeof LOCAL_STORE_CREDENTIALS } {
  if (options.endpoint) {
    return {
      endpoint: options.endpoint,
      region: options.region ?? 'local',
      credentials: LOCAL_STORE_CREDENTIALS,
    };
  }
  return options.region ? { region: options.region } : {};
}

/** The DocumentClient the skill and the tools use, with Front Desk's timeouts and marshalling. */
export function createDocumentClient(options: DocumentClientOptions = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    ...DYNAMODB_SETTINGS_THE_SDK_WOULD_LOOK_UP,
    maxAttempts: STORE_TIMEOUTS.maxAttempts,
    requestHandler: {
      connectionTimeout: STORE_TIMEOUTS.connectionTimeoutMs,
      requestTimeout: STORE_TIMEOUTS.requestTimeoutMs,
      socketTimeout: STORE_TIMEOUTS.socketTimeoutMs,
      // Without this the SDK only logs a warning when the timeout passes and keeps waiting.
      throwOnRequestTimeout: true,
    },
    ...whereToConnect(options),
  });
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  limitStoreCallsToRequestDeadline(documentClient);
  timeStoreCalls(documentClient);
  return documentClient;
}
