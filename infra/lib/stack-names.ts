/**
 * Names outside the CDK code relies on: `npm run deploy` reads these outputs, docs/deploy.md names
 * the stack. Kept free of aws-cdk-lib so the deploy script can import them cheaply.
 */

/** The stack's name. */
export const STACK_NAME = 'FrontDesk';

/** The stack's outputs. */
export const StackOutputs = {
  functionArn: 'FunctionArn',
  functionName: 'FunctionName',
  logGroup: 'LogGroupName',
  directoryTable: 'DirectoryTableName',
  usersTable: 'UsersTableName',
  region: 'Region',
  adminPolicyArn: 'AdminPolicyArn',
  alarmTopicArn: 'AlarmTopicArn',
} as const;
