import { Template } from 'aws-cdk-lib/assertions';
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
