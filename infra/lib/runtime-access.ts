import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { DIRECTORY_TABLE } from '../../lambda/src/repositories/table-definitions';

/** The tables the skill's runtime reads and writes. */
interface RuntimeTables {
  readonly directory: ITable;
  readonly users: ITable;
}

/** The ARN of one index of a table. */
export function indexArn(table: ITable, indexName: string): string {
  return `${table.tableArn}/index/${indexName}`;
}

/**
 * Gives the skill's function exactly the DynamoDB actions its code sends, and nothing else: every
 * runtime permission is granted here, so a new access pattern (an event bus, a new table item) is a
 * line in this one place. Whether the list is right is not asserted by restating it: the
 * integration and conversation tests run every store call through the synthesized policy
 * (test/support/deployed-policy.ts), so a missing action fails a test that names it.
 *
 * Not `grantReadWriteData`, which would add Scan, batch writes and DeleteItem on the directory; and
 * not `table.grant` on the directory, which adds every action on `index/*` as well.
 */
export function grantRuntimeAccess(grantee: IGrantable, tables: RuntimeTables): void {
  // Lookups and lists (GetItem, Query), presence changes and their history (conditional PutItem).
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'DirectoryTable',
      actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
      resources: [tables.directory.tableArn],
    }),
  );
  // The board: a Query on each sparse index ("who's in", "who's in from Globex", "who checked out
  // today"), each named rather than `index/*`.
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'DirectoryIndexes',
      actions: ['dynamodb:Query'],
      resources: DIRECTORY_TABLE.globalSecondaryIndexes.map((index) =>
        indexArn(tables.directory, index.indexName),
      ),
    }),
  );
  // The persistence adapter: read, save (UpdateItem changes single attributes in place, a
  // conditional PutItem creates the record the first time) and delete one user's attributes by
  // `id`. The users table has no index, so `grant` names exactly the table.
  tables.users.grant(
    grantee,
    'dynamodb:DeleteItem',
    'dynamodb:GetItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
  );
}

/**
 * The board and the visitor desk publish every accepted change: `events:PutEvents` on Front Desk's
 * own bus, and on no other.
 */
export function grantEventPublishing(grantee: IGrantable, bus: IEventBus): void {
  bus.grantPutEventsTo(grantee);
}
