import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '../domain/contact';
import type { ContactReader } from '../services/ports';
import { contactFromItem, keys } from './directory-items';
import { storeCall } from './store-errors';

/**
 * Reads contacts from the directory table. Every call is a GetItem or a Query on one partition:
 * never a Scan, whatever the size of the directory.
 */
export class DirectoryRepository implements ContactReader {
  public constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The contact with this id, or undefined. One GetItem. */
  public async getContact(id: string): Promise<Contact | undefined> {
    const { Item } = await storeCall('getContact', () =>
      this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.contact(id) })),
    );
    return Item ? contactFromItem(Item) : undefined;
  }

  /**
   * The contacts known under a normalized spoken form ("jane doe", "jane", "doe", "bob"), up to
   * `limit`. One Query: name entries carry the whole contact.
   */
  public async findContactsBySpokenForm(spokenForm: string, limit: number): Promise<Contact[]> {
    const { Items } = await storeCall('findContactsBySpokenForm', () =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.namePartition(spokenForm) },
          Limit: limit,
        }),
      ),
    );
    return (Items ?? []).map(contactFromItem);
  }
}
