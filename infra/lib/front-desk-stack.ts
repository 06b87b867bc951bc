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
   * An address that receives the alarms (SNS asks it to confirm the subscription first).
   * @default - no topic: alarms only show in CloudWatch
   */
  readonly alarmEmail?: string;
}

/**
 * The deployable unit: the backend, an optional alarm topic, and the outputs the deploy script and
 * the importer need. Environment-agnostic (no account or region, no lookups), so synth needs no
 * AWS credentials; the account and region come from the credentials at deploy time.
 */
export class FrontDeskStack extends Stack {
  public readonly backend: FrontDeskBackend;
  /** What the admin tools (import, export, model:sync) need; attach it to the admins' group. */
  public readonly adminPolicy: ManagedPolicy;

  public constructor(scope: Construct, id: string, props: FrontDeskStackProps = {}) {
    super(scope, id, {
      description: 'Front Desk: Alexa skill backend (Lambda, DynamoDB, alarms)',
      ...props,
    });
    const alarmTopic = props.alarmEmail ? this.alarmTopic(props.alarmEmail) : undefined;
    this.backend = new FrontDeskBackend(this, 'Backend', { ...props.backend, alarmTopic });

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

    this.adminPolicy = createAdminPolicy(this, 'AdminPolicy', this.backend.directoryTable);
    new CfnOutput(this, StackOutputs.adminPolicyArn, {
      value: this.adminPolicy.managedPolicyArn,
      description: 'Attach to the group of people who run npm run import, export and model:sync',
    });
  }

  private alarmTopic(email: string): Topic {
    const topic = new Topic(this, 'AlarmTopic', { displayName: 'Front Desk alarms', enforceSSL: true });
    topic.addSubscription(new EmailSubscription(email));
    return topic;
  }
}
