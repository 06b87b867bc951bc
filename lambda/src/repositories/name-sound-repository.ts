import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SoundReader, SoundsLike } from '../services/ports';
import { keys, soundEntryFromItem } from './directory-items';
import { storeCall } from './store-errors';

/**
 * Finds contacts whose names sound like a heard name: one Query on the `SOUND#<key>` partition
 * that the importer fills with every contact's name sound keys (see `directory-items.ts`).
 */
export class NameSoundRepository implements SoundReader {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Up to `limit` contacts filed under this sound key. */
  public async findBySoundKey(soundKey: string, limit: number): Promise<SoundsLike[]> {
    const { Items } = await storeCall('findBySoundKey', () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.soundPartition(soundKey) },
          Limit: limit,
        }),
      ),
    );
    return (Items ?? []).map(soundEntryFromItem);
  }
}
