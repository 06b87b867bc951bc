import { Duration, RemovalPolicy, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import type { Alarm, IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import {
  ApiDestination,
  Authorization,
  Connection,
  EventBus,
  EventField,
  HttpMethod,
  Rule,
  RuleTargetInput,
} from 'aws-cdk-lib/aws-events';
import { ApiDestination as ApiDestinationTarget, LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { NOTIFIER_DEFAULTS } from '../../lambda/notifier/notifier-config';
import { EVENT_SOURCE } from '../../lambda/src/domain/events';
import type { HostChannel } from '../../lambda/src/domain/visit';
import { NOTIFIER_ENTRY } from '../../scripts/lambda-build-options';
import { InfraError } from './errors';
import { failureQueue } from './failure-queue';
import { jsonLogging } from './function-logging';
import { frontDeskFunction } from './lambda-bundling';

export interface VisitorDeliveryProps {
  /**
   * The SES identity hosts' emails are sent from (verified in SES). The notifier may send from
   * this address only.
   * @default - no email delivery (the bus, the DLQ and any chat delivery are still created)
   */
  readonly senderEmail?: string;
  /** The office's name, as the email signs it. @default 'the office' (the notifier's `NOTIFIER_DEFAULTS`) */
  readonly officeName?: string;
  /** Where hosts meet their visitors, as the email says it. @default 'the front desk' (`NOTIFIER_DEFAULTS`) */
  readonly meetingPlace?: string;
  /** The zone arrival times are written in. @default 'America/New_York' (`NOTIFIER_DEFAULTS`) */
  readonly officeTimeZone?: string;
  /**
   * A Slack-, Teams- or Chime-compatible incoming webhook: each arrival is posted to it through an
   * EventBridge API destination, with no code.
   * @default - no chat delivery
   */
  readonly chatWebhookUrl?: string;
  /** Where the dead-letter alarm notifies. @default - the alarm notifies no one */
  readonly alarmAction?: IAlarmAction;
  /** The notifier's source file (tests point it at a small fixture). @default 'lambda/notifier/index.ts' */
  readonly notifierEntry?: string;
}

/** How long EventBridge keeps retrying a delivery before the event goes to the dead-letter queue. */
const DELIVERY_MAX_EVENT_AGE = Duration.hours(2);
const DELIVERY_RETRY_ATTEMPTS = 8;

/**
 * Where Front Desk's events go once published (the skill gets the bus's name as `EVENT_BUS_NAME`
 * and may only put events on it, `runtime-access.ts`): its own event bus, and one rule per delivery of
 * `Visitor Arrived` (the host's email through the notifier Lambda and SES; a chat webhook through
 * an API destination). Failed deliveries are retried by EventBridge (and by Lambda's asynchronous
 * invocation for the notifier), then land in one SQS dead-letter queue with an alarm on it.
 *
 * The construct IDs `Bus` and `DeadLetterQueue` are a contract: other stacks' rules and an
 * operator's redrive name them.
 */
export class VisitorDelivery extends Construct {
  public readonly bus: EventBus;
  public readonly deadLetterQueue: Queue;
  public readonly notifier: NodejsFunction | undefined;
  public readonly deadLetterAlarm: Alarm;
  /** The channels this delivery reaches hosts by: what the skill may tell a visitor (`HOST_NOTIFICATIONS`). */
  public readonly channels: readonly HostChannel[];

  public constructor(scope: Construct, id: string, props: VisitorDeliveryProps) {
    super(scope, id);
    this.channels = [
      ...(props.senderEmail ? (['email'] as const) : []),
      ...(props.chatWebhookUrl ? (['chat'] as const) : []),
    ];
    if (props.chatWebhookUrl !== undefined && !/^https:\/\//.test(props.chatWebhookUrl)) {
      throw new InfraError('The chat webhook URL must be an https:// URL');
    }
    this.bus = new EventBus(this, 'Bus', { description: 'Front Desk: check-ins, check-outs and visits' });

    const deadLetters = failureQueue(
      this,
      { queueId: 'DeadLetterQueue', alarmId: 'DeadLetterAlarm' },
      {
        noDeadLetterQueueReason:
          'This queue is the dead-letter queue of the delivery rules and the notifier; an alarm watches it, and a ' +
          'dead-letter queue of its own would only move the same messages further from that alarm.',
        alarmDescription:
          'A visitor notification could not be delivered after every retry: the host was not told.',
        alarmAction: props.alarmAction,
      },
    );
    this.deadLetterQueue = deadLetters.queue;
    this.deadLetterAlarm = deadLetters.alarm;
    const delivery = {
      deadLetterQueue: this.deadLetterQueue,
      retryAttempts: DELIVERY_RETRY_ATTEMPTS,
      maxEventAge: DELIVERY_MAX_EVENT_AGE,
    };
    const arrivals = { source: [EVENT_SOURCE], detailType: ['Visitor Arrived'] };

    this.notifier = props.senderEmail
      ? this.emailDelivery(props, props.senderEmail, delivery, arrivals)
      : undefined;

    if (props.chatWebhookUrl) {
      const connection = new Connection(this, 'ChatConnection', {
        description: 'Chat webhooks authenticate by their URL; EventBridge requires some authorization',
        authorization: Authorization.apiKey('X-Front-Desk', SecretValue.unsafePlainText('webhook')),
      });
      const destination = new ApiDestination(this, 'ChatDestination', {
        connection,
        endpoint: props.chatWebhookUrl,
        httpMethod: HttpMethod.POST,
        rateLimitPerSecond: 1,
      });
      const message = `${EventField.fromPath('$.detail.visitor.name')} is at the front desk to see ${EventField.fromPath('$.detail.host.name')}.`;
      new Rule(this, 'ChatRule', {
        eventBus: this.bus,
        description: 'Posts each visitor arrival to the chat webhook',
        eventPattern: arrivals,
        // Slack and Teams read `text`, Chime reads `Content`.
        targets: [
          new ApiDestinationTarget(destination, {
            ...delivery,
            event: RuleTargetInput.fromObject({ text: message, Content: message }),
          }),
        ],
      });
    }
  }

  private emailDelivery(
    props: VisitorDeliveryProps,
    senderEmail: string,
    delivery: { deadLetterQueue: Queue; retryAttempts: number; maxEventAge: Duration },
    arrivals: { source: string[]; detailType: string[] },
  ): NodejsFunction {
    const logGroup = new LogGroup(this, 'NotifierLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Its own role, like the skill's: its log group and sending as the one sender, no managed policy.
    const role = new Role(this, 'NotifierRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Front Desk notifier: its own log group, and sending email from the configured identity',
    });
    logGroup.grantWrite(role);
    const notifier = frontDeskFunction(this, 'Notifier', {
      role,
      description: "Front Desk: emails a visitor's host through SES",
      entry: props.notifierEntry ?? NOTIFIER_ENTRY,
      handler: 'handler',
      memorySize: 256,
      timeout: Duration.seconds(10),
      logGroup,
      // Its outcome lines are JSON; Lambda's own lines (START, REPORT, a failed send) are too.
      ...jsonLogging('INFO'),
      environment: {
        SENDER_EMAIL: senderEmail,
        OFFICE_NAME: props.officeName ?? NOTIFIER_DEFAULTS.officeName,
        MEETING_PLACE: props.meetingPlace ?? NOTIFIER_DEFAULTS.meetingPlace,
        OFFICE_TIME_ZONE: props.officeTimeZone ?? NOTIFIER_DEFAULTS.timeZone,
      },
      // An SES failure is thrown: Lambda retries the asynchronous event, then parks it here.
      retryAttempts: 2,
      deadLetterQueue: this.deadLetterQueue,
      runtimePinReason:
        'The runtime is pinned to nodejs22.x, as the skill function is (scripts/lambda-build-options.ts).',
    });
    // Every identity of this account and region, not only the sender's: in the SES sandbox (where
    // every account starts) SES also authorizes the send on each recipient's verified identity, so
    // a grant on the sender alone is refused for every host ("not authorized to perform
    // ses:SendEmail on resource ...:identity/<host>"). The condition keeps it to this one sender.
    notifier.addToRolePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail'],
        resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })],
        conditions: { StringEquals: { 'ses:FromAddress': senderEmail } },
      }),
    );
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]',
      reason:
        "In the SES sandbox, SES authorizes a send on each recipient's identity as well as the sender's, " +
        'and the hosts are not known at deploy time; the ses:FromAddress condition limits it to the one sender.',
    });
    new Rule(this, 'EmailRule', {
      eventBus: this.bus,
      description: "Emails each visitor's host",
      eventPattern: arrivals,
      targets: [new LambdaFunction(notifier, delivery)],
    });
    return notifier;
  }
}
