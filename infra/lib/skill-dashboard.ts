import { Dashboard, GraphWidget, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { ApologyReasons } from '../../lambda/src/metrics';
import {
  apologiesFor,
  coldStarts,
  eventsNotPublishedByType,
  eventsNotPublishedMetric,
  requestsByIntent,
  storeTimeP99,
} from './skill-metrics';

/**
 * One page with what an operator asks first: are people using it (requests by intent), are they
 * hearing apologies and why, is the store slow (p99 of a request's store time), and how often a
 * request paid for a cold start, and how many accepted changes nobody was told about (events not
 * published, by type and in total, the total being what the alarm watches). Lambda's own errors and
 * duration sit beside them.
 */
export function addSkillDashboard(scope: Construct, id: string, handler: IFunction): Dashboard {
  const graph = (title: string, left: IMetric[]) => new GraphWidget({ title, left, width: 12, height: 6 });
  const dashboard = new Dashboard(scope, id);
  dashboard.addWidgets(
    graph('Requests by intent', [requestsByIntent()]),
    graph(
      'Apologies users heard, by reason',
      ApologyReasons.map((reason) => apologiesFor(reason)),
    ),
  );
  dashboard.addWidgets(
    graph('Store time per request, p99 (ms)', [storeTimeP99()]),
    graph('Cold starts', [coldStarts()]),
  );
  dashboard.addWidgets(
    graph('Lambda errors and throttles', [handler.metricErrors(), handler.metricThrottles()]),
    graph('Lambda duration p99 (ms)', [handler.metricDuration({ statistic: 'p99' })]),
  );
  dashboard.addWidgets(
    graph('Events not published (the change stands, nobody was told)', [
      eventsNotPublishedMetric().with({ label: 'all event types' }),
      eventsNotPublishedByType(),
    ]),
  );
  return dashboard;
}
