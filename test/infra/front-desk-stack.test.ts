import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { DIRECTORY_TABLE, USERS_TABLE } from '../../lambda/src/repositories/table-definitions';
import { createTableInput } from '../../local/create-tables';
import { buildStack, SKILL_ID } from './stack-fixture';

// The logical IDs of the stateful resources are a contract: a change replaces the tables, and the
// deployed skill would start on empty ones (the old ones are retained, not deleted).
const DIRECTORY_TABLE_ID = 'BackendDirectoryTableA43D132E';
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

    it("the directory has the sparse 'present' index that answers who is in", () => {
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
        LOG_LEVEL: 'WARN',
      });
    });

    it('logs to its own log group, kept for a month', () => {
      // Prepare
      const fn = onlyResource('AWS::Lambda::Function').Properties;
      const logGroups = template.findResources('AWS::Logs::LogGroup');
      const [logGroupId] = Object.keys(logGroups);
      // Assess
      expect(Object.keys(logGroups)).toHaveLength(1);
      expect(fn.LoggingConfig).toEqual({ LogGroup: { Ref: logGroupId } });
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
    it("the function's role allows exactly the table actions the code performs, on exactly these tables", () => {
      // Prepare
      const policy = onlyResource('AWS::IAM::Policy').Properties as {
        PolicyDocument: { Statement: Array<Record<string, unknown>> };
      };
      const logGroupId = Object.keys(template.findResources('AWS::Logs::LogGroup'))[0] ?? '';
      // Assess
      expect(policy.PolicyDocument.Statement).toEqual([
        {
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Effect: 'Allow',
          Resource: arnOf(logGroupId),
        },
        {
          Sid: 'DirectoryTable',
          Action: [
            'dynamodb:BatchGetItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          Effect: 'Allow',
          Resource: arnOf(DIRECTORY_TABLE_ID),
        },
        {
          Sid: 'DirectoryIndexes',
          Action: 'dynamodb:Query',
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', [arnOf(DIRECTORY_TABLE_ID), '/index/present']] },
        },
        {
          Sid: 'UsersTable',
          Action: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem'],
          Effect: 'Allow',
          Resource: arnOf(USERS_TABLE_ID),
        },
      ]);
    });

    it('nothing in the stack allows Scan, a wildcard action, or comes from a managed policy', () => {
      // Prepare
      const json = JSON.stringify(template.toJSON());
      const actions = [...json.matchAll(/"Action":(\[[^\]]*\]|"[^"]*")/g)].flatMap((match) =>
        [JSON.parse(match[1] ?? '[]')].flat(),
      );
      // Assess
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((action: string) => /Scan|\*/.test(action))).toEqual([]);
      template.hasResourceProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    });
  });

  describe('alarms', () => {
    it('watch errors, throttles, and p99 duration at 80% of the timeout', () => {
      // Prepare
      const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
      const summary = alarms
        .map(({ Properties: p }) => [p.MetricName, p.Statistic ?? p.ExtendedStatistic, p.Threshold])
        .sort();
      // Assess
      expect(summary).toEqual([
        ['Duration', 'p99', 5600],
        ['Errors', 'Sum', 1],
        ['Errors', 'Sum', 1],
        ['Throttles', 'Sum', 1],
      ]);
    });

    it('notify no one unless an address is given', () => {
      // Assess
      template.resourceCountIs('AWS::SNS::Topic', 0);
      template.allResourcesProperties('AWS::CloudWatch::Alarm', { AlarmActions: Match.absent() });
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
