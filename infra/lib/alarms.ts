import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { Alarm, ComparisonOperator, type IAlarmAction, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';

export interface FrontDeskAlarmProps {
  readonly description: string;
  readonly metric: IMetric;
  /** The alarm fires at this value or above, in one evaluation period. */
  readonly threshold: number;
  /** Where it notifies, both when it fires and when it is OK again. @default - nowhere */
  readonly action?: IAlarmAction | undefined;
}

/**
 * Every alarm of the stack has the same shape: at or above a threshold in one period, missing data
 * not breaching (an office skill is idle most of the day, and end of day runs once a day: no data
 * means nothing ran, not trouble), and the same action on alarm and on OK.
 */
export function frontDeskAlarm(scope: Construct, id: string, props: FrontDeskAlarmProps): Alarm {
  const alarm = new Alarm(scope, id, {
    alarmDescription: props.description,
    metric: props.metric,
    threshold: props.threshold,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  if (props.action) {
    alarm.addAlarmAction(props.action);
    alarm.addOkAction(props.action);
  }
  return alarm;
}
