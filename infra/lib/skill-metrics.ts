import { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { type ApologyReason, DimensionNames, METRICS_NAMESPACE, MetricNames } from '../../lambda/src/metrics';

/**
 * The skill's own metrics, which its code writes as EMF log lines (lambda/src/metrics.ts): the
 * alarm and the dashboard read them by the same names the code writes.
 */
const PERIOD = Duration.minutes(5);

/** Apologies users heard, all reasons together. */
export function apologiesMetric(): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: MetricNames.apologies,
    statistic: 'Sum',
    period: PERIOD,
  });
}

/** Apologies for one reason. */
export function apologiesFor(reason: ApologyReason): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: MetricNames.apologies,
    dimensionsMap: { [DimensionNames.reason]: reason },
    statistic: 'Sum',
    // No label: a labelled metric becomes a math expression in an alarm, and the graph names
    // each line by its Reason anyway.
    period: PERIOD,
  });
}

/**
 * Accepted changes whose event could not be published, all event types together: the skill and end
 * of day write it with no dimension beside the one by `EventType` (lambda/src/metrics.ts).
 */
export function eventsNotPublishedMetric(): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: MetricNames.eventsNotPublished,
    statistic: 'Sum',
    // No label, like apologiesFor: the alarm reads it as a plain metric.
    period: PERIOD,
  });
}

/** Events not published by event type: one line per type that had any, found by a search. */
export function eventsNotPublishedByType(): MathExpression {
  return sumsBy(DimensionNames.eventType, MetricNames.eventsNotPublished, 'Events not published by type');
}

/** Requests by intent: one line per intent that had any, found by a search. */
export function requestsByIntent(): MathExpression {
  return sumsBy(DimensionNames.intent, MetricNames.requests, 'Requests by intent');
}

/** One line per value of `dimension` that `metricName` had any of, summed per period, found by a search. */
function sumsBy(dimension: string, metricName: string, label: string): MathExpression {
  return new MathExpression({
    expression: `SEARCH('{${METRICS_NAMESPACE},${dimension}} MetricName="${metricName}"', 'Sum', ${PERIOD.toSeconds()})`,
    usingMetrics: {},
    label,
    period: PERIOD,
  });
}

/** The time a request waits on the store, all its calls together, at the 99th percentile. */
export function storeTimeP99(): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: MetricNames.storeTime,
    statistic: 'p99',
    period: PERIOD,
    label: 'store time p99 (ms)',
  });
}

export function coldStarts(): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: MetricNames.coldStarts,
    statistic: 'Sum',
    period: PERIOD,
  });
}
