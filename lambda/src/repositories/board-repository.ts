import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { BoardPage, BoardReader } from '../services/ports';
import {
  decodePresenceCursor,
  encodePresenceCursor,
  keys,
  LEFT_PK,
  presenceFromItem,
} from './directory-items';
import { storeCall } from './store-errors';
import { DIRECTORY_TABLE, type IndexDefinition } from './table-definitions';

function indexNamed(name: string): IndexDefinition {
  const index = DIRECTORY_TABLE.globalSecondaryIndexes.find((candidate) => candidate.indexName === name);
  if (!index) throw new TypeError(`The directory table has no ${name} index`);
  return index;
}

const PRESENT_BY_COMPANY = indexNamed('presentByCompany');
const LEFT = indexNamed('left');

/**
 * The board by company and by time, from the sparse `presentByCompany` and `left` indexes (see
 * `directory-items.ts`): each page is one Query that reads one item more than it says, to know
 * whether there are more, whatever the size of the directory. A page continues after the one
 * before it from the index key its cursor names, so people who come or go between pages are
 * neither skipped nor read twice.
 */
export class BoardRepository implements BoardReader {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async listPresentAt(companyKey: string, limit: number, after?: string): Promise<BoardPage> {
    const partition = keys.presentCompany(companyKey);
    return this.query('listPresentAt', limit, after, PRESENT_BY_COMPANY, partition, {
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': PRESENT_BY_COMPANY.partitionKey.name },
      ExpressionAttributeValues: { ':pk': partition },
    });
  }

  public async listLeftSince(since: string, limit: number, after?: string): Promise<BoardPage> {
    return this.query('listLeftSince', limit, after, LEFT, LEFT_PK, {
      KeyConditionExpression: '#pk = :pk AND #sk >= :since',
      ExpressionAttributeNames: { '#pk': LEFT.partitionKey.name, '#sk': LEFT.sortKey?.name ?? 'leftSk' },
      ExpressionAttributeValues: { ':pk': LEFT_PK, ':since': since },
    });
  }

  private async query(
    operation: string,
    limit: number,
    after: string | undefined,
    index: IndexDefinition,
    partition: string,
    input: Omit<QueryCommandInput, 'TableName' | 'IndexName'>,
  ): Promise<BoardPage> {
    const start = after === undefined ? undefined : decodePresenceCursor(after);
    // A cursor that is not one of ours (session attributes come back from the device) leads nowhere.
    if (after !== undefined && !start) return { records: [] };
    const { Items } = await storeCall(operation, () =>
      this.client.send(
        new QueryCommand({
          ...input,
          TableName: this.tableName,
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
    const page = records.slice(0, limit);
    const last = page[page.length - 1];
    return { records: page, ...(records.length > limit && last ? { next: encodePresenceCursor(last) } : {}) };
  }
}
