import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import {
  DIRECTORY_COLUMNS,
  type DirectoryColumn,
  isDirectoryColumn,
  normalizeColumnName,
  suggestColumn,
} from './columns';
import { DirectoryFileError, UsageError } from './errors';

export type DirectoryFileFormat = 'csv' | 'json';

/** One row of the file, before validation. */
export interface RawRecord {
  /** CSV: the line the record starts on. JSON: the position in the array, from 1. */
  readonly line: number;
  readonly fields: Readonly<Partial<Record<DirectoryColumn, unknown>>>;
}

/** A row that will not be imported, and why. */
export interface Rejection {
  readonly line: number;
  /** Says what to fix, for example "email 'jane@' is not an email address". */
  readonly reason: string;
  /** The row's id, when it has one: a rejected row still protects its contact from `--prune`. */
  readonly id?: string;
}

export interface DirectoryFileContents {
  readonly format: DirectoryFileFormat;
  readonly records: readonly RawRecord[];
  /** Rows that cannot be read as a record (a field count that does not match the header, say). */
  readonly rejections: readonly Rejection[];
  /** Worth telling the admin, not worth rejecting anything for (unknown columns). */
  readonly warnings: readonly string[];
}

/** `.csv` or `.json`, from the file name. */
export function formatOf(path: string): DirectoryFileFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.json') return 'json';
  throw new UsageError(`${path}: the file name must end in .csv or .json`);
}

/** Reads a directory file. Throws {@link DirectoryFileError} when the file as a whole is unusable. */
export async function readDirectoryFile(path: string): Promise<DirectoryFileContents> {
  const format = formatOf(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new DirectoryFileError(`${path}: cannot read the file (${(error as Error).message})`, {
      cause: error,
    });
  }
  return parseDirectoryFile(bytes, format);
}

/**
 * Parses a directory file's bytes. Structural problems (not UTF-8, no header, a quote never closed,
 * invalid JSON, an empty file) reject the whole file with {@link DirectoryFileError}: after one of
 * those nothing that follows can be trusted. Problems of a single row are returned as rejections.
 */
export function parseDirectoryFile(bytes: Buffer, format: DirectoryFileFormat): DirectoryFileContents {
  const text = decodeUtf8(bytes);
  if (text.trim().length === 0) throw new DirectoryFileError('The file is empty: nothing to import');
  return format === 'csv' ? parseCsv(text) : parseJson(text);
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** UTF-8 with or without a byte order mark; anything else is refused with the line it breaks on. */
function decodeUtf8(bytes: Buffer): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    throw new DirectoryFileError('The file is UTF-16, not UTF-8: save it as "CSV UTF-8" (or JSON in UTF-8)');
  }
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  const text = body.toString('utf8');
  // Invalid sequences decode to U+FFFD; re-encoding shows where the bytes first differ.
  const reencoded = Buffer.from(text, 'utf8');
  if (!reencoded.equals(body)) {
    let offset = 0;
    while (offset < body.length && body[offset] === reencoded[offset]) offset += 1;
    const line = lineAt(body, offset);
    throw new DirectoryFileError(
      `line ${line}: the file is not valid UTF-8 (byte 0x${(body[offset] ?? 0).toString(16).padStart(2, '0')} ` +
        `at offset ${offset + (body === bytes ? 0 : 3)}); save it as "CSV UTF-8" (or JSON in UTF-8)`,
    );
  }
  return text;
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

function parseCsv(source: string): DirectoryFileContents {
  // One line break, so line numbers are exact and quoted multi-line fields read the same everywhere.
  const text = source.replace(/\r\n?/g, '\n');
  let lastLine = 0;
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // With `info`, the record passed here is really `{ record, info }`; it is returned as is.
      on_record: (row, context) => {
        lastLine = context.lines;
        return row;
      },
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    throw csvFileError(error, text, lastLine);
  }

  const [headerRow, ...dataRows] = rows;
  if (!headerRow) throw new DirectoryFileError('The file is empty: nothing to import');
  const header = readHeader(headerRow.record, startLine(headerRow));
  const records: RawRecord[] = [];
  const rejections: Rejection[] = [];
  for (const row of dataRows) {
    const line = startLine(row);
    if (row.record.every((value) => value.trim().length === 0)) continue;
    if (row.record.length !== header.columns.length) {
      const id = header.idIndex < row.record.length ? row.record[header.idIndex]?.trim() : undefined;
      rejections.push({
        line,
        reason: `${row.record.length} fields where the header has ${header.columns.length} (a comma or a quote out of place?)`,
        ...(id ? { id } : {}),
      });
      continue;
    }
    const fields: Partial<Record<DirectoryColumn, string>> = {};
    header.columns.forEach((column, index) => {
      if (column) fields[column] = row.record[index] ?? '';
    });
    records.push({ line, fields });
  }
  return { format: 'csv', records, rejections, warnings: header.warnings };
}

