import { IntentNames } from './interaction';
import type { Logger } from './logger';
import type { StoreTime } from './request-scope';

/**
 * Front Desk's CloudWatch metrics, written as Embedded Metric Format (EMF) log lines: CloudWatch
 * Logs turns each line into metric values, so counting costs no network call on the request path
 * and no `cloudwatch:PutMetricData` permission. Lines go to stdout directly, like the logger's: with
 * Lambda's JSON log format a `console` line would be wrapped in Lambda's own object, and a metric
 * inside `message` is not extracted. They carry no `level`, so Lambda files them as INFO; the stack
 * therefore never sets Lambda's application log level above INFO (see `infra/lib/function-logging.ts`).
 *
 * The names here are what the stack's alarm and dashboard read: infra imports them from this file.
 */
export const METRICS_NAMESPACE = 'FrontDesk';

export const MetricNames = {
  /** An apology the user heard instead of an answer; by `Reason`, and in total. */
  apologies: 'Apologies',
  /** A request answered; by `Intent` (the intent, or the request type when there is none). */
  requests: 'Requests',
  /** 1 for the first request of a container, 0 after: its Sum counts cold starts. */
  coldStarts: 'ColdStarts',
  /** Milliseconds a request spent waiting on the store, all its calls together. */
  storeTime: 'StoreTime',
  /** Store calls a request made. */
  storeCalls: 'StoreCalls',
  /** An accepted change whose event could not be published (the change stands); by `EventType`. */
  eventsNotPublished: 'EventsNotPublished',
} as const;

export const DimensionNames = { reason: 'Reason', intent: 'Intent', eventType: 'EventType' } as const;

/** Why the user heard an apology. */
export const ApologyReasons = ['store-unavailable', 'timeout', 'access-denied', 'unknown'] as const;
export type ApologyReason = (typeof ApologyReasons)[number];

