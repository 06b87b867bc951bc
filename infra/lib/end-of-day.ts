import { Duration, Stack } from 'aws-cdk-lib';
import type { Alarm, IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { type IRole, PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { LogLevel } from '../../lambda/src/config';
import { parseClockTime } from '../../lambda/src/domain/closing-time';
import { isTimeZone } from '../../lambda/src/domain/time-zones';
import { LAMBDA_ENTRY } from '../../scripts/lambda-build-options';
import { frontDeskAlarm } from './alarms';
import { InfraError } from './errors';
import { failureQueue, SendOnlyQueueDestination } from './failure-queue';
import { jsonLogging } from './function-logging';
import { frontDeskFunction } from './lambda-bundling';

export interface EndOfDayProps {
  /**
   * The role the job runs as: the skill's runtime role, so the table grants live in one place
   * (`runtime-access.ts`) and end of day may do exactly what the skill's check-outs do.
   */
  readonly role: IRole;
  /**
   * The skill function's environment (tables, `OFFICE_TIME_ZONE`, ...); the job reads the same config.
   * Its `OFFICE_CLOSING_TIME` is `closingTime`, the time the job clears the board for.
   */
  readonly environment: Readonly<Record<string, string>>;
  /** IANA zone the schedule's clock runs in, so daylight saving moves the UTC time, not the local one. */
  readonly officeTimeZone: string;
  /** `HH:MM` on the office's clocks: when the schedule runs the job. */
  readonly closingTime: string;
  /** @default - the function's own log group */
  readonly logGroup?: ILogGroup;
  /**
   * The job's `LOG_LEVEL` (also in `environment`): Lambda's level filter follows it, as the skill's does.
   * @default 'INFO'
   */
  readonly logLevel?: LogLevel;
  /** Where the failure alarm notifies. @default - nobody (visible in CloudWatch) */
  readonly alarmAction?: IAlarmAction;
  /** The bundle's entry, which exports `endOfDay`. Tests point it at a fixture. @default 'lambda/src/index.ts' */
  readonly entry?: string;
}

/**
 * How long a run may still start after closing time, for Scheduler (delivering the invocation to
 * Lambda) and for Lambda (running it from its asynchronous queue, throttled or retrying): the job
 * clears the board for the scheduled closing time however late it runs, but after this, someone
 * should look instead.
 */
const END_OF_DAY_MAX_EVENT_AGE = Duration.hours(2);
/**
 * Lambda runs a failed run again this many times (the most it allows), a minute and then two
 * minutes after the failure: safe, since a rerun only finishes what the last one left.
 */
const END_OF_DAY_RETRY_ATTEMPTS = 2;

/**
 * End of day: the bundle's `endOfDay` handler as a function of its own (the skill's must answer
 * within Alexa's 8 seconds; this one may take minutes), invoked by an EventBridge Scheduler
 * schedule at closing time in the office's time zone. The schedule's role may only invoke that
 * function. Scheduler invokes it asynchronously, so its retry policy only covers handing the
 * invocation to Lambda; a run that fails (the job fails the invocation when it leaves anyone in) is
 * retried by Lambda, then its record (the scheduled time and the error) goes to the failure queue.
 * One alarm fires on any failed run, another when a run failed every retry.
 */
export class EndOfDay extends Construct {
  public readonly handler: NodejsFunction;
  public readonly schedule: CfnSchedule;
  public readonly schedulerRole: Role;
  /** Fires on any failed run, retries included. */
  public readonly failureAlarm: Alarm;
  /** Where Lambda sends the record of a run that failed every retry. */
  public readonly failureQueue: Queue;
  /** Fires when a run failed every retry: the board was not cleared. */
  public readonly failedRunAlarm: Alarm;

  public constructor(scope: Construct, id: string, props: EndOfDayProps) {
    super(scope, id);
    const closingText = props.closingTime;
    const closing = parseClockTime(closingText);
    if (!closing) throw new InfraError(`The closing time must be HH:MM (24-hour), not "${closingText}"`);
    if (!isTimeZone(props.officeTimeZone)) {
      throw new InfraError(`"${props.officeTimeZone}" is not an IANA time zone`);
    }

    const failedRuns = failureQueue(
      this,
      { queueId: 'FailureQueue', alarmId: 'FailedRunAlarm' },
      {
        noDeadLetterQueueReason:
          "This queue holds the records of end-of-day runs that failed every retry (Lambda's on-failure " +
          'destination); an alarm watches it, and a dead-letter queue of its own would hide them from it.',
        alarmDescription:
          'End of day failed every retry: people may still show as in (or visitors as signed in). The failure ' +
          "queue holds the run's record (its scheduled time and error); see the logs, then run end of day by hand.",
        alarmAction: props.alarmAction,
      },
    );
    this.failureQueue = failedRuns.queue;
    this.failedRunAlarm = failedRuns.alarm;

    this.handler = frontDeskFunction(this, 'Function', {
      description: 'Front Desk end of day: checks out everyone still in at closing time',
      entry: props.entry ?? LAMBDA_ENTRY,
      handler: 'endOfDay',
      memorySize: 512,
      // Room for a big office: 5,000 people in took 17.4 s even on the embedded store
      // (`npm run bench:end-of-day`, docs/deploy.md), so this is slack for a throttled table.
      timeout: Duration.minutes(5),
      role: props.role,
      ...(props.logGroup ? { logGroup: props.logGroup } : {}),
      // JSON like the skill's, whose log group it usually shares (function-logging.ts).
      ...jsonLogging(props.logLevel ?? 'INFO'),
      // No reserved concurrency: a new account's limit of 10 leaves none to reserve, and two runs
      // at once are safe anyway (every check-out is a conditional write).
      environment: props.environment,
      // Asynchronous invocation (Scheduler's): Lambda's own retries of a failed run, then its record.
      // The destination's sqs:SendMessage lands on the role the job shares with the skill.
      retryAttempts: END_OF_DAY_RETRY_ATTEMPTS,
      maxEventAge: END_OF_DAY_MAX_EVENT_AGE,
      onFailure: new SendOnlyQueueDestination(this.failureQueue),
      runtimePinReason:
        'The runtime is pinned to nodejs22.x with the skill function (scripts/lambda-build-options.ts).',
    });

    // Written out rather than `grantInvoke`, which also allows every version and alias (`:*`):
    // this role may invoke this one function, and only from this account's schedules.
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description:
        'Front Desk end of day: EventBridge Scheduler may invoke the end-of-day function, nothing else',
      inlinePolicies: {
        InvokeEndOfDay: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: ['lambda:InvokeFunction'],
              resources: [this.handler.functionArn],
            }),
          ],
        }),
      },
    });
    this.schedule = new CfnSchedule(this, 'Schedule', {
      description: `Front Desk end of day at ${closingText} ${props.officeTimeZone}`,
      // On the office's clocks: Scheduler moves the UTC time when daylight saving starts or ends.
      scheduleExpression: `cron(${closing.minute} ${closing.hour} * * ? *)`,
      scheduleExpressionTimezone: props.officeTimeZone,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: this.handler.functionArn,
        roleArn: this.schedulerRole.roleArn,
        // The job clears the board for the closing time it was meant for, even on a late retry.
        input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        // Retries of handing the invocation to Lambda (throttled, unavailable), not of a failed run.
        retryPolicy: {
          maximumRetryAttempts: 3,
          maximumEventAgeInSeconds: END_OF_DAY_MAX_EVENT_AGE.toSeconds(),
        },
      },
    });

    this.failureAlarm = frontDeskAlarm(this, 'FailureAlarm', {
      description:
        'End of day failed: someone may still show as in (or a visitor as signed in). Lambda runs it again twice; check the logs.',
      metric: this.handler.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      action: props.alarmAction,
    });
  }
}
