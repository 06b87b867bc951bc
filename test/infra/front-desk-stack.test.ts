import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { ConfigVariables, LocalOnlySettings, loadConfig } from '../../lambda/src/config';
import { DIRECTORY_TABLE, USERS_TABLE } from '../../lambda/src/repositories/table-definitions';
import { createTableInput } from '../../local/create-tables';
import { buildStack, SKILL_ID } from './stack-fixture';

// The logical IDs of the stateful resources are a contract: a change replaces the tables, and the
// deployed skill would start on empty ones (the old ones are retained, not deleted).
const DIRECTORY_TABLE_ID = 'BackendDirectoryTableA43D132E';
const BUS_ID = 'BackendDeliveryBusBCC1CD19';
const USERS_TABLE_ID = 'BackendUsersTable0913890B';

const arnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });

type Resource = { Type: string; Properties: Record<string, unknown> };

describe('FrontDeskStack', () => {
  let template: Template;

  beforeAll(() => {
    // Prepare
    const { stack } = buildStack({
      backend: { skillId: SKILL_ID, officeTimeZone: 'America/Chicago', logLevel: 'WARN' },
    });
    // Act
    template = Template.fromStack(stack);
  });

  const onlyResource = (type: string): Resource => {
    // The skill's function; end of day's has a test of its own (end-of-day.test.ts).
    const props = type === 'AWS::Lambda::Function' ? { Properties: { Handler: 'index.handler' } } : undefined;
    const resources = Object.values(template.findResources(type, props)) as Resource[];
    expect(resources).toHaveLength(1);
    return resources[0] as Resource;
  };

  describe('tables', () => {
    it('the stateful resources keep their logical IDs', () => {
      // Assess
      expect(Object.keys(template.findResources('AWS::DynamoDB::Table')).sort()).toEqual(
        [DIRECTORY_TABLE_ID, USERS_TABLE_ID].sort(),
      );
    });

    it('the deployed tables have the keys and indexes of the local store, which reads the same definitions', () => {
      // Prepare
      const tables = template.findResources('AWS::DynamoDB::Table') as Record<string, Resource>;
      const cases = [
        { logicalId: DIRECTORY_TABLE_ID, local: createTableInput(DIRECTORY_TABLE, 'local') },
        { logicalId: USERS_TABLE_ID, local: createTableInput(USERS_TABLE, 'local') },
      ];
      for (const { logicalId, local } of cases) {
        const deployed = tables[logicalId]?.Properties ?? {};
        const byName = (a: { AttributeName?: string }, b: { AttributeName?: string }) =>
          String(a.AttributeName).localeCompare(String(b.AttributeName));
        // Assess
        expect(deployed.KeySchema).toEqual(local.KeySchema);
        expect([...(deployed.AttributeDefinitions as [])].sort(byName)).toEqual(
          [...(local.AttributeDefinitions ?? [])].sort(byName),
        );
        expect(deployed.GlobalSecondaryIndexes).toEqual(local.GlobalSecondaryIndexes);
        expect(deployed.BillingMode).toBe(local.BillingMode);
      }
    });

    it("the directory has the sparse indexes of the board: 'present', 'presentByCompany' and 'left'", () => {
      // Assess
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'present',
            KeySchema: [
              { AttributeName: 'presentPk', KeyType: 'HASH' },
              { AttributeName: 'presentSk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'presentByCompany',
            KeySchema: [
              { AttributeName: 'presentCompanyPk', KeyType: 'HASH' },
              { AttributeName: 'presentSk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'left',
            KeySchema: [
              { AttributeName: 'leftPk', KeyType: 'HASH' },
              { AttributeName: 'leftSk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      });
    });

    it("the users table has the persistence adapter's format: a string partition key 'id' alone", () => {
      // Assess
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        GlobalSecondaryIndexes: Match.absent(),
      });
    });

    it('both tables bill on demand, keep point-in-time recovery, refuse deletion and are retained', () => {
      // Assess
      for (const logicalId of [DIRECTORY_TABLE_ID, USERS_TABLE_ID]) {
        expect(template.toJSON().Resources[logicalId]).toMatchObject({
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: {
            BillingMode: 'PAY_PER_REQUEST',
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          },
        });
      }
    });
  });

  describe('function', () => {
    it('runs on nodejs22.x and arm64, answering before Alexa gives up at 8 seconds', () => {
      // Prepare
      const fn = onlyResource('AWS::Lambda::Function').Properties;
      // Assess
      expect(fn).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Handler: 'index.handler' });
      expect(fn.Timeout).toBeLessThan(8);
      expect(fn.MemorySize).toBe(512);
    });

    it('gets exactly the environment of the contract, and never a local DynamoDB endpoint', () => {
      // Prepare
      const fn = onlyResource('AWS::Lambda::Function').Properties as { Environment: { Variables: object } };
      // Assess
      expect(fn.Environment.Variables).toEqual({
        DIRECTORY_TABLE: { Ref: DIRECTORY_TABLE_ID },
        USERS_TABLE: { Ref: USERS_TABLE_ID },
        SKILL_ID,
        OFFICE_TIME_ZONE: 'America/Chicago',
        // Not set in the fixture: the country of its time zone.
        OFFICE_COUNTRY: 'US',
        LOG_LEVEL: 'WARN',
        OFFICE_CLOSING_TIME: '19:00',
        PERSONAL_DEVICES: 'false',
        EVENT_BUS_NAME: { Ref: BUS_ID },
        VISITOR_RETENTION_DAYS: '30',
        OFFICE_PHONE: '',
        // The fixture deploys no delivery: nobody can be told.
        HOST_NOTIFICATIONS: 'none',
      });
    });

    it.each([
      ['email', { senderEmail: 'desk@example.com' }],
      ['chat', { chatWebhookUrl: 'https://chat.example.com/hook' }],
      ['email,chat', { senderEmail: 'desk@example.com', chatWebhookUrl: 'https://chat.example.com/hook' }],
    ])(
      'tells the skill the channels it deploys (%s), so a visitor hears "I\'ve let them know" only through one',
      (channels, delivery) => {
        const { stack } = buildStack({ backend: { skillId: SKILL_ID, delivery } });
        const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function', {
          Properties: { Environment: { Variables: { SKILL_ID } } },
        });

        const [skill] = Object.values(functions) as {
          Properties: { Environment: { Variables: Record<string, unknown> } };
        }[];

        expect(Object.keys(functions)).toHaveLength(1);
        expect(skill?.Properties.Environment.Variables.HOST_NOTIFICATIONS).toBe(channels);
        expect(
          loadConfig({
            DIRECTORY_TABLE: 'd',
            USERS_TABLE: 'u',
            EVENT_BUS_NAME: 'b',
            HOST_NOTIFICATIONS: channels,
          }).hostNotifications,
        ).toEqual(channels.split(','));
      },
    );

    it('has a value for every variable the skill reads, except the local store endpoint', () => {
      // Prepare
      const fn = onlyResource('AWS::Lambda::Function').Properties as { Environment: { Variables: object } };
      const deployed = Object.entries(ConfigVariables)
        .filter(([setting]) => !(LocalOnlySettings as string[]).includes(setting))
        .map(([, variable]) => variable);
      // Assess
      expect(Object.keys(fn.Environment.Variables).sort()).toEqual(deployed.sort());
    });

    it("logs JSON to its own log group, kept for a month, and Lambda's level filter never hides the metric lines", () => {
      // Prepare
      const fn = onlyResource('AWS::Lambda::Function').Properties;
      const logGroups = template.findResources('AWS::Logs::LogGroup');
      const [logGroupId] = Object.keys(logGroups);
      // Assess: LOG_LEVEL is WARN here, yet Lambda keeps INFO lines, as the EMF lines are INFO.
      expect(Object.keys(logGroups)).toHaveLength(1);
      expect(fn.LoggingConfig).toEqual({
        LogGroup: { Ref: logGroupId },
        LogFormat: 'JSON',
        ApplicationLogLevel: 'INFO',
        SystemLogLevel: 'INFO',
      });
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    });

    it('only the given skill can invoke the function', () => {
      // Prepare
      const permission = onlyResource('AWS::Lambda::Permission').Properties;
      // Assess
      expect(permission).toEqual({
        Action: 'lambda:InvokeFunction',
        FunctionName: arnOf(Object.keys(template.findResources('AWS::Lambda::Function'))[0] ?? ''),
        Principal: 'alexa-appkit.amazon.com',
        EventSourceToken: SKILL_ID,
      });
    });

    it('a timeout of 8 seconds or more is refused, since Alexa has given up by then', () => {
      // Act
      const build = () => buildStack({ backend: { timeout: Duration.seconds(8) } });
      // Assess
      expect(build).toThrow(/under Alexa's 8 seconds/);
    });
  });

  describe('permissions', () => {
    it("the function's role never allows Scan or a wildcard action, and gets no managed policy", () => {
      // Prepare
      const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
      const actions = policies.flatMap((policy) =>
        (
          policy.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[] }> }
        ).Statement.flatMap((statement) => [statement.Action].flat()),
      );
      // Assess
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((action) => /Scan|\*/.test(action))).toEqual([]);
      template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    });

    it('the skill and end of day run as a role that may put events on the bus EVENT_BUS_NAME names, and on no other', () => {
      // Prepare: the functions given EVENT_BUS_NAME, and what their roles may do with EventBridge.
      type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
      const publishers = (
        Object.values(template.findResources('AWS::Lambda::Function')) as Resource[]
      ).filter(({ Properties: p }) => JSON.stringify(p.Environment ?? {}).includes('EVENT_BUS_NAME'));
      const grants = publishers.map(({ Properties: p }) => {
        const busName = (p.Environment as { Variables: Record<string, unknown> }).Variables.EVENT_BUS_NAME;
        const roleId = (p.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
        const role = template.toJSON().Resources[roleId ?? ''] as Resource;
        const documents = [
          ...(Object.values(template.findResources('AWS::IAM::Policy')) as Resource[])
            .filter((policy) =>
              JSON.stringify(policy.Properties.Roles).includes(JSON.stringify({ Ref: roleId })),
            )
            .map((policy) => policy.Properties.PolicyDocument),
          ...((role.Properties.Policies ?? []) as Array<{ PolicyDocument: unknown }>).map(
            (policy) => policy.PolicyDocument,
          ),
        ] as Array<{ Statement: Statement[] }>;
        const onEvents = documents
          .flatMap((document) => document.Statement)
          .filter((statement) => [statement.Action].flat().some((action) => /^(events:.*|\*)$/.test(action)));
        return { handler: p.Handler, busName, onEvents };
      });
      // Assess: EVENT_BUS_NAME is a Ref to an event bus (the Ref of one is its name), the same for
      // both, and the role's only EventBridge grant is PutEvents on that bus's ARN.
      expect(grants.map((grant) => grant.handler).sort()).toEqual(['index.endOfDay', 'index.handler']);
      const busIds = grants.map((grant) => (grant.busName as { Ref?: string }).Ref ?? '');
      expect(new Set(busIds).size).toBe(1);
      for (const [index, grant] of grants.entries()) {
        const busId = busIds[index] ?? '';
        expect(template.toJSON().Resources[busId]?.Type).toBe('AWS::Events::EventBus');
        expect(grant.onEvents).toEqual([
          { Action: 'events:PutEvents', Effect: 'Allow', Resource: arnOf(busId) },
        ]);
      }
    });

    it('the admin tools get a managed policy of their own: Scan and batch writes on the directory alone', () => {
      // Prepare
      const policy = onlyResource('AWS::IAM::ManagedPolicy').Properties as {
        PolicyDocument: { Statement: Array<Record<string, unknown>> };
      };
      // Assess
      expect(policy.PolicyDocument.Statement).toEqual([
        expect.objectContaining({ Effect: 'Allow', Resource: arnOf(DIRECTORY_TABLE_ID) }),
      ]);
      template.hasOutput('AdminPolicyArn', { Value: { Ref: Match.stringLikeRegexp('^AdminPolicy') } });
    });
  });

  describe('alarms', () => {
    it('watch errors, throttles, p99 duration at 80% of the timeout, the apologies users hear and events not published', () => {
      // Prepare
      const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
      const summary = alarms
        .map(({ Properties: p }) => [
          p.Namespace,
          p.MetricName,
          JSON.stringify(p.Dimensions ?? []).includes('access-denied') ? 'access-denied' : '',
          p.Statistic ?? p.ExtendedStatistic,
          p.Threshold,
          p.EvaluationPeriods,
        ])
        .sort();
      // Assess
      expect(summary).toEqual([
        ['AWS/Lambda', 'Duration', '', 'p99', 5600, 1],
        ['AWS/Lambda', 'Errors', '', 'Sum', 1, 1],
        ['AWS/Lambda', 'Errors', '', 'Sum', 1, 1],
        ['AWS/Lambda', 'Throttles', '', 'Sum', 1, 1],
        // The visitor desk's dead-letter queue: a host was not told.
        ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', '', 'Maximum', 1, 1],
        // End of day's failure queue: a run failed every retry (end-of-day.test.ts).
        ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', '', 'Maximum', 1, 1],
        ['FrontDesk', 'Apologies', '', 'Sum', 3, 1],
        ['FrontDesk', 'Apologies', 'access-denied', 'Sum', 1, 1],
        // A change nobody was told about, in any 5 minutes of the last hour
        // (events-not-published-alarm.test.ts).
        ['FrontDesk', 'EventsNotPublished', '', 'Sum', 1, 12],
      ]);
      template.allResourcesProperties('AWS::CloudWatch::Alarm', { Period: 300 });
    });

    it('all notify the alarm topic, which has no subscriber unless an address is given', () => {
      // Prepare
      const topicId = Object.keys(template.findResources('AWS::SNS::Topic'))[0];
      // Assess
      template.resourceCountIs('AWS::SNS::Subscription', 0);
      template.allResourcesProperties('AWS::CloudWatch::Alarm', {
        AlarmActions: [{ Ref: topicId }],
        OKActions: [{ Ref: topicId }],
      });
      template.hasOutput('AlarmTopicArn', { Value: { Ref: topicId } });
    });

    it("are every alarm in the template, each listed in the backend's alarms and notifying the topic", () => {
      // Prepare: every optional delivery on, so every alarm the backend can create is there.
      const { stack } = buildStack({
        backend: {
          skillId: SKILL_ID,
          delivery: { senderEmail: 'desk@example.com', chatWebhookUrl: 'https://chat.example.com/hook' },
        },
      });
      const full = Template.fromStack(stack);
      const [topicId] = Object.keys(full.findResources('AWS::SNS::Topic'));
      // Act
      const inTemplate = Object.keys(full.findResources('AWS::CloudWatch::Alarm')).sort();
      const listed = stack.backend.alarms
        .map((alarm) => stack.getLogicalId(alarm.node.defaultChild as CfnAlarm))
        .sort();
      const notifying = Object.keys(
        full.findResources('AWS::CloudWatch::Alarm', {
          Properties: { AlarmActions: [{ Ref: topicId }], OKActions: [{ Ref: topicId }] },
        }),
      ).sort();
      const deadLetters = Object.keys(
        full.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'AWS/SQS' } }),
      );
      // Assess: the delivery's dead-letter alarm (a host was not told) and end of day's failure
      // queue alarm (a run failed every retry) among them.
      expect(deadLetters).toHaveLength(2);
      expect(listed).toEqual(expect.arrayContaining(deadLetters));
      expect(listed).toEqual(inTemplate);
      expect(notifying).toEqual(inTemplate);
    });

    it('a dashboard shows requests by intent, apologies by reason, store time p99 and cold starts', () => {
      // Prepare
      const body = JSON.stringify(onlyResource('AWS::CloudWatch::Dashboard').Properties.DashboardBody);
      // Assess
      for (const shown of [
        'Requests by intent',
        "SEARCH('{FrontDesk,Intent}",
        'Apologies users heard, by reason',
        'access-denied',
        'store-unavailable',
        'StoreTime',
        'p99',
        'ColdStarts',
      ]) {
        expect(body).toContain(shown);
      }
    });

    it('email the given address, which SNS asks to confirm', () => {
      // Prepare
      const { stack } = buildStack({ alarmEmail: 'ops@example.com', backend: { skillId: SKILL_ID } });
      // Act
      const withTopic = Template.fromStack(stack);
      const [topicId] = Object.keys(withTopic.findResources('AWS::SNS::Topic'));
      // Assess
      withTopic.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: 'ops@example.com',
        TopicArn: { Ref: topicId },
      });
      withTopic.allResourcesProperties('AWS::CloudWatch::Alarm', {
        AlarmActions: [{ Ref: topicId }],
        OKActions: [{ Ref: topicId }],
      });
    });
  });

  it('outputs the function ARN the skill manifest needs, and the table names the importer needs', () => {
    // Assess
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual([
      'AdminPolicyArn',
      'AlarmTopicArn',
      'DirectoryTableName',
      'FunctionArn',
      'FunctionName',
      'LogGroupName',
      'Region',
      'UsersTableName',
    ]);
    template.hasOutput('FunctionArn', {
      Value: arnOf(Object.keys(template.findResources('AWS::Lambda::Function'))[0] ?? ''),
    });
  });
});
