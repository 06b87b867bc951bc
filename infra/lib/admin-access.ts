import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/**
 * What the office's admin tools need in AWS, as a customer managed policy an administrator attaches
 * to a group (or a role) of the people who maintain the directory: `npm run import` and
 * `npm run export` read the whole directory with a parallel Scan and write it with BatchWriteItem;
 * `npm run model:sync` reads it with a Scan. Nothing on the users table: no tool touches it.
 *
 * Not included on purpose: CreateTable/DescribeTable (`--create-tables` is for the local store;
 * in AWS the stack owns the tables) and every single-item action. The integration tests of the
 * three tools run under this policy (test/support/deployed-policy.ts), so a tool that starts
 * sending another command fails a test until it is granted here.
 */
export function createAdminPolicy(scope: Construct, id: string, directory: ITable): ManagedPolicy {
  return new ManagedPolicy(scope, id, {
    description:
      'Front Desk admin tools (npm run import, export, model:sync): read and rewrite the directory table',
    statements: [
      new PolicyStatement({
        sid: 'DirectoryAdminTools',
        actions: ['dynamodb:BatchWriteItem', 'dynamodb:Scan'],
        resources: [directory.tableArn],
      }),
    ],
  });
}
