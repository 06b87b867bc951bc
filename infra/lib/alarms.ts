import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { Alarm, ComparisonOperator, type IAlarmAction, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';

export interface FrontDeskAlarmProps {
  readonly description: string;
  readonly metric: IMetric;
  /** The alarm fires at this value or above, in one evaluation period. */
  readonly threshold: number;
  /**
   * How many of the metric's periods the alarm looks back over. It fires when any one of them
   * reached the threshold, and is OK again only once none of them did: more than one keeps the
   * alarm firing between the occasional failures of a skill that is used a few times an hour.
   * @default 1
   */
  readonly evaluationPeriods?: number;
  /** Where it notifies, both when it fires and when it is OK again. @default - nowhere */
  readonly action?: IAlarmAction | undefined;
}

/**
 * Every alarm of the stack has the same shape: at or above a threshold in one period (of the last
 * `evaluationPeriods`), missing data not breaching (an office skill is idle most of the day, and
 * end of day runs once a day: no data means nothing ran, not trouble), and the same action on
 * alarm and on OK.
 */
export function frontDeskAlarm(scope: Construct, id: string, props: FrontDeskAlarmProps): Alarm {
  const evaluationPeriods = props.evaluationPeriods ?? 1;
  const alarm = new Alarm(scope, id, {
    alarmDescription: props.description,
    metric: props.metric,
    threshold: props.threshold,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods,
    // One period at the threshold is enough, however many are looked back over.
    ...(evaluationPeriods > 1 ? { datapointsToAlarm: 1 } : {}),
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  if (props.action) {
    alarm.addAlarmAction(props.action);
    alarm.addOkAction(props.action);
  }
  return alarm;
}
