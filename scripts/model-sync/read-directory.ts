import { readFile } from 'node:fs/promises';
import { type DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { parse } from 'csv-parse/sync';
import { contactFromItem, ItemTypes } from '../../lambda/src/repositories/directory-items';
import type { DirectoryName } from './slot-values';

/** A directory file or store could not be read. */
export class ModelSyncError extends Error {
  public constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelSyncError';
  }
}

/**
 * The names in a directory CSV (the contract's columns: `id,first_name,last_name,company,...,aliases`
 * with aliases separated by `;`). Rows without an id or a name are skipped, as the importer
 * rejects them.
 */
export async function readDirectoryCsv(file: string): Promise<DirectoryName[]> {
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(await readFile(file), { bom: true, columns: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new ModelSyncError(`Cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const names: DirectoryName[] = [];
  for (const row of rows) {
    const id = row.id ?? '';
    const firstName = row.first_name ?? '';
    const lastName = row.last_name ?? '';
    if (!id || (!firstName && !lastName)) continue;
    names.push({
      id,
      firstName,
      lastName,
      company: row.company || undefined,
      aliases: (row.aliases ?? '')
        .split(';')
        .map((alias) => alias.trim())
        .filter((alias) => alias.length > 0),
    });
  }
  return names;
}

/**
 * The names of every contact in a directory table. An admin tool, so it may Scan: it reads the
 * whole table once, keeping only contact items.
 */
export async function readDirectoryStore(
  client: DynamoDBDocumentClient,
  table: string,
): Promise<DirectoryName[]> {
  const names: DirectoryName[] = [];
  try {
    const pages = paginateScan(
      { client },
      {
        TableName: table,
        FilterExpression: '#type = :contact',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':contact': ItemTypes.contact },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const contact = contactFromItem(item);
        names.push({
          id: contact.id,
          firstName: contact.firstName,
          lastName: contact.lastName,
          company: contact.company,
          aliases: contact.aliases,
        });
      }
    }
  } catch (error) {
    throw new ModelSyncError(`Cannot read table ${table}: ${(error as Error).message}`, { cause: error });
  }
  return names;
}
