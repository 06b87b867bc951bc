import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { ConflictError } from '../errors';
import { storeCall } from './store-errors';
import { USERS_ATTRIBUTES_NAME, USERS_TABLE } from './table-definitions';

export type PartitionKeyGenerator = (requestEnvelope: RequestEnvelope) => string;

/** The same default as `ask-sdk-dynamodb-persistence-adapter`: one record per Alexa account. */
export const userIdKey: PartitionKeyGenerator = (requestEnvelope) => {
  const userId = requestEnvelope.context?.System?.user?.userId;
  if (!userId) throw new TypeError('The request has no user id');
  return userId;
};

/**
 * The recognised speaker's voice profile when Alexa recognised one, else the account: the same
 * keys as the official adapter's `PartitionKeyGenerators.personId`, so either adapter reads what
 * the other wrote. Requests without a recognised speaker keep using the account's record, which
 * is the official adapter's default record, untouched; a recognised speaker gets a record of
 * their own (person and account ids cannot collide: `amzn1.ask.person.` and `amzn1.ask.account.`).
 */
export const personOrUserIdKey: PartitionKeyGenerator = (requestEnvelope) =>
  requestEnvelope.context?.System?.person?.personId || userIdKey(requestEnvelope);

export interface DynamoDbPersistenceAdapterOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly partitionKeyGenerator?: PartitionKeyGenerator;
}

/** What a request read, so that its save writes only what it changed. */
interface ReadSnapshot {
  readonly key: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** The attributes that differ between what was read and what is saved (by their JSON). */
function changesBetween(
  read: Readonly<Record<string, unknown>>,
  saved: Readonly<Record<string, unknown>>,
): { set: Record<string, unknown>; removed: string[] } {
  const set: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(saved)) {
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(read[name])) set[name] = value;
  }
  const removed = Object.keys(read).filter((name) => saved[name] === undefined);
  return { set, removed };
}

/**
 * ASK's {@link PersistenceAdapter} on AWS SDK v3. It reads and writes the official
 * `ask-sdk-dynamodb-persistence-adapter`'s format (`{ id, attributes }`), so either adapter reads
 * what the other wrote, without the official one's AWS SDK v2 dependency.
 *
 * Saves lose nobody's update: ASK hands over the whole attribute map, but a save after a read in
 * the same request writes only the attributes that request changed (`SET attributes.x`, `REMOVE
 * attributes.y` in one UpdateItem), so two sessions of one speaker (two devices, or "remember me"
 * while a goodbye remembers the last contact) each keep what the other wrote. The write is
 * idempotent, so the SDK retrying it after a lost reply changes nothing. The first record of a
 * speaker is created with a conditional PutItem, which never replaces one written meanwhile.
 */
