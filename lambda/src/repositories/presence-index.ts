import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PresenceRecord } from '../domain/presence';
import { encodePresenceCursor, keys, type PresenceCursor, presenceFromItem } from './directory-items';
import { storeCall } from './store-errors';
import { DIRECTORY_TABLE, type IndexDefinition } from './table-definitions';

/** One of the directory table's indexes, by name; a missing one fails at load, not on a request. */
export function indexNamed(name: string): IndexDefinition {
  const index = DIRECTORY_TABLE.globalSecondaryIndexes.find((candidate) => candidate.indexName === name);
  if (!index) throw new TypeError(`The directory table has no ${name} index`);
  return index;
}

/** What one page of a presence index query is asked. */
export interface PresenceIndexPage {
  readonly operation: string;
  readonly index: IndexDefinition;
  /** The index partition read: its key goes into the start key too. */
  readonly partition: string;
  readonly condition: Omit<QueryCommandInput, 'TableName' | 'IndexName'>;
  readonly limit: number;
  /** After this change (a decoded cursor); the first page without one. */
  readonly start?: PresenceCursor | undefined;
}

/** What a count of one of the presence indexes is asked. */
export interface PresenceIndexCount {
  readonly operation: string;
  readonly index: IndexDefinition;
  readonly condition: Omit<QueryCommandInput, 'TableName' | 'IndexName'>;
  /** Items counted per Query at most (DynamoDB's own limit is 1 MB read); for tests of the paging. */
  readonly perQuery?: number | undefined;
}

/**
 * How many items a presence index partition (or the part of it `condition` names) holds: Queries
 * that return the count and no item, one after the other while DynamoDB says there is more (a
 * Query reads at most 1 MB, several thousand of these small items, so a board of an office takes one).
 */
export async function countPresenceIndex(
  client: DynamoDBDocumentClient,
  tableName: string,
  count: PresenceIndexCount,
): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const from = start;
    const { Count, LastEvaluatedKey } = await storeCall(count.operation, () =>
      client.send(
        new QueryCommand({
          ...count.condition,
          TableName: tableName,
          IndexName: count.index.indexName,
          Select: 'COUNT',
          ...(count.perQuery !== undefined ? { Limit: count.perQuery } : {}),
          ...(from ? { ExclusiveStartKey: from } : {}),
        }),
      ),
    );
    total += Count ?? 0;
    start = LastEvaluatedKey;
  } while (start);
  return total;
}

/**
 * One page of one of the sparse presence indexes (`present`, `presentByCompany`, `left`), newest
 * first: one Query that reads one item more than it returns, to know whether there is a next page,
 * and the cursor of the last record returned when there is.
 */
export async function queryPresenceIndex(
  client: DynamoDBDocumentClient,
  tableName: string,
  page: PresenceIndexPage,
): Promise<{ records: PresenceRecord[]; next?: string | undefined }> {
  const { index, partition, start, limit } = page;
  const { Items } = await storeCall(page.operation, () =>
    client.send(
      new QueryCommand({
        ...page.condition,
        TableName: tableName,
        IndexName: index.indexName,
        ScanIndexForward: false,
        Limit: limit + 1,
        ...(start
          ? {
              ExclusiveStartKey: {
                ...keys.presence(start.id),
                [index.partitionKey.name]: partition,
                [index.sortKey?.name ?? 'presentSk']: keys.presentSort(start.at, start.id),
              },
            }
          : {}),
      }),
    ),
  );
  const records = (Items ?? []).map(presenceFromItem);
  const returned = records.slice(0, limit);
  const last = returned[returned.length - 1];
  return { records: returned, next: records.length > limit && last ? encodePresenceCursor(last) : undefined };
}