/** The line a record starts on: where it ends, less the line breaks inside its quoted fields. */
function startLine(row: { record: string[]; info: { lines: number } }): number {
  let breaks = 0;
  for (const value of row.record) for (const char of value) if (char === '\n') breaks += 1;
  return row.info.lines - breaks;
}

interface CsvHeader {
  /** The column of each field position, or undefined for an unknown column. */
  readonly columns: ReadonlyArray<DirectoryColumn | undefined>;
  readonly idIndex: number;
  readonly warnings: string[];
}

function readHeader(names: string[], line: number): CsvHeader {
  const columns: Array<DirectoryColumn | undefined> = [];
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const name = normalizeColumnName(raw);
    if (isDirectoryColumn(name)) {
      if (seen.has(name)) throw new DirectoryFileError(`line ${line}: the column ${name} appears twice`);
      seen.add(name);
      columns.push(name);
    } else {
      columns.push(undefined);
      if (raw.trim().length > 0) warnings.push(unknownFieldWarning(`line ${line}: unknown column`, raw));
    }
  }
  if (seen.size === 0) {
    throw new DirectoryFileError(
      `line ${line}: the header is missing: the first line must name the columns (${DIRECTORY_COLUMNS.join(',')})`,
    );
  }
  const missing = DIRECTORY_COLUMNS.filter((column) => !seen.has(column));
  if (missing.length > 0) {
    // A missing column would silently blank that field for every contact on re-import.
    throw new DirectoryFileError(
      `line ${line}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ` +
        'every column must be present (values may be empty)',
    );
  }
  return { columns, idIndex: columns.indexOf('id'), warnings };
}

function unknownFieldWarning(prefix: string, name: string): string {
  const suggestion = suggestColumn(name);
  return `${prefix} "${name}" is ignored${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
}

function csvFileError(error: unknown, text: string, lastGoodLine: number): DirectoryFileError {
  if (!(error instanceof CsvError))
    return new DirectoryFileError('The CSV file cannot be read', { cause: error });
  const lines = text.split('\n');
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    // csv-parse reports where the file ended; the admin needs the row where the quote opened.
    let line = lastGoodLine + 1;
    while (line < lines.length && (lines[line - 1] ?? '').trim().length === 0) line += 1;
    return new DirectoryFileError(
      `line ${line}: a quoted field is never closed, so the rest of the file cannot be read; nothing was imported`,
      { cause: error },
    );
  }
  const line = (error as CsvError & { lines?: number }).lines ?? lastGoodLine + 1;
  const reasons: Record<string, string> = {
    CSV_INVALID_CLOSING_QUOTE:
      'a closing quote is followed by more text (write "" for a quote inside a quoted field)',
    INVALID_OPENING_QUOTE:
      'a quote inside an unquoted field (quote the whole field and double the quote: "Dwayne ""The Rock""")',
  };
  const reason = reasons[error.code] ?? error.message;
  return new DirectoryFileError(`line ${line}: ${reason}; nothing was imported`, { cause: error });
}

function parseJson(text: string): DirectoryFileContents {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const before = position === undefined ? undefined : text.slice(0, Number(position)).split('\n');
    const where = before ? ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}` : '';
    throw new DirectoryFileError(
      `The file is not valid JSON${where} (${(error as Error).message}); nothing was imported`,
      { cause: error },
    );
  }
  if (!Array.isArray(value)) {
    throw new DirectoryFileError(
      'The JSON file must hold an array of contacts ([{"id": ..., "first_name": ...}])',
    );
  }
  const records: RawRecord[] = [];
  const rejections: Rejection[] = [];
  const unknown = new Set<string>();
  value.forEach((element: unknown, index) => {
    const line = index + 1;
    if (element === null || typeof element !== 'object' || Array.isArray(element)) {
      rejections.push({ line, reason: 'not an object with the directory fields' });
      return;
    }
    const fields: Partial<Record<DirectoryColumn, unknown>> = {};
    for (const [name, member] of Object.entries(element as Record<string, unknown>)) {
      const column = normalizeColumnName(name);
      if (isDirectoryColumn(column)) fields[column] = member;
      else unknown.add(name);
    }
    records.push({ line, fields });
  });
  const warnings = [...unknown].map((name) => unknownFieldWarning('unknown field', name));
  return { format: 'json', records, rejections, warnings };
}
