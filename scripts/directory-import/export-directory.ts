import { rename, writeFile } from 'node:fs/promises';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Contact } from '../../lambda/src/domain/contact';
import { DEFAULT_TABLE_NAMES } from '../../lambda/src/repositories/table-definitions';
import { ALIAS_SEPARATOR, DIRECTORY_COLUMNS, type DirectoryColumn } from './columns';
import { DirectoryAdminRepository } from './directory-admin-repository';
import { compareIds } from './plan-import';
import type { ImportReporter } from './progress';
import { type DirectoryFileFormat, formatOf } from './read-directory-file';
import { createStoreClient, documentClientOf, type StoreConnection } from './store-client';

export interface ExportDirectoryOptions extends StoreConnection {
  /** `.csv` or `.json`; replaced atomically when it exists. */
  readonly file: string;
  readonly client?: DynamoDBClient;
  readonly directoryTable?: string;
  readonly reporter?: ImportReporter;
}

export interface ExportSummary {
  readonly file: string;
  readonly format: DirectoryFileFormat;
  readonly contacts: number;
}

/**
 * Writes the directory out in the importer's own format, contacts ordered by id, so that importing
 * the export changes nothing.
 */
export async function exportDirectoryFile(options: ExportDirectoryOptions): Promise<ExportSummary> {
  const format = formatOf(options.file);
  const ownClient = options.client === undefined;
  const client = options.client ?? createStoreClient(options);
  try {
    const table = options.directoryTable ?? DEFAULT_TABLE_NAMES.directory;
    options.reporter?.stage?.(`Reading the directory table ${table}`);
    const contacts = await new DirectoryAdminRepository(documentClientOf(client), table).readContacts();
    contacts.sort((a, b) => compareIds(a.id, b.id));
    // Written beside the target and renamed, so an interrupted export never leaves half a file.
    const partial = `${options.file}.partial-${process.pid}`;
    await writeFile(partial, formatDirectory(contacts, format));
    await rename(partial, options.file);
    return { file: options.file, format, contacts: contacts.length };
  } finally {
    if (ownClient) client.destroy();
  }
}

/**
 * The text of a directory file. CSV: UTF-8 with a byte order mark (so spreadsheet programs read
 * accents right), CRLF line ends, RFC 4180 quoting, aliases joined by `;`. JSON: an array of
 * objects with the same snake_case fields, aliases as an array.
 */
export function formatDirectory(contacts: readonly Contact[], format: DirectoryFileFormat): string {
  if (format === 'json') {
    const objects = contacts.map((contact) => ({ ...rowOf(contact), aliases: [...contact.aliases] }));
    return `${JSON.stringify(objects, null, 2)}\n`;
  }
  const rows = contacts.map(rowOf);
  const lines = [
    DIRECTORY_COLUMNS.join(','),
    ...rows.map((row) => DIRECTORY_COLUMNS.map((column) => csvField(row[column])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

type Row = Record<DirectoryColumn, string>;

function rowOf(contact: Contact): Row {
  return {
    id: contact.id,
    first_name: contact.firstName,
    last_name: contact.lastName,
    company: contact.company ?? '',
    title: contact.title ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    city: contact.city ?? '',
    state: contact.state ?? '',
    aliases: contact.aliases.join(ALIAS_SEPARATOR),
  };
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
