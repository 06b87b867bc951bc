import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { Alarm, IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { DestinationConfig, IDestination, IFunction } from 'aws-cdk-lib/aws-lambda';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { frontDeskAlarm } from './alarms';

export interface FailureQueueProps {
  /**
   * Why the queue has no dead-letter queue of its own, acknowledged on it as cdk-nag's
   * AwsSolutions-SQS3: what lands here and who watches it.
   */
  readonly noDeadLetterQueueReason: string;
  /** What the alarm tells the operator when anything is in the queue. */
  readonly alarmDescription: string;
  /** Where the alarm notifies. @default - nowhere (visible in CloudWatch) */
  readonly alarmAction?: IAlarmAction | undefined;
}

export interface FailureQueue {
  readonly queue: Queue;
  /** Fires when anything is visible in the queue, in any 5 minutes. */
  readonly alarm: Alarm;
}

/**
 * Where work that failed every retry is parked, and the alarm that sees it: an SQS queue that keeps
 * messages 14 days (the most SQS allows) for an operator to read and redrive, encrypted with
 * SQS-managed keys (nothing to grant to whoever sends), reachable over TLS only, and kept when the
 * stack is deleted; an alarm at one visible message. `queueId` and `alarmId` are the constructs' IDs
 * in `scope`.
 */
export function failureQueue(
  scope: Construct,
  ids: { readonly queueId: string; readonly alarmId: string },
  props: FailureQueueProps,
): FailureQueue {
  const queue = new Queue(scope, ids.queueId, {
    retentionPeriod: Duration.days(14),
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: props.noDeadLetterQueueReason });
  const alarm = frontDeskAlarm(scope, ids.alarmId, {
    description: props.alarmDescription,
    metric: queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    }),
    threshold: 1,
    action: props.alarmAction,
  });
  return { queue, alarm };
}

/**
 * A Lambda asynchronous invocation's destination on an SQS queue, which gives the function's role
 * `sqs:SendMessage` on that queue and nothing else: what Lambda needs to deliver the record, as
 * for a function's dead-letter queue. (`SqsDestination` of aws-lambda-destinations grants
 * `sqs:GetQueueAttributes` and `sqs:GetQueueUrl` too, which the delivery does not use.)
 */
export class SendOnlyQueueDestination implements IDestination {
  public constructor(private readonly queue: IQueue) {}

  public bind(_scope: Construct, fn: IFunction): DestinationConfig {
    fn.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }),
    );
    return { destination: this.queue.queueArn };
  }
}
