import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { FrontDeskStack } from '../../infra/lib/front-desk-stack';
import type { FrontDeskEvent } from '../../lambda/src/domain/events';
import { createMetrics, DimensionNames, METRICS_NAMESPACE, MetricNames } from '../../lambda/src/metrics';
import { buildStack, SKILL_ID } from './stack-fixture';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Dimension = { Name: string; Value: string };

/** A CloudWatch metric as it is identified: what an alarm must name to read it. */
interface MetricIdentity {
  readonly namespace: string;
  readonly name: string;
  readonly dimensions: Dimension[];
}

interface EmfDocument {
  _aws: {
    CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string }> }>;
  };
  [field: string]: unknown;
}

const EVENT_TYPES: ReadonlyArray<FrontDeskEvent['type']> = [
  'Checked In',
  'Checked Out',
  'Visitor Arrived',
  'Visitor Left',
];

/** The line the skill and end of day write when the event of an accepted change was not published. */
function lineOfFailedPublish(eventType: string): EmfDocument {
  const lines: string[] = [];
  createMetrics({ write: (line) => lines.push(line), now: () => 0 }).eventNotPublished(eventType);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] as string) as EmfDocument;
}

/** Every metric CloudWatch extracts from an EMF line: one per metric and dimension set. */
function metricsOf(document: EmfDocument): MetricIdentity[] {
  return document._aws.CloudWatchMetrics.flatMap((directive) =>
    directive.Metrics.flatMap((metric) =>
      directive.Dimensions.map((set) => ({
        namespace: directive.Namespace,
        name: metric.Name,
        dimensions: set.map((name) => ({ Name: name, Value: String(document[name]) })),
      })),
    ),
  );
}

const byName = (a: Dimension, b: Dimension) => a.Name.localeCompare(b.Name);

/** The metric an alarm reads, in the same shape (an alarm on a math expression has none). */
function metricOfAlarm(alarm: Resource): MetricIdentity {
  const { Namespace, MetricName, Dimensions } = alarm.Properties as {
    Namespace: string;
    MetricName: string;
    Dimensions?: Dimension[];
  };
  return { namespace: Namespace, name: MetricName, dimensions: [...(Dimensions ?? [])].sort(byName) };
}

/** The dashboard's body as JSON, with the tokens CloudFormation fills in (region, function) left as text. */
function dashboardBody(template: Template): {
  widgets: Array<{ properties: { title?: string; metrics?: unknown[][] } }>;
} {
  const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard')) as Resource[];
  const body = dashboard?.Properties.DashboardBody as string | { 'Fn::Join': [string, unknown[]] };
  const text =
    typeof body === 'string'
      ? body
      : body['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : 'TOKEN')).join('');
  return JSON.parse(text);
}

describe('the events-not-published alarm', () => {
  let stack: FrontDeskStack;
  let template: Template;
  let alarmId: string;
  let alarm: Resource;

  beforeAll(() => {
    // Prepare
    stack = buildStack({ alarmEmail: 'ops@example.com', backend: { skillId: SKILL_ID } }).stack;
    // Act
    template = Template.fromStack(stack);
    const found = Object.entries(
      template.findResources('AWS::CloudWatch::Alarm', {
        Properties: { MetricName: MetricNames.eventsNotPublished },
      }),
    ) as [string, Resource][];
    expect(found).toHaveLength(1);
    [alarmId, alarm] = found[0] as [string, Resource];
  });

  it('fires on one event not published, of any type, in the last hour, and notifies the alarm topic', () => {
    // Prepare
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    // Assess: the total, with no dimension, summed per 5 minutes; any one period of the hour fires it.
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: METRICS_NAMESPACE,
      MetricName: MetricNames.eventsNotPublished,
      Dimensions: Match.absent(),
      Statistic: 'Sum',
      Period: 300,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      // An hour of 5-minute periods.
      EvaluationPeriods: 12,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: topicId }],
      OKActions: [{ Ref: topicId }],
    });
  });

  it("is one of the backend's alarms", () => {
    // Act
    const listed = stack.backend.alarms.map((listedAlarm) =>
      stack.getLogicalId(listedAlarm.node.defaultChild as CfnAlarm),
    );
    // Assess
    expect(listed).toContain(alarmId);
  });

  it.each(EVENT_TYPES)('reads a metric the line of a %s event not published writes', (eventType) => {
    // Prepare
    const written = metricsOf(lineOfFailedPublish(eventType)).map((metric) => ({
      ...metric,
      dimensions: [...metric.dimensions].sort(byName),
    }));
    // Assess: the alarm names exactly one of the metrics CloudWatch extracts from the line, so a
    // failed publish of this type counts in what it watches.
    expect(written).toContainEqual(metricOfAlarm(alarm));
  });

  it('is on the dashboard, in total beside the count by event type that the line writes', () => {
    // Prepare
    const [byType] = lineOfFailedPublish('Checked In')
      ._aws.CloudWatchMetrics.flatMap((directive) => directive.Dimensions)
      .filter((set) => set.length > 0);
    const widgets = dashboardBody(template).widgets.filter((widget) =>
      JSON.stringify(widget.properties.metrics ?? []).includes(MetricNames.eventsNotPublished),
    );
    // Assess: one graph with the alarm's metric (namespace and name, no dimension) and a search by type.
    expect(byType).toEqual([DimensionNames.eventType]);
    expect(widgets).toHaveLength(1);
    const metrics = widgets[0]?.properties.metrics ?? [];
    expect(metrics).toContainEqual([METRICS_NAMESPACE, MetricNames.eventsNotPublished, expect.any(Object)]);
    expect(metrics).toContainEqual([
      expect.objectContaining({
        expression: `SEARCH('{${METRICS_NAMESPACE},${byType?.join(',')}} MetricName="${MetricNames.eventsNotPublished}"', 'Sum', 300)`,
      }),
    ]);
  });
});
