import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { BoardPage, BoardReader } from '../services/ports';
import { decodePresenceCursor, keys, LEFT_PK } from './directory-items';
import { countPresenceIndex, indexNamed, queryPresenceIndex } from './presence-index';
import type { IndexDefinition } from './table-definitions';

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
    /** At most this many items counted per Query (a page size); unset, as many as DynamoDB's 1 MB holds. */
    private readonly countPerQuery?: number,
  ) {}

  public async listPresentAt(companyKey: string, limit: number, after?: string): Promise<BoardPage> {
    const partition = keys.presentCompany(companyKey);
    return this.query('listPresentAt', limit, after, PRESENT_BY_COMPANY, partition, presentAt(partition));
  }

  public async listLeftSince(since: string, limit: number, after?: string): Promise<BoardPage> {
    return this.query('listLeftSince', limit, after, LEFT, LEFT_PK, leftSince(since));
  }

  public async countPresentAt(companyKey: string): Promise<number> {
    return countPresenceIndex(this.client, this.tableName, {
      operation: 'countPresentAt',
      index: PRESENT_BY_COMPANY,
      condition: presentAt(keys.presentCompany(companyKey)),
      perQuery: this.countPerQuery,
    });
  }

  public async countLeftSince(since: string): Promise<number> {
    return countPresenceIndex(this.client, this.tableName, {
      operation: 'countLeftSince',
      index: LEFT,
      condition: leftSince(since),
      perQuery: this.countPerQuery,
    });
  }

  private async query(
    operation: string,
    limit: number,
    after: string | undefined,
    index: IndexDefinition,
    partition: string,
    condition: KeyCondition,
  ): Promise<BoardPage> {
    const start = after === undefined ? undefined : decodePresenceCursor(after);
    // A cursor that is not one of ours (session attributes come back from the device) leads nowhere.
    if (after !== undefined && !start) return { records: [] };
    const { records, next } = await queryPresenceIndex(this.client, this.tableName, {
      operation,
      index,
      partition,
      condition,
      limit,
      start,
    });
    return { records, ...(next ? { next } : {}) };
  }
}

type KeyCondition = Omit<QueryCommandInput, 'TableName' | 'IndexName'>;

/** The people of one company who are in: one partition of `presentByCompany`. */
function presentAt(partition: string): KeyCondition {
  return {
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': PRESENT_BY_COMPANY.partitionKey.name },
    ExpressionAttributeValues: { ':pk': partition },
  };
}

/** The people who are out and left at or after `since`: the newest part of `left`'s one partition. */
function leftSince(since: string): KeyCondition {
  return {
    KeyConditionExpression: '#pk = :pk AND #sk >= :since',
    ExpressionAttributeNames: { '#pk': LEFT.partitionKey.name, '#sk': LEFT.sortKey?.name ?? 'leftSk' },
    ExpressionAttributeValues: { ':pk': LEFT_PK, ':since': since },
  };
}
