import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildStack, SKILL_ID } from './stack-fixture';

type Resource = { Type: string; Properties: Record<string, unknown> };

describe('end of day in the stack', () => {
  let template: Template;

  beforeAll(() => {
    // Prepare
    const { stack } = buildStack({
      backend: { skillId: SKILL_ID, officeTimeZone: 'Europe/Berlin', officeClosingTime: '18:30' },
    });
    // Act
    template = Template.fromStack(stack);
  });

  const one = (type: string, properties?: Record<string, unknown>): [string, Resource] => {
    const found = Object.entries(
      template.findResources(type, properties ? { Properties: properties } : undefined),
    ) as [string, Resource][];
    expect(found).toHaveLength(1);
    return found[0] as [string, Resource];
  };

  /** The job's asynchronous invocation config, and the queue its failed runs' records go to. */
  const asyncInvokeConfig = () => {
    const [jobId] = one('AWS::Lambda::Function', { Handler: 'index.endOfDay' });
    const [, config] = one('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: jobId } });
    const onFailure = (config.Properties.DestinationConfig as { OnFailure?: { Destination: unknown } })
      .OnFailure?.Destination as { 'Fn::GetAtt': [string, string] } | undefined;
    return { config, queueArn: onFailure, queueId: onFailure?.['Fn::GetAtt'][0] ?? '' };
  };

  it('runs the bundle’s endOfDay handler as a function of its own, with the skill’s role and time to finish', () => {
    // Prepare
    const [, job] = one('AWS::Lambda::Function', { Handler: 'index.endOfDay' });
    const [, skill] = one('AWS::Lambda::Function', { Handler: 'index.handler' });
    // Assess
    expect(job.Properties.Role).toEqual(skill.Properties.Role);
    expect(job.Properties.Timeout).toBe(300);
    expect((job.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      OFFICE_TIME_ZONE: 'Europe/Berlin',
      OFFICE_CLOSING_TIME: '18:30',
    });
  });

  it("logs JSON into the skill's log group, with Lambda's filters set as the skill's are", () => {
    // Prepare: LOG_LEVEL DEBUG, so both functions' application level follows it.
    const debug = Template.fromStack(buildStack({ backend: { skillId: SKILL_ID, logLevel: 'DEBUG' } }).stack);
    const loggingOf = (t: Template, handler: string) =>
      (
        Object.values(
          t.findResources('AWS::Lambda::Function', { Properties: { Handler: handler } }),
        )[0] as Resource
      ).Properties.LoggingConfig;
    const [logGroupId] = Object.keys(template.findResources('AWS::Logs::LogGroup'));
    // Assess: START, REPORT and "Invoke Error" are JSON lines among the job's own JSON lines.
    expect(loggingOf(template, 'index.endOfDay')).toEqual({
      LogGroup: { Ref: logGroupId },
      LogFormat: 'JSON',
      ApplicationLogLevel: 'INFO',
      SystemLogLevel: 'INFO',
    });
    expect(loggingOf(template, 'index.endOfDay')).toEqual(loggingOf(template, 'index.handler'));
    expect(loggingOf(debug, 'index.endOfDay')).toMatchObject({
      LogFormat: 'JSON',
      ApplicationLogLevel: 'DEBUG',
    });
    expect(loggingOf(debug, 'index.endOfDay')).toEqual(loggingOf(debug, 'index.handler'));
  });

  it('is scheduled at closing time on the office clocks, with the scheduled time as input', () => {
    // Prepare
    const [jobId] = one('AWS::Lambda::Function', { Handler: 'index.endOfDay' });
    const [, schedule] = one('AWS::Scheduler::Schedule');
    // Assess
    expect(schedule.Properties).toMatchObject({
      ScheduleExpression: 'cron(30 18 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      FlexibleTimeWindow: { Mode: 'OFF' },
      State: 'ENABLED',
    });
    const target = schedule.Properties.Target as Record<string, unknown>;
    expect(target.Arn).toEqual({ 'Fn::GetAtt': [jobId, 'Arn'] });
    expect(JSON.parse(String(target.Input))).toEqual({ scheduledTime: '<aws.scheduler.scheduled-time>' });
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 7200 });
  });

  it('gives the schedule a role that may only invoke the end-of-day function', () => {
    // Prepare
    const [jobId] = one('AWS::Lambda::Function', { Handler: 'index.endOfDay' });
    const [, schedule] = one('AWS::Scheduler::Schedule');
    const roleId =
      ((schedule.Properties.Target as { RoleArn: { 'Fn::GetAtt': string[] } }).RoleArn['Fn::GetAtt'] ??
        [])[0] ?? '';
    const role = template.toJSON().Resources[roleId] as Resource;
    // Assess
    const trust = (role.Properties.AssumeRolePolicyDocument as { Statement: Array<Record<string, unknown>> })
      .Statement;
    expect(trust).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ]);
    expect(role.Properties.Policies).toEqual([
      {
        PolicyName: 'InvokeEndOfDay',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: { 'Fn::GetAtt': [jobId, 'Arn'] } },
          ],
        },
      },
    ]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const attached = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
    expect(JSON.stringify(attached)).not.toContain(roleId);
  });

  it("alarms on the job's failures", () => {
    // Prepare
    const [jobId] = one('AWS::Lambda::Function', { Handler: 'index.endOfDay' });
    // Act
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    const jobAlarms = alarms.filter((alarm) =>
      JSON.stringify(alarm.Properties.Dimensions ?? []).includes(jobId),
    );
    // Assess
    expect(jobAlarms.map((alarm) => [alarm.Properties.MetricName, alarm.Properties.Threshold])).toEqual([
      ['Errors', 1],
    ]);
    expect(jobAlarms[0]?.Properties.TreatMissingData).toBe('notBreaching');
  });

  it("has Lambda run a failed job again twice, within Scheduler's window, then keep its record in an encrypted queue", () => {
    // Prepare
    const { config, queueArn, queueId } = asyncInvokeConfig();
    const [, schedule] = one('AWS::Scheduler::Schedule');
    const queue = template.toJSON().Resources[queueId] as Resource | undefined;
    const schedulerRetries = (schedule.Properties.Target as { RetryPolicy: Record<string, number> })
      .RetryPolicy;
    // Assess: Scheduler invokes asynchronously, so its retry policy only hands the invocation over;
    // Lambda's own retries of a failed run start no later than Scheduler may still deliver it.
    expect(config.Properties).toMatchObject({ Qualifier: '$LATEST', MaximumRetryAttempts: 2 });
    expect(config.Properties.MaximumEventAgeInSeconds).toBe(schedulerRetries.MaximumEventAgeInSeconds);
    expect(queueArn).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
    expect(queue?.Type).toBe('AWS::SQS::Queue');
    expect(queue?.Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 86400,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('alarms on any record of a failed run in the queue, to the alarm topic', () => {
    // Prepare
    const { queueId } = asyncInvokeConfig();
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    // Assess
    one('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Statistic: 'Maximum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: topicId }],
    });
  });

  it("gives the job's role sqs:SendMessage on the failure queue, which is all Lambda needs to deliver the record", () => {
    // Prepare
    const [, job] = one('AWS::Lambda::Function', { Handler: 'index.endOfDay' });
    const { queueArn } = asyncInvokeConfig();
    const roleId = (job.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[];
    // Act: every statement, in any policy, that names the queue.
    const onQueue = policies.flatMap((policy) =>
      (policy.Properties.PolicyDocument as { Statement: Array<Record<string, unknown>> }).Statement.filter(
        (statement) => JSON.stringify(statement.Resource) === JSON.stringify(queueArn),
      ).map((statement) => ({ roles: policy.Properties.Roles, statement })),
    );
    // Assess
    expect(queueArn).toBeDefined();
    expect(onQueue).toEqual([
      {
        roles: [{ Ref: roleId }],
        statement: { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: queueArn },
      },
    ]);
  });

  it('defaults to 19:00 and shared devices, and refuses a malformed closing time', () => {
    // Act
    const defaults = Template.fromStack(buildStack({ backend: { skillId: SKILL_ID } }).stack);
    const personal = Template.fromStack(
      buildStack({ backend: { skillId: SKILL_ID, personalDevices: true } }).stack,
    );
    // Assess
    defaults.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 19 * * ? *)',
      ScheduleExpressionTimezone: 'America/New_York',
    });
    const skillEnv = (t: Template) =>
      (
        Object.values(
          t.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }),
        )[0] as Resource
      ).Properties.Environment as { Variables: Record<string, unknown> };
    expect(skillEnv(defaults).Variables.PERSONAL_DEVICES).toBe('false');
    expect(skillEnv(personal).Variables.PERSONAL_DEVICES).toBe('true');
    expect(() => buildStack({ backend: { officeClosingTime: '7pm' } })).toThrow('HH:MM');
  });
});
