import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Facet } from '../domain/facets';
import type { BrowsePage, BrowseReader } from '../services/ports';
import { GROUP_SK, keys, summaryFromItem } from './directory-items';
import { storeCall } from './store-errors';

/**
 * Reads browse lists ("who works at Acme") a page at a time. Each page is one Query on the
 * group's partition (`<FACET>#<key>`, see `directory-items.ts`) that reads only that page's items:
 * the first page also reads the `#GROUP` item, which sorts first and carries the label and the
 * count, so "there are 37 people at Acme" costs one item, not 37. Entries hold only what a page
 * speaks and shows (a contact summary), so no projection is needed.
 */
export class BrowseRepository implements BrowseReader {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The group's label and count and its first `pageSize` entries. One Query of `pageSize + 1` items. */
  public async readFirstPage(
    facet: Facet,
    key: string,
    pageSize: number,
    within?: string,
  ): Promise<BrowsePage> {
    const { items, lastKey } = await this.query('readFirstPage', {
      ...this.partition(facet, key, within),
      Limit: pageSize + 1,
    });
    return firstPageOf(items, lastKey, pageSize);
  }

  /** The `pageSize` entries after the sort key `after`. One Query of at most `pageSize` items. */
  public async readPageAfter(
    facet: Facet,
    key: string,
    after: string,
    pageSize: number,
    within?: string,
  ): Promise<BrowsePage> {
    const pk = keys.facetPartition(facet, key);
    const { items, lastKey } = await this.query('readPageAfter', {
      ...this.partition(facet, key, within),
      ExclusiveStartKey: { pk, sk: after },
      Limit: pageSize,
    });
    return {
      entries: items.filter((item) => item.sk !== GROUP_SK).map(summaryFromItem),
      after: lastKey,
    };
  }

  /** The group's partition, or only its entries whose sort key starts with `within`. */
  private partition(facet: Facet, key: string, within?: string): QueryCommandInput {
    if (within !== undefined) {
      return {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :within)',
        ExpressionAttributeValues: { ':pk': keys.facetPartition(facet, key), ':within': within },
      };
    }
    return {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.facetPartition(facet, key) },
    };
  }

  private async query(
    operation: string,
    input: QueryCommandInput,
  ): Promise<{ items: Array<Record<string, unknown>>; lastKey: string | undefined }> {
    const { Items, LastEvaluatedKey } = await storeCall(operation, () =>
      this.client.send(new QueryCommand(input)),
    );
    const lastSk = LastEvaluatedKey?.sk;
    return { items: Items ?? [], lastKey: typeof lastSk === 'string' ? lastSk : undefined };
  }
}

/**
 * The first page of a browse list from the items a Query of `pageSize + 1` read (`items`, and the
 * sort key of the last one read when the limit stopped it): the group's label and count from the
 * `#GROUP` item, when there is one, and the first `pageSize` entries.
 */
export function firstPageOf(
  items: ReadonlyArray<Record<string, unknown>>,
  lastKey: string | undefined,
  pageSize: number,
): BrowsePage {
  const groupItem = items[0]?.sk === GROUP_SK ? items[0] : undefined;
  const entriesRead = groupItem ? items.slice(1) : items;
  const entryItems = entriesRead.slice(0, pageSize);
  // Without a group item (a directory written by an older importer) the Query read one entry
  // too many: the next page starts after the last entry kept, not after the one dropped.
  const lastKept = entryItems[entryItems.length - 1]?.sk;
  const after = entriesRead.length > pageSize && typeof lastKept === 'string' ? lastKept : lastKey;
  const states = Array.isArray(groupItem?.states) ? groupItem.states.map(String) : undefined;
  return {
    ...(groupItem
      ? {
          group: {
            label: String(groupItem.label ?? ''),
            count: Number(groupItem.count ?? 0),
            ...(states && states.length > 1 ? { states } : {}),
          },
        }
      : {}),
    entries: entryItems.map(summaryFromItem),
    after,
  };
}