// Matched by name along the `cause` chain, so this module depends on no repository: the error
// classes live beside the code that throws them (repositories/store-errors.ts, store-deadline.ts),
// and a test checks these names against those classes.
const ACCESS_DENIED = new Set(['StoreAccessDeniedError', 'AccessDeniedException']);
const TIMEOUT = new Set(['StoreDeadlineError', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const UNAVAILABLE = new Set(['StoreUnavailableError']);

/** The reason to count an apology under, from the error that caused it. */
export function apologyReasonOf(error: unknown): ApologyReason {
  const names: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    names.push(current.name);
    current = (current as { cause?: unknown }).cause;
  }
  if (names.some((name) => ACCESS_DENIED.has(name))) return 'access-denied';
  if (names.some((name) => TIMEOUT.has(name))) return 'timeout';
  if (names.some((name) => UNAVAILABLE.has(name))) return 'store-unavailable';
  return 'unknown';
}

/** Why an apology was said and, for a call IAM refused, what was refused (for the ERROR log line). */
export interface ApologyCause {
  readonly reason: ApologyReason;
  /** The refused IAM action (`dynamodb:UpdateItem`), for `access-denied` when AWS named it. */
  readonly action?: string;
  /** The ARN it was refused on, for `access-denied` when AWS named it. */
  readonly resource?: string;
}

/**
 * {@link apologyReasonOf}, with the refused action and resource of a `StoreAccessDeniedError`
 * found along the `cause` chain: what the error handler logs at ERROR and counts.
 */
export function apologyCauseOf(error: unknown): ApologyCause {
  const reason = apologyReasonOf(error);
  if (reason !== 'access-denied') return { reason };
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const { action, resource } = current as { action?: unknown; resource?: unknown };
    if (typeof action === 'string' || typeof resource === 'string') {
      return {
        reason,
        ...(typeof action === 'string' ? { action } : {}),
        ...(typeof resource === 'string' ? { resource } : {}),
      };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return { reason };
}

/**
 * Logs a store failure that the user hears an apology for: a call the deployed role refused at
 * ERROR, with the action and resource (the fix is one grant in the stack), any other at WARN.
 * Returns the cause, for the apology's count.
 */
export function logStoreFailure(
  logger: Logger,
  error: Error,
  messages: { readonly refused: string; readonly failed: string },
  fields: Readonly<Record<string, unknown>> = {},
): ApologyCause {
  const cause = apologyCauseOf(error);
  if (cause.reason === 'access-denied') {
    logger.error(messages.refused, { ...fields, action: cause.action, resource: cause.resource });
  } else {
    logger.warn(messages.failed, { ...fields, error: { name: error.name } });
  }
  return cause;
}

// Each distinct dimension value is a custom metric that is billed: only names the skill knows.
const KNOWN_INTENTS: ReadonlySet<string> = new Set(Object.values(IntentNames));
const REQUEST_TYPE = /^[A-Za-z]+(\.[A-Za-z]+)*$/;

/** The `Intent` dimension of a request: a known intent, the request type when there is no intent, or `Other`. */
export function intentDimension(intent: string | undefined, requestType: string | undefined): string {
  if (intent !== undefined) return KNOWN_INTENTS.has(intent) ? intent : 'Other';
  if (requestType !== undefined && REQUEST_TYPE.test(requestType) && requestType.length <= 64) {
    return requestType;
  }
  return 'Other';
}

type Unit = 'Count' | 'Milliseconds';

interface Directive {
  /** Each set publishes the metrics once more, by those dimensions; an empty set, in total. */
  readonly dimensionSets: ReadonlyArray<readonly string[]>;
  readonly metrics: ReadonlyArray<{ readonly name: string; readonly unit: Unit }>;
}

/** One EMF document: the metadata CloudWatch reads, then the dimension and metric values at the root. */
export function emfLine(
  directives: readonly Directive[],
  values: Readonly<Record<string, string | number>>,
  timestamp: number,
): string {
  return JSON.stringify({
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: directives.map((directive) => ({
        Namespace: METRICS_NAMESPACE,
        Dimensions: directive.dimensionSets.map((set) => [...set]),
        Metrics: directive.metrics.map((metric) => ({ Name: metric.name, Unit: metric.unit })),
      })),
    },
    ...values,
  });
}

/** The line that counts one apology: under its reason, and in the total the alarm watches. */
export function apologyLine(reason: ApologyReason, timestamp: number): string {
  return emfLine(
    [
      {
        dimensionSets: [[DimensionNames.reason], []],
        metrics: [{ name: MetricNames.apologies, unit: 'Count' }],
      },
    ],
    { [DimensionNames.reason]: reason, [MetricNames.apologies]: 1 },
    timestamp,
  );
}

/** The line that counts one event not published: by its type, and in total. */
export function eventNotPublishedLine(eventType: string, timestamp: number): string {
  return emfLine(
    [
      {
        dimensionSets: [[DimensionNames.eventType], []],
        metrics: [{ name: MetricNames.eventsNotPublished, unit: 'Count' }],
      },
    ],
    { [DimensionNames.eventType]: eventType, [MetricNames.eventsNotPublished]: 1 },
    timestamp,
  );
}

export interface RequestMeasures {
  /** The intent's name, when the request has one. */
  readonly intent?: string | undefined;
  readonly requestType?: string | undefined;
  readonly coldStart: boolean;
  /** The request's store calls (from its scope), when any were timed. */
  readonly storeTime?: StoreTime | undefined;
}

/** The line that counts one request by intent, with its cold start and its store time. */
export function requestLine(measures: RequestMeasures, timestamp: number): string {
  const perRequest = [
    { name: MetricNames.coldStarts, unit: 'Count' as const },
    ...(measures.storeTime
      ? [
          { name: MetricNames.storeTime, unit: 'Milliseconds' as const },
          { name: MetricNames.storeCalls, unit: 'Count' as const },
        ]
      : []),
  ];
  return emfLine(
    [
      { dimensionSets: [[DimensionNames.intent]], metrics: [{ name: MetricNames.requests, unit: 'Count' }] },
      { dimensionSets: [[]], metrics: perRequest },
    ],
    {
      [DimensionNames.intent]: intentDimension(measures.intent, measures.requestType),
      [MetricNames.requests]: 1,
      [MetricNames.coldStarts]: measures.coldStart ? 1 : 0,
      ...(measures.storeTime
        ? {
            [MetricNames.storeTime]: Math.round(measures.storeTime.milliseconds),
            [MetricNames.storeCalls]: measures.storeTime.calls,
          }
        : {}),
    },
    timestamp,
  );
}

/** Where the skill counts what users notice. */
export interface Metrics {
  /** Counts one apology the user heard, by the error that caused it. */
  apology(reason: ApologyReason): void;
  /** Counts one request answered. */
  request(measures: RequestMeasures): void;
  /** Counts one accepted change whose event could not be published. */
  eventNotPublished(eventType: string): void;
}

export interface MetricsOptions {
  /** Where lines go; stdout by default (CloudWatch Logs in Lambda). */
  readonly write?: (line: string) => void;
  readonly now?: () => number;
}

/** Metrics as EMF lines on stdout (Lambda), or wherever `write` says. */
export function createMetrics(options: MetricsOptions = {}): Metrics {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? Date.now;
  return {
    apology: (reason) => write(apologyLine(reason, now())),
    request: (measures) => write(requestLine(measures, now())),
    eventNotPublished: (eventType) => write(eventNotPublishedLine(eventType, now())),
  };
}

/** Counts nothing: the local server, the dialog REPL and tests that are not about metrics. */
export const silentMetrics: Metrics = {
  apology: () => {},
  request: () => {},
  eventNotPublished: () => {},
};
