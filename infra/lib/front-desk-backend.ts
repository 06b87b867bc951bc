import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { Alarm, Dashboard, IAlarmAction, IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import {
  type Config,
  ConfigVariables,
  DEFAULT_OFFICE_TIME_ZONE,
  DEFAULT_VISITOR_RETENTION_DAYS,
  type LogLevel,
  LogLevels,
} from '../../lambda/src/config';
import { DEFAULT_CLOSING_TIME } from '../../lambda/src/domain/closing-time';
import { countryOfTimeZone, isCountryCode } from '../../lambda/src/domain/phone';
import { isTimeZone } from '../../lambda/src/domain/time-zones';
import {
  DIRECTORY_TABLE,
  type TableDefinition,
  USERS_TABLE,
} from '../../lambda/src/repositories/table-definitions';
import { LAMBDA_ENTRY } from '../../scripts/lambda-build-options';
import { frontDeskAlarm } from './alarms';
import { EndOfDay } from './end-of-day';
import { InfraError } from './errors';
import { jsonLogging } from './function-logging';
import { frontDeskFunction } from './lambda-bundling';
import { grantEventPublishing, grantRuntimeAccess } from './runtime-access';
import { addSkillDashboard } from './skill-dashboard';
import { apologiesFor, apologiesMetric, eventsNotPublishedMetric } from './skill-metrics';
import { addSkillTrigger } from './skill-trigger';
import { globalSecondaryIndexes, tableKeySchema } from './table-schema';
import { VisitorDelivery, type VisitorDeliveryProps } from './visitor-delivery';

/** Alexa gives up on a skill's response after 8 seconds. */
export const ALEXA_RESPONSE_LIMIT = Duration.seconds(8);

/** The duration alarm fires when p99 passes this share of the timeout. */
export const DURATION_ALARM_SHARE = 0.8;

/** The events-not-published alarm fires on a failure in any of this many 5-minute periods (an hour). */
const EVENTS_NOT_PUBLISHED_PERIODS = 12;

export interface FrontDeskBackendProps {
  /**
   * The Alexa skill ID (`amzn1.ask.skill...`). Becomes the trigger's event source token, so only
   * this skill can invoke the function, and the function's `SKILL_ID`, so it rejects other skills.
   * @default - no trigger (synth warns), unless `allowAnySkill`
   */
  readonly skillId?: string;
  /**
   * Adds an Alexa trigger without a skill ID: any skill that knows the ARN may invoke. Only for the
   * first deploy, when the skill does not exist yet (see docs/deploy.md). Cannot be combined with `skillId`.
   * @default false
   */
  readonly allowAnySkill?: boolean;
  /**
   * IANA time zone for times spoken when the device's own zone is unknown.
   * @default 'America/New_York'
   */
  readonly officeTimeZone?: string;
  /**
   * The office's country (ISO 3166 alpha-2): phone numbers of that country are said in their
   * national form, others in their international form.
   * @default the country of `officeTimeZone` (see lambda/src/domain/phone.ts), else 'US'
   */
  readonly officeCountry?: string;
  /** @default 'INFO' */
  readonly logLevel?: LogLevel;
  /**
   * Memory in MB, which also sets the CPU share. 512 MB gives cold starts about a third of a vCPU
   * for a small bundle; requests wait on DynamoDB, not CPU, so more memory buys little.
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * Must stay under Alexa's 8 seconds: past that Alexa has already given up, and a longer
   * timeout would only hide the failure from the Errors alarm.
   * @default Duration.seconds(7)
   */
  readonly timeout?: Duration;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /**
   * The apologies alarm fires when users heard at least this many apologies in 5 minutes. An
   * office skill answers a few requests an hour, so a handful is already everyone's experience.
   * @default 3
   */
  readonly apologiesAlarmThreshold?: number;
  /**
   * Where the alarms notify.
   * @default - alarms are created and visible in CloudWatch, but notify no one
   */
  readonly alarmTopic?: ITopic;
  /**
   * The handler's source file, which exports `handler`. Tests point it at a small fixture.
   * @default 'lambda/src/index.ts'
   */
  readonly entry?: string;
  /**
   * `OFFICE_CLOSING_TIME`: when end of day checks everyone out, `HH:MM` in `officeTimeZone`.
   * @default '19:00'
   */
  readonly officeClosingTime?: string;
  /**
   * `PERSONAL_DEVICES`: the office's Echo devices each belong to one person, so an account may
   * stand for "me" when Alexa recognises no voice. Leave false for a shared front-desk Echo.
   * @default false
   */
  readonly personalDevices?: boolean;
  /**
   * The visitor desk's delivery: the host's email sender and the office's words, a chat webhook.
   * @default - the bus and its dead-letter queue only
   */
  readonly delivery?: Omit<VisitorDeliveryProps, 'alarmAction' | 'officeTimeZone'>;
  /**
   * How many days visits are kept (the directory table's TTL).
   * @default 30
   */
  readonly visitorRetentionDays?: number;
  /**
   * The office's front-desk number, for a visitor whose host could not be told and has no phone.
   * @default - none: the visitor is asked to find someone at the front desk
   */
  readonly officePhone?: string;
}

/**
 * Front Desk's backend: the directory and users tables, the skill's Lambda with exactly the access
 * it needs, its Alexa trigger and its alarms.
 *
 * The construct IDs `DirectoryTable` and `UsersTable` are a contract: changing them replaces the
 * tables (the old ones are retained, so the data is not lost, but the skill would start empty).
 */
export class FrontDeskBackend extends Construct {
  public readonly directoryTable: Table;
  public readonly usersTable: Table;
  public readonly handler: NodejsFunction;
  public readonly logGroup: LogGroup;
  /**
   * Every alarm the backend creates: the skill function's, events the skill or end of day could not
   * publish, the visitor delivery's dead letters, end of day's failures and its runs that failed
   * every retry. Each notifies
   * `alarmTopic`, when one is given, on alarm and on OK.
   */
  public readonly alarms: Alarm[];
  public readonly dashboard: Dashboard;
  public readonly endOfDay: EndOfDay;
  /** The event bus the skill publishes to, and what hangs off it. */
  public readonly delivery: VisitorDelivery;

  public constructor(scope: Construct, id: string, props: FrontDeskBackendProps = {}) {
    super(scope, id);
    const timeout = props.timeout ?? Duration.seconds(7);
    if (timeout.toMilliseconds() >= ALEXA_RESPONSE_LIMIT.toMilliseconds()) {
      throw new InfraError(`The timeout must be under Alexa's 8 seconds, not ${timeout.toHumanString()}`);
    }
    const officeTimeZone = props.officeTimeZone ?? DEFAULT_OFFICE_TIME_ZONE;
    if (!isTimeZone(officeTimeZone)) throw new InfraError(`"${officeTimeZone}" is not an IANA time zone`);
    const officeCountry = (props.officeCountry ?? countryOfTimeZone(officeTimeZone)).toUpperCase();
    if (!isCountryCode(officeCountry))
      throw new InfraError(`"${officeCountry}" is not a two-letter country code`);
    const logLevel = props.logLevel ?? 'INFO';
    if (!LogLevels.includes(logLevel))
      throw new InfraError(`LOG_LEVEL must be one of ${LogLevels.join(', ')}`);
    const officeClosingTime = props.officeClosingTime ?? DEFAULT_CLOSING_TIME;
    const alarmAction = props.alarmTopic ? new SnsAction(props.alarmTopic) : undefined;

    this.directoryTable = this.statefulTable('DirectoryTable', DIRECTORY_TABLE);
    this.usersTable = this.statefulTable('UsersTable', USERS_TABLE);

    this.logGroup = new LogGroup(this, 'HandlerLogs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new Role(this, 'HandlerRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Front Desk skill: its own log group and exactly the table actions the skill performs',
    });
    this.logGroup.grantWrite(role);
    grantRuntimeAccess(role, { directory: this.directoryTable, users: this.usersTable });
    this.delivery = new VisitorDelivery(this, 'Delivery', {
      ...props.delivery,
      officeTimeZone,
      ...(alarmAction ? { alarmAction } : {}),
    });
    grantEventPublishing(role, this.delivery.bus);
    // The skill's configuration. End of day reads the same, without the skill ID, and publishes its
    // check-outs and signs visitors out on the same bus.
    const settings = {
      directoryTable: this.directoryTable.tableName,
      usersTable: this.usersTable.tableName,
      officeTimeZone,
      officeCountry,
      logLevel,
      skillId: props.skillId,
      officeClosingTime,
      personalDevices: props.personalDevices ?? false,
      eventBusName: this.delivery.bus.eventBusName,
      visitorRetentionDays: props.visitorRetentionDays ?? DEFAULT_VISITOR_RETENTION_DAYS,
      // Empty when the office gave none: every variable the skill reads has a value in the stack.
      officePhone: props.officePhone ?? '',
      // What the visitor may be told: "I've let your host know" only through a channel deployed here.
      hostNotifications: this.delivery.channels.length > 0 ? this.delivery.channels.join(',') : 'none',
    };

    this.handler = frontDeskFunction(this, 'Handler', {
      description: 'Front Desk Alexa skill',
      entry: props.entry ?? LAMBDA_ENTRY,
      handler: 'handler',
      memorySize: props.memorySize ?? 512,
      timeout,
      role,
      logGroup: this.logGroup,
      ...jsonLogging(logLevel),
      environment: this.environmentOf(settings),
      runtimePinReason:
        'The runtime is pinned to nodejs22.x on purpose: the bundle targets node22 and the tests and benchmarks ' +
        'run against it (scripts/lambda-build-options.ts). Moving to a newer runtime is a deliberate change there.',
    });
    addSkillTrigger(this.handler, { skillId: props.skillId, allowAnySkill: props.allowAnySkill });

    const skillAlarms = this.createAlarms(timeout, props.apologiesAlarmThreshold ?? 3, alarmAction);
    this.dashboard = addSkillDashboard(this, 'Dashboard', this.handler);
    // End of day (issue 18): its own function, schedule, scheduler role and alarm (end-of-day.ts).
    this.endOfDay = new EndOfDay(this, 'EndOfDay', {
      role,
      // Without SKILL_ID: end of day answers no skill request.
      environment: this.environmentOf({ ...settings, skillId: undefined }),
      officeTimeZone,
      closingTime: officeClosingTime,
      logGroup: this.logGroup,
      logLevel,
      alarmAction,
      ...(props.entry ? { entry: props.entry } : {}),
    });
    this.alarms = [
      ...skillAlarms,
      this.delivery.deadLetterAlarm,
      this.endOfDay.failureAlarm,
      this.endOfDay.failedRunAlarm,
    ];
  }

  /** The function's environment, named by the variables `loadConfig` reads (lambda/src/config.ts). */
  private environmentOf(
    settings: Omit<
      Config,
      'dynamoDbEndpoint' | 'eventBridgeEndpoint' | 'officePhone' | 'officeClosingTime' | 'hostNotifications'
    > & {
      readonly officePhone: string;
      readonly officeClosingTime: string;
      readonly hostNotifications: string;
    },
  ): Record<string, string> {
    const environment: Record<string, string> = {};
    for (const [setting, value] of Object.entries(settings)) {
      if (value !== undefined) environment[ConfigVariables[setting as keyof Config]] = String(value);
    }
    return environment;
  }

  private statefulTable(id: string, definition: TableDefinition): Table {
    const table = new Table(this, id, {
      ...tableKeySchema(definition),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      ...(definition.timeToLiveAttribute ? { timeToLiveAttribute: definition.timeToLiveAttribute } : {}),
    });
    for (const index of globalSecondaryIndexes(definition)) table.addGlobalSecondaryIndex(index);
    return table;
  }

  private createAlarms(
    timeout: Duration,
    apologiesThreshold: number,
    action: IAlarmAction | undefined,
  ): Alarm[] {
    const period = Duration.minutes(5);
    const alarm = (
      id: string,
      description: string,
      metric: IMetric,
      threshold: number,
      evaluationPeriods?: number,
    ): Alarm =>
      frontDeskAlarm(this, id, {
        description,
        metric,
        threshold,
        action,
        ...(evaluationPeriods ? { evaluationPeriods } : {}),
      });
    const nearTimeout = Math.round(timeout.toMilliseconds() * DURATION_ALARM_SHARE);
    return [
      alarm(
        'ErrorsAlarm',
        'The skill function failed (unhandled error or timeout): users heard Alexa say the skill did not respond.',
        this.handler.metricErrors({ period, statistic: 'Sum' }),
        1,
      ),
      alarm(
        'ThrottlesAlarm',
        'The skill function was throttled: requests were refused before the skill ran.',
        this.handler.metricThrottles({ period, statistic: 'Sum' }),
        1,
      ),
      alarm(
        'DurationAlarm',
        `p99 duration passed ${nearTimeout} ms, ${DURATION_ALARM_SHARE * 100}% of the timeout: responses are close to being cut off.`,
        this.handler.metricDuration({ period, statistic: 'p99' }),
        nearTimeout,
      ),
      // The skill answers every store failure with an apology, so an outage shows as zero Lambda
      // errors: this counts what users heard instead (the skill's own EMF metric).
      alarm(
        'ApologiesAlarm',
        `Users heard ${apologiesThreshold} or more apologies in 5 minutes instead of answers (store unavailable, timeouts, refused calls or bugs): see the dashboard for the reasons.`,
        apologiesMetric(),
        apologiesThreshold,
      ),
      alarm(
        'AccessDeniedAlarm',
        "A store call was refused by IAM: the function's role lacks a permission the code needs. Every such request fails until the stack is fixed.",
        apologiesFor('access-denied'),
        1,
      ),
      // A failed publish never undoes the change (a visitor hears the host was not told; a
      // check-in's answer makes no claim about the event), so nothing else fails: a wrong bus name, a refused events:PutEvents or throttling show only
      // here. It reads the total (no dimension), which the skill and end of day both write.
      // At 1: each count is a host or a listener that was not told, PutEvents gets one attempt and
      // the bus's quota is far above an office's traffic, so even one is worth a look. Missing data
      // is not breaching, as the metric is only written on a failure. Any one of the last 12
      // periods (an hour) keeps it firing: with a few changes an hour, a broken bus fails every one
      // of them but leaves quiet periods between, and one period would send OK (as if fixed) after
      // each; it is OK again after an hour without a failure.
      alarm(
        'EventsNotPublishedAlarm',
        "An accepted change (a check-in or out, a visitor arriving or leaving) could not be published to EventBridge in the last hour: the change stands, but the host or listener was not told. Check the bus name, the role's events:PutEvents and throttling; see the dashboard for the event types.",
        eventsNotPublishedMetric(),
        1,
        EVENTS_NOT_PUBLISHED_PERIODS,
      ),
    ];
  }
}
