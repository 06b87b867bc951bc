import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PresenceRecord, PresenceState } from '../domain/presence';
import { ConflictError } from '../errors';
import type { PresenceStore, PresentPage } from '../services/ports';
import {
  decodePresenceCursor,
  keys,
  PRESENT_PK,
  presenceChangeItem,
  presenceFromItem,
  presenceItem,
  presenceStateFromItem,
} from './directory-items';
import { countPresenceIndex, indexNamed, queryPresenceIndex } from './presence-index';
import { storeCall } from './store-errors';

const PRESENT_INDEX = indexNamed('present');

/** Everyone who is in: the one partition of the sparse `present` index. */
const EVERYONE_IN = {
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': PRESENT_INDEX.partitionKey.name },
  ExpressionAttributeValues: { ':pk': PRESENT_PK },
};

/**
 * The in/out board in the directory table (item shapes in `directory-items.ts`). Every write is
 * conditional: a presence write names the version it replaces, and a history write refuses to
 * replace anything, so neither can silently undo someone else's change. A lost condition becomes
 * a {@link ConflictError}; any other failure a `StoreUnavailableError`.
 */
export class PresenceRepository implements PresenceStore {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The person's latest accepted change, read consistently (a write decides on it). One GetItem. */
  public async getPresence(contactId: string): Promise<PresenceRecord | undefined> {
    const item = await this.readPresenceItem('getPresence', contactId);
    return item ? presenceFromItem(item) : undefined;
  }

  /** The latest change and the one before it, read consistently. One GetItem. */
  public async getPresenceState(contactId: string): Promise<PresenceState> {
    return presenceStateFromItem(await this.readPresenceItem('getPresenceState', contactId));
  }

  private async readPresenceItem(
    operation: string,
    contactId: string,
  ): Promise<Record<string, unknown> | undefined> {
    const { Item } = await storeCall(operation, () =>
      this.client.send(
        new GetCommand({ TableName: this.tableName, Key: keys.presence(contactId), ConsistentRead: true }),
      ),
    );
    return Item;
  }

  /**
   * The version of the person's newest history entry, 0 if there is none, read consistently. One
   * Query for one item: the sort key starts with the zero-padded version.
   */
  public async latestArchivedVersion(contactId: string): Promise<number> {
    const { Items } = await storeCall('latestArchivedVersion', () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.presenceHistoryPartition(contactId) },
          ProjectionExpression: '#version',
          ExpressionAttributeNames: { '#version': 'version' },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      ),
    );
    const version = Items?.[0]?.version;
    return typeof version === 'number' ? version : 0;
  }

  /**
   * Replaces the presence item, but only if it is still at `expectedVersion` (0: no item yet).
   * Throws {@link ConflictError} when someone else changed it first.
   */
  public async putPresence(
    record: PresenceRecord,
    expectedVersion: number,
    previous?: PresenceRecord,
  ): Promise<void> {
    await storeCall('putPresence', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: presenceItem(record, previous),
          ...(expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              }),
        }),
      ),
    );
  }

  /**
   * Appends a change to the person's history. Never overwrites: writing the same change again
   * changes nothing and succeeds, which is what makes a repair or a retry safe.
   */
  public async appendChange(record: PresenceRecord): Promise<void> {
    try {
      await storeCall('appendChange', () =>
        this.client.send(
          new PutCommand({
            TableName: this.tableName,
            Item: presenceChangeItem(record),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    } catch (error) {
      // The entry is already there: the change is in the history, as asked.
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  /**
   * The people who are in, newest first, `limit` at a time. One Query on the sparse `present`
   * index, which holds only the people who are in; it reads one extra item to know whether there
   * is a next page.
   */
  public async listPresent(limit: number, cursor?: string): Promise<PresentPage> {
    const { records, next } = await queryPresenceIndex(this.client, this.tableName, {
      operation: 'listPresent',
      index: PRESENT_INDEX,
      partition: PRESENT_PK,
      condition: EVERYONE_IN,
      limit,
      // A cursor that is not one of ours reads the list from the top.
      start: cursor ? decodePresenceCursor(cursor) : undefined,
    });
    return { records, cursor: next };
  }

  /** How many people are in: a count of the `present` index, which holds only them. */
  public async countPresent(): Promise<number> {
    return countPresenceIndex(this.client, this.tableName, {
      operation: 'countPresent',
      index: PRESENT_INDEX,
      condition: EVERYONE_IN,
    });
  }

  /**
   * Every accepted change of a person, oldest first (admin and tests; never on a request path): the
   * history, and the latest change or two that the presence item still holds until the next change
   * puts them in the history.
   */
  public async listChanges(contactId: string): Promise<PresenceRecord[]> {
    const [archived, state] = await Promise.all([
      this.listArchivedChanges(contactId),
      this.getPresenceState(contactId),
    ]);
    const records = [...archived];
    for (const record of [state.previous, state.current]) {
      const known = records.some(
        (entry) => entry.version === record?.version && entry.changeId === record?.changeId,
      );
      if (record && !known) records.push(record);
    }
    return records.sort((a, b) => a.version - b.version);
  }

  /** The history entries alone, oldest first. */
  public async listArchivedChanges(contactId: string): Promise<PresenceRecord[]> {
    const records: PresenceRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await storeCall('listChanges', () =>
        this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.presenceHistoryPartition(contactId) },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        ),
      );
      records.push(...(page.Items ?? []).map(presenceFromItem));
      start = page.LastEvaluatedKey;
    } while (start);
    return records;
  }
}