export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly partitionKeyGenerator: PartitionKeyGenerator;
  private readonly partitionKeyName = USERS_TABLE.partitionKey.name;
  /** Per request envelope (ASK passes the same object to every call of a request). */
  private readonly snapshots = new WeakMap<RequestEnvelope, ReadSnapshot>();
  /** A read started by {@link prefetchAttributes} or still under way, shared by later reads of the request. */
  private readonly reads = new WeakMap<RequestEnvelope, Promise<Record<string, unknown>>>();

  public constructor(options: DynamoDbPersistenceAdapterOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.partitionKeyGenerator = options.partitionKeyGenerator ?? userIdKey;
  }

  /**
   * Starts reading the request's attributes without waiting for them, so that the read runs in
   * parallel with the request's other store calls; the request's next {@link getAttributes} takes
   * this read's result instead of reading again. A failed prefetch is reported to that call, and
   * only to it.
   */
  public prefetchAttributes(requestEnvelope: RequestEnvelope): void {
    this.getAttributes(requestEnvelope).catch(() => undefined);
  }

  public getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const started = this.reads.get(requestEnvelope);
    if (started) return started;
    const read = this.readAttributes(requestEnvelope);
    this.reads.set(requestEnvelope, read);
    // A failed read is not kept: the next call reads again.
    read.catch(() => this.reads.delete(requestEnvelope));
    return read;
  }

  private async readAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const key = this.partitionKeyGenerator(requestEnvelope);
    const { Item } = await storeCall('getAttributes', () =>
      this.client.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { [this.partitionKeyName]: key },
          ConsistentRead: true,
        }),
      ),
    );
    const stored = Item?.[USERS_ATTRIBUTES_NAME];
    const attributes =
      stored && typeof stored === 'object' && !Array.isArray(stored)
        ? (stored as Record<string, unknown>)
        : {};
    this.snapshots.set(requestEnvelope, { key, attributes: structuredClone(attributes) });
    return attributes;
  }

  public async saveAttributes(
    requestEnvelope: RequestEnvelope,
    attributes: Record<string, unknown>,
  ): Promise<void> {
    const key = this.partitionKeyGenerator(requestEnvelope);
    const snapshot = this.snapshots.get(requestEnvelope);
    if (!snapshot || snapshot.key !== key) {
      // Nothing was read first, so there is nothing to tell changes by: the record is replaced.
      await this.putRecord(key, attributes);
      this.reads.delete(requestEnvelope);
      return;
    }
    const changes = changesBetween(snapshot.attributes, attributes);
    if (Object.keys(changes.set).length === 0 && changes.removed.length === 0) return;
    await this.applyChanges(key, changes);
    this.snapshots.set(requestEnvelope, { key, attributes: structuredClone(attributes) });
    this.reads.delete(requestEnvelope);
  }

  /** Whether this request has read the speaker's attributes, or is reading them. */
  public hasRead(requestEnvelope: RequestEnvelope): boolean {
    return this.reads.has(requestEnvelope) || this.snapshots.has(requestEnvelope);
  }

  /**
   * Sets one attribute without reading the record first: one UpdateItem of that attribute alone
   * (a speaker without a record gets one), so what another request wrote meanwhile is kept. For a
   * request that has not read the attributes ({@link hasRead}); one that has read them saves
   * through {@link saveAttributes}, which keeps its snapshot true.
   */
  public async setAttribute(requestEnvelope: RequestEnvelope, name: string, value: unknown): Promise<void> {
    await this.applyChanges(this.partitionKeyGenerator(requestEnvelope), {
      set: { [name]: value },
      removed: [],
    });
  }

  /**
   * Writes `changes` into the record. Updating needs the record; creating needs it absent. One of
   * the two holds, whatever another request does in between, so this ends within three writes.
   */
  private async applyChanges(
    key: string,
    changes: { set: Record<string, unknown>; removed: string[] },
  ): Promise<void> {
    for (let attempt = 1; attempt <= 2; attempt += 1) {
      try {
        await this.updateRecord(key, changes);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt === 2) throw error;
      }
      try {
        await this.putRecord(key, { ...changes.set }, true);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  }

  private async putRecord(
    key: string,
    attributes: Record<string, unknown>,
    onlyIfNew = false,
  ): Promise<void> {
    await storeCall('saveAttributes', () =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { [this.partitionKeyName]: key, [USERS_ATTRIBUTES_NAME]: attributes },
          ...(onlyIfNew
            ? {
                ConditionExpression: 'attribute_not_exists(#key)',
                ExpressionAttributeNames: { '#key': this.partitionKeyName },
              }
            : {}),
        }),
      ),
    );
  }

  /** Sets and removes single attributes inside the record's map; fails if there is no map. */
  private async updateRecord(
    key: string,
    changes: { set: Record<string, unknown>; removed: string[] },
  ): Promise<void> {
    const names: Record<string, string> = { '#attributes': USERS_ATTRIBUTES_NAME };
    const values: Record<string, unknown> = {};
    const sets = Object.entries(changes.set).map(([name, value], index) => {
      names[`#s${index}`] = name;
      values[`:s${index}`] = value;
      return `#attributes.#s${index} = :s${index}`;
    });
    const removes = changes.removed.map((name, index) => {
      names[`#r${index}`] = name;
      return `#attributes.#r${index}`;
    });
    const expression = [
      sets.length ? `SET ${sets.join(', ')}` : '',
      removes.length ? `REMOVE ${removes.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    await storeCall('saveAttributes', () =>
      this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { [this.partitionKeyName]: key },
          UpdateExpression: expression,
          ConditionExpression: 'attribute_exists(#attributes)',
          ExpressionAttributeNames: names,
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        }),
      ),
    );
  }

  public async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    const key = this.partitionKeyGenerator(requestEnvelope);
    await storeCall('deleteAttributes', () =>
      this.client.send(
        new DeleteCommand({ TableName: this.tableName, Key: { [this.partitionKeyName]: key } }),
      ),
    );
    this.snapshots.set(requestEnvelope, { key, attributes: {} });
    this.reads.delete(requestEnvelope);
  }
}
