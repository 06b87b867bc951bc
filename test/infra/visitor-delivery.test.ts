import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { renderHostMessage } from '../../lambda/notifier/host-message';
import { loadNotifierConfig } from '../../lambda/notifier/notifier-config';
import { buildStack, FIXTURE_ENTRY, SKILL_ID } from './stack-fixture';

type Resource = { Properties: Record<string, unknown> };

const DELIVERY = {
  senderEmail: 'front-desk@acme.example.com',
  officeName: 'Acme Corp.',
  meetingPlace: 'the reception on the 2nd floor',
  chatWebhookUrl: 'https://hooks.chat.example.com/services/T000/B000/XXXX',
  notifierEntry: FIXTURE_ENTRY,
};

function deliveryStack(delivery: Record<string, unknown> = DELIVERY) {
  const built = buildStack({ alarmEmail: 'ops@example.com', backend: { skillId: SKILL_ID, delivery } });
  return { ...built, template: Template.fromStack(built.stack) };
}

describe('the visitor desk delivery', () => {
  const { template, app, stack } = deliveryStack();
  const resources = (type: string) =>
    Object.entries(template.findResources(type)) as Array<[string, Resource]>;
  const busId = resources('AWS::Events::EventBus')[0]?.[0] ?? '';
  const queueId = resources('AWS::SQS::Queue')[0]?.[0] ?? '';

  it('keeps the construct IDs of the bus and the dead-letter queue', () => {
    expect(busId).toBe('BackendDeliveryBusBCC1CD19');
    expect(queueId).toMatch(/^BackendDeliveryDeadLetterQueue/);
  });

  it('emails the host: Visitor Arrived from front-desk goes to the notifier, with retries and the dead-letter queue', () => {
    const notifier = resources('AWS::Lambda::Function').find(([, r]) =>
      JSON.stringify(r.Properties.Environment ?? {}).includes('SENDER_EMAIL'),
    );
    expect(notifier?.[1].Properties).toMatchObject({
      Environment: {
        Variables: {
          SENDER_EMAIL: 'front-desk@acme.example.com',
          OFFICE_NAME: 'Acme Corp.',
          MEETING_PLACE: 'the reception on the 2nd floor',
        },
      },
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 2 });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: busId },
      EventPattern: { source: ['front-desk'], 'detail-type': ['Visitor Arrived'] },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [notifier?.[0], 'Arn'] },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7200 },
        }),
      ],
    });
  });

  it('gives a notifier deployed with only a sender the email a notifier without those settings writes', () => {
    const bare = deliveryStack({ senderEmail: DELIVERY.senderEmail, notifierEntry: FIXTURE_ENTRY }).template;
    const notifier = Object.values(
      bare.findResources('AWS::Lambda::Function') as Record<string, Resource>,
    ).find((r) => JSON.stringify(r.Properties.Environment ?? {}).includes('SENDER_EMAIL'));
    const environment =
      (notifier?.Properties.Environment as { Variables?: Record<string, string> } | undefined)?.Variables ??
      {};
    const arrival = {
      at: '2025-01-15T14:05:00.000Z',
      visitId: 'v1',
      visitor: { name: 'Sam Carter' },
      host: { id: 'c1', name: 'Wei Zhang', email: 'wei@acme.example.com' },
    };

    const deployed = renderHostMessage(arrival, loadNotifierConfig(environment));
    const unset = renderHostMessage(arrival, loadNotifierConfig({ SENDER_EMAIL: DELIVERY.senderEmail }));

    expect(deployed).toEqual(unset);
    expect(deployed.text).toContain(
      '(Wednesday, January 15 at 9:05 AM).\nPlease meet them at the front desk.',
    );
    expect(deployed.text).toContain('Front Desk at the office');
  });

  it("logs the notifier's lines and Lambda's own as JSON, as the skill's are", () => {
    const logging = (variable: string) =>
      resources('AWS::Lambda::Function').find(([, r]) =>
        JSON.stringify(r.Properties.Environment ?? {}).includes(variable),
      )?.[1].Properties.LoggingConfig as Record<string, unknown> | undefined;

    const notifier = logging('SENDER_EMAIL');

    expect(notifier).toMatchObject({
      LogFormat: 'JSON',
      ApplicationLogLevel: 'INFO',
      SystemLogLevel: 'INFO',
    });
    const { LogGroup: _own, ...format } = notifier ?? {};
    const { LogGroup: _skills, ...skillFormat } = logging('DIRECTORY_TABLE') ?? {};
    expect(format).toEqual(skillFormat);
  });

  it('posts to the chat webhook through an API destination, with no code', () => {
    template.hasResourceProperties('AWS::Events::ApiDestination', {
      InvocationEndpoint: DELIVERY.chatWebhookUrl,
      HttpMethod: 'POST',
    });
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['front-desk'], 'detail-type': ['Visitor Arrived'] },
      Targets: [
        Match.objectLike({
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
          InputTransformer: Match.objectLike({
            InputPathsMap: {
              'detail-visitor-name': '$.detail.visitor.name',
              'detail-host-name': '$.detail.host.name',
            },
          }),
        }),
      ],
    });
  });

  it('alarms on anything in the dead-letter queue, to the alarm topic', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1,
      AlarmActions: [Match.anyValue()],
    });
  });

  it('lets the notifier send only from the configured identity, and nothing else', () => {
    const policies = resources('AWS::IAM::Policy').map(([, r]) => JSON.stringify(r.Properties));
    const ses = policies.filter((policy) => policy.includes('ses:'));
    expect(ses).toHaveLength(1);
    const statement = (
      JSON.parse(ses[0] ?? '{}') as { PolicyDocument: { Statement: Array<Record<string, unknown>> } }
    ).PolicyDocument.Statement.find((entry) => entry.Action === 'ses:SendEmail');
    expect(statement).toMatchObject({
      Effect: 'Allow',
      Condition: { StringEquals: { 'ses:FromAddress': 'front-desk@acme.example.com' } },
    });
    expect(JSON.stringify(statement?.Resource)).toContain('identity/front-desk@acme.example.com');
    expect(JSON.stringify(policies)).not.toMatch(/"ses:\*"|"events:\*"/);
  });

  it('keeps visits for the retention period with the directory table TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('reports no cdk-nag finding that is not acknowledged on its resource', () => {
    expect(new AwsSolutionsChecks(app).validateScope(stack).violations).toEqual([]);
  });

  it('refuses a chat webhook that is not https', () => {
    expect(() => deliveryStack({ chatWebhookUrl: 'http://hooks.example.com/x' })).toThrow('https://');
  });

  it('without a sender creates no notifier and no email rule, but the bus and the skill grant', () => {
    const bare = deliveryStack({}).template;
    bare.resourceCountIs('AWS::Events::Rule', 0);
    bare.resourceCountIs('AWS::Events::EventBus', 1);
    expect(JSON.stringify(bare.toJSON())).not.toContain('ses:SendEmail');
  });
});
