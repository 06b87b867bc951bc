import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Contact } from '../../lambda/src/domain/contact';
import {
  type BrowseGroupItem,
  browseGroupsOf,
  ItemTypes,
  itemsOfContact,
  keys,
} from '../../lambda/src/repositories/directory-items';
import { elapsedMs } from '../lib/stats';
import { benchDirectory } from './bench-directory';

export interface SeedReport {
  readonly contacts: number;
  readonly items: number;
  readonly seconds: number;
}

const BATCH_SIZE = 25;

/**
 * Counts the people in each browse group while the directory is written, for its `#GROUP` items.
 * The importer maintains these in production; the benchmark writes the same items directly.
 */
class GroupCounter {
  private readonly groups = new Map<string, { item: BrowseGroupItem }>();

  public add(contact: Contact): void {
    for (const group of browseGroupsOf(contact)) {
      const key = keys.group(group.facet, group.key);
      const id = `${key.pk}|${key.sk}`;
      const known = this.groups.get(id);
      const count = (known?.item.count ?? 0) + 1;
      this.groups.set(id, {
        item: { ...key, type: ItemTypes.browseGroup, label: known?.item.label ?? group.label, count },
      });
    }
  }

  public items(): BrowseGroupItem[] {
    return [...this.groups.values()].map(({ item }) => item);
  }
}

/** Writes items with BatchWriteItem, `concurrency` batches in flight, retrying what the store left over. */
async function writeItems(
  client: DynamoDBDocumentClient,
  table: string,
  items: readonly Record<string, unknown>[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const batch = items.slice(next, next + BATCH_SIZE);
      next += BATCH_SIZE;
      let requests = batch.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const { UnprocessedItems } = await client.send(
          new BatchWriteCommand({ RequestItems: { [table]: requests } }),
        );
        requests = (UnprocessedItems?.[table] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Writes a bench directory of `size` people (their contact, name and browse items, and the browse
 * groups' counts) straight into the directory table with parallel BatchWriteItem calls.
 */
export async function seedDirectory(
  client: DynamoDBDocumentClient,
  table: string,
  size: number,
  options: { concurrency?: number; onProgress?: (contacts: number) => void } = {},
): Promise<SeedReport> {
  const start = process.hrtime.bigint();
  const concurrency = options.concurrency ?? 4;
  const groups = new GroupCounter();
  let contacts = 0;
  let items = 0;
  for (const chunk of benchDirectory(size, 2000)) {
    const chunkItems = chunk.flatMap((contact) => {
      groups.add(contact);
      return itemsOfContact(contact) as unknown as Record<string, unknown>[];
    });
    await writeItems(client, table, chunkItems, concurrency);
    contacts += chunk.length;
    items += chunkItems.length;
    options.onProgress?.(contacts);
  }
  const groupItems = groups.items() as unknown as Record<string, unknown>[];
  await writeItems(client, table, groupItems, concurrency);
  items += groupItems.length;
  return { contacts, items, seconds: elapsedMs(start) / 1000 };
}
