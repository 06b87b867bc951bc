import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { renderHostMessage } from '../../lambda/notifier/host-message';
import { loadNotifierConfig } from '../../lambda/notifier/notifier-config';
import { buildStack, FIXTURE_ENTRY, SKILL_ID } from './stack-fixture';

type Resource = { Properties: Record<string, unknown> };
type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
};

/** The ARN prefix of SES identities in the account and region the ARNs below are resolved for. */
const SES_IDENTITY_ARN = 'arn:aws:ses:us-east-1:123456789012:identity/';

/** A policy's ARN expression (`Fn::Join` of pseudo parameters and text) in that account and region. */
function resolveArn(expression: unknown): string {
  if (typeof expression === 'string') return expression;
  const pseudo: Record<string, string> = {
    'AWS::Partition': 'aws',
    'AWS::Region': 'us-east-1',
    'AWS::AccountId': '123456789012',
  };
  const { Ref: ref, 'Fn::Join': join } = expression as { Ref?: string; 'Fn::Join'?: [string, unknown[]] };
  if (ref !== undefined && pseudo[ref] !== undefined) return pseudo[ref];
  if (join) return join[1].map(resolveArn).join(join[0]);
  throw new Error(`This test cannot resolve ${JSON.stringify(expression)}`);
}

/** IAM's resource match: `*` any run of characters, `?` one. */
function arnMatches(pattern: string, arn: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(arn);
}

/** A statement's condition for a request with these context keys (only StringEquals is evaluated). */
function conditionHolds(
  condition: Statement['Condition'],
  context: Readonly<Record<string, string>>,
): boolean {
  return Object.entries(condition ?? {}).every(([operator, keys]) => {
    if (operator !== 'StringEquals') throw new Error(`This test does not evaluate ${operator}`);
    return Object.entries(keys).every(([key, values]) => [values].flat().includes(context[key]));
  });
}

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
      host: { id: 'c1', name: 'Wei Zhang', company: 'Acme Corp.', email: 'wei@acme.example.com' },
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

  it('lets the notifier send as the sender to a verified host in the SES sandbox, and as no one else', () => {
    // Prepare: the SES statements of the template, as IAM evaluates them in one account and region.
    const statements = resources('AWS::IAM::Policy').flatMap(
      ([, r]) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    const ses = statements.filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('ses:')),
    );
    // SES authorizes ses:SendEmail on the sender's identity (its address or its domain) and, in the
    // sandbox every account starts in, on each recipient's verified identity too.
    const allowed = (identity: string, from: string) =>
      ses.some(
        (statement) =>
          statement.Effect === 'Allow' &&
          [statement.Action].flat().includes('ses:SendEmail') &&
          [statement.Resource]
            .flat()
            .some((resource) => arnMatches(resolveArn(resource), `${SES_IDENTITY_ARN}${identity}`)) &&
          conditionHolds(statement.Condition, { 'ses:FromAddress': from }),
      );
    const sender = DELIVERY.senderEmail;

    // Assess
    expect(allowed(sender, sender)).toBe(true);
    expect(allowed('acme.example.com', sender)).toBe(true);
    expect(allowed('wei.zhang@globex.example.com', sender)).toBe(true);
    expect(allowed('globex.example.com', sender)).toBe(true);
    expect(allowed(sender, 'ceo@acme.example.com')).toBe(false);
    expect(allowed('wei.zhang@globex.example.com', 'ceo@acme.example.com')).toBe(false);
    const otherAccount = 'arn:aws:ses:us-east-1:999999999999:identity/wei.zhang@globex.example.com';
    expect(
      ses
        .flatMap((statement) => [statement.Resource].flat().map(resolveArn))
        .filter((resource) => arnMatches(resource, otherAccount)),
    ).toEqual([]);
    expect(ses.flatMap((statement) => [statement.Action].flat())).toEqual(['ses:SendEmail']);
    expect(JSON.stringify(statements)).not.toMatch(/"ses:\*"|"events:\*"/);
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
