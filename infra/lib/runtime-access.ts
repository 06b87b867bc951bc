import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { DIRECTORY_TABLE } from '../../lambda/src/repositories/table-definitions';

/**
 * The DynamoDB actions the skill's runtime performs, and nothing else. Written out rather than
 * `grantReadWriteData`, which would also allow Scan, DeleteItem on the directory and batch writes.
 * A new access pattern in the code needs a line here, and the infra tests say so.
 */
export const RUNTIME_ACCESS = {
  /** Lookups (GetItem, BatchGetItem for candidates), lists (Query), presence and its history (conditional PutItem/UpdateItem). */
  directoryTable: [
    'dynamodb:BatchGetItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:UpdateItem',
  ],
  /** "Who's in": a Query on each index of the directory (today only `present`). */
  directoryIndexes: ['dynamodb:Query'],
  /** The persistence adapter: read, save and delete one user's attributes by `id`. */
  usersTable: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem'],
} as const;

/** The ARN of one index of a table. */
export function indexArn(table: ITable, indexName: string): string {
  return `${table.tableArn}/index/${indexName}`;
}

/** The statements that give the runtime exactly {@link RUNTIME_ACCESS} on exactly these tables. */
export function runtimeAccessStatements(tables: { directory: ITable; users: ITable }): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'DirectoryTable',
      effect: Effect.ALLOW,
      actions: [...RUNTIME_ACCESS.directoryTable],
      resources: [tables.directory.tableArn],
    }),
    new PolicyStatement({
      sid: 'DirectoryIndexes',
      effect: Effect.ALLOW,
      actions: [...RUNTIME_ACCESS.directoryIndexes],
      resources: DIRECTORY_TABLE.globalSecondaryIndexes.map((index) =>
        indexArn(tables.directory, index.indexName),
      ),
    }),
    new PolicyStatement({
      sid: 'UsersTable',
      effect: Effect.ALLOW,
      actions: [...RUNTIME_ACCESS.usersTable],
      resources: [tables.users.tableArn],
    }),
  ];
}
