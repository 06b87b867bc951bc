import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { BoardPage, BoardReader } from '../services/ports';
import { keys, LEFT_PK, presenceFromItem } from './directory-items';
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
 * `directory-items.ts`): each answer is one Query that reads one item more than it says, to know
 * whether there are more, whatever the size of the directory.
 */
export class BoardRepository implements BoardReader {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  public async listPresentAt(companyKey: string, limit: number): Promise<BoardPage> {
    return this.query('listPresentAt', limit, {
      IndexName: PRESENT_BY_COMPANY.indexName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': PRESENT_BY_COMPANY.partitionKey.name },
      ExpressionAttributeValues: { ':pk': keys.presentCompany(companyKey) },
    });
  }

  public async listLeftSince(since: string, limit: number): Promise<BoardPage> {
    return this.query('listLeftSince', limit, {
      IndexName: LEFT.indexName,
      KeyConditionExpression: '#pk = :pk AND #sk >= :since',
      ExpressionAttributeNames: { '#pk': LEFT.partitionKey.name, '#sk': LEFT.sortKey?.name ?? 'leftSk' },
      ExpressionAttributeValues: { ':pk': LEFT_PK, ':since': since },
    });
  }

  private async query(
    operation: string,
    limit: number,
    input: Omit<QueryCommandInput, 'TableName'>,
  ): Promise<BoardPage> {
    const { Items } = await storeCall(operation, () =>
      this.client.send(
        new QueryCommand({ ...input, TableName: this.tableName, ScanIndexForward: false, Limit: limit + 1 }),
      ),
    );
    const records = (Items ?? []).map(presenceFromItem);
    return { records: records.slice(0, limit), more: records.length > limit };
  }
}
