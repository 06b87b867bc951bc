import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Visit } from '../domain/visit';
import type { VisitStore } from '../services/ports';
import { storeCall } from './store-errors';
import { visitFromItem, visitItem, visitKeys } from './visit-items';

/**
 * The visitors' book in the directory table (item shapes in `visit-items.ts`). Writes are
 * conditional PutItems (no UpdateItem: the role grants the calls the board already makes): a new
 * visit never replaces one, and closing a visit succeeds once. A lost condition becomes a
 * `ConflictError`; any other failure a `StoreUnavailableError`.
 */
export class VisitRepository implements VisitStore {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One PutItem that refuses to replace anything. */
  public async putVisit(visit: Visit): Promise<void> {
    await storeCall('putVisit', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: visitItem(visit),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  }

  /** One Query of the day's partition, oldest first. */
  public async listVisitsOfDay(day: string, limit: number): Promise<Visit[]> {
    const { Items } = await storeCall('listVisitsOfDay', () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': visitKeys.dayPartition(day) },
          Limit: limit,
        }),
      ),
    );
    const visits: Visit[] = [];
    for (const item of Items ?? []) {
      try {
        visits.push(visitFromItem(item));
      } catch {
        // A malformed item is nobody's visit: skip it rather than fail the whole book.
      }
    }
    return visits;
  }

  /** One conditional PutItem: the visit, with `leftAt`, only if it exists and is still open. */
  public async closeVisit(visit: Visit, leftAt: string): Promise<void> {
    await storeCall('closeVisit', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: visitItem({ ...visit, leftAt }),
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(leftAt)',
        }),
      ),
    );
  }
}
