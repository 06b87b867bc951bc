import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ManagedPolicy } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { createAdminPolicy } from './admin-access';
import { FrontDeskBackend, type FrontDeskBackendProps } from './front-desk-backend';
import { StackOutputs } from './stack-names';

export interface FrontDeskStackProps extends StackProps {
  /** @default - the backend's defaults */
  readonly backend?: Omit<FrontDeskBackendProps, 'alarmTopic'>;
  /**
   * An address subscribed to the alarm topic (SNS asks it to confirm the subscription first).
   * @default - the topic has no subscriber: alarms show in CloudWatch, and anyone may subscribe later
   */
  readonly alarmEmail?: string;
}

/**
 * The deployable unit: the backend, the alarm topic, the admin tools' policy, and the outputs the
 * deploy script, the importer and the operator need. Environment-agnostic (no account or region, no lookups), so synth needs no
 * AWS credentials; the account and region come from the credentials at deploy time.
 */
export class FrontDeskStack extends Stack {
  public readonly backend: FrontDeskBackend;
  /** Every alarm notifies it, on alarm and back to OK; its subscribers come from deploy context. */
  public readonly alarmTopic: Topic;
  /** What the admin tools (import, export, model:sync) need; attach it to the admins' group. */
  public readonly adminPolicy: ManagedPolicy;

  public constructor(scope: Construct, id: string, props: FrontDeskStackProps = {}) {
    super(scope, id, {
      description: 'Front Desk: Alexa skill backend (Lambda, DynamoDB, alarms, dashboard)',
      ...props,
    });
    this.alarmTopic = new Topic(this, 'AlarmTopic', { displayName: 'Front Desk alarms', enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.backend = new FrontDeskBackend(this, 'Backend', { ...props.backend, alarmTopic: this.alarmTopic });

    new CfnOutput(this, StackOutputs.functionArn, {
      value: this.backend.handler.functionArn,
      description: "The skill's endpoint: skill.json manifest.apis.custom.endpoint.uri",
    });
    new CfnOutput(this, StackOutputs.functionName, { value: this.backend.handler.functionName });
    new CfnOutput(this, StackOutputs.logGroup, {
      value: this.backend.logGroup.logGroupName,
      description: "The function's logs: aws logs tail <name> --follow",
    });
    new CfnOutput(this, StackOutputs.directoryTable, { value: this.backend.directoryTable.tableName });
    new CfnOutput(this, StackOutputs.usersTable, { value: this.backend.usersTable.tableName });
    new CfnOutput(this, StackOutputs.region, { value: this.region });
    new CfnOutput(this, StackOutputs.alarmTopicArn, {
      value: this.alarmTopic.topicArn,
      description: 'Subscribe more people or a chat webhook here: aws sns subscribe --topic-arn <arn> ...',
    });

    this.adminPolicy = createAdminPolicy(this, 'AdminPolicy', this.backend.directoryTable);
    new CfnOutput(this, StackOutputs.adminPolicyArn, {
      value: this.adminPolicy.managedPolicyArn,
      description: 'Attach to the group of people who run npm run import, export and model:sync',
    });
  }
}
