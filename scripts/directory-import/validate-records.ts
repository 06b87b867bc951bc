import { type CountryCode, type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Contact } from '../../lambda/src/domain/contact';
import { toStateCode } from '../../lambda/src/domain/us-states';
import { ALIAS_SEPARATOR, type DirectoryColumn } from './columns';
import type { DirectoryFileContents, RawRecord, Rejection } from './read-directory-file';

export interface ValidatedDirectory {
  /** The rows that passed, in file order. */
  readonly contacts: ReadonlyArray<{ readonly line: number; readonly contact: Contact }>;
  /** Every row that failed, in line order, with all of its reasons. */
  readonly rejections: readonly Rejection[];
  /** Every id the file mentions, in rows that passed or not. */
  readonly mentionedIds: ReadonlySet<string>;
}

export interface ValidationOptions {
  /** Region of phone numbers written without a country code; US by default. */
  readonly defaultPhoneRegion?: CountryCode;
}

/**
 * Checks every row and turns the good ones into contacts:
 * - `id` present and unique in the file (every row of a repeated id is rejected: the file
 *   contradicts itself, and picking one would be a guess);
 * - a first or a last name;
 * - `email`, when present, well formed;
 * - `phone`, when present, a valid number, stored as E.164 (an extension cannot be stored and is
 *   rejected rather than dropped);
 * - `state`, when present, a USPS code or a state name, stored as the code;
 * - `aliases` separated by `;` (a JSON array of strings is accepted too).
 * Text is normalized to NFC and its runs of white space (line breaks in quoted fields included)
 * become one space, so a re-export compares equal.
 */
export function validateDirectory(
  contents: DirectoryFileContents,
  options: ValidationOptions = {},
): ValidatedDirectory {
  const region = options.defaultPhoneRegion ?? 'US';
  const checked = contents.records.map((record) => checkRecord(record, region));
  const linesById = new Map<string, number[]>();
  const mention = (id: string | undefined, line: number): void => {
    if (!id) return;
    const lines = linesById.get(id) ?? [];
    lines.push(line);
    linesById.set(id, lines);
  };
  for (const row of checked) mention(row.id, row.line);
  for (const rejection of contents.rejections) mention(rejection.id, rejection.line);

  const contacts: Array<{ line: number; contact: Contact }> = [];
  const rejections: Rejection[] = [...contents.rejections];
  for (const row of checked) {
    const others = row.id ? (linesById.get(row.id) ?? []).filter((line) => line !== row.line) : [];
    if (others.length > 0) {
      row.problems.push(`id ${row.id} is also on line${others.length > 1 ? 's' : ''} ${others.join(', ')}`);
    }
    if (row.problems.length > 0 || !row.contact) {
      rejections.push({ line: row.line, reason: row.problems.join('; '), ...(row.id ? { id: row.id } : {}) });
    } else {
      contacts.push({ line: row.line, contact: row.contact });
    }
  }
  rejections.sort((a, b) => a.line - b.line);
  return { contacts, rejections, mentionedIds: new Set(linesById.keys()) };
}

const MAX_LENGTH: Record<Exclude<DirectoryColumn, 'aliases'>, number> & { alias: number } = {
  id: 100,
  first_name: 100,
  last_name: 100,
  company: 200,
  title: 200,
  email: 254,
  phone: 40,
  city: 100,
  state: 40,
  alias: 100,
};
const MAX_ALIASES = 20;

// The WHATWG form of a valid email address, with a dot required in the domain.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

interface CheckedRow {
  readonly line: number;
  readonly id: string | undefined;
  readonly problems: string[];
  readonly contact: Contact | undefined;
}

function checkRecord(record: RawRecord, region: CountryCode): CheckedRow {
  const problems: string[] = [];
  const text = (column: Exclude<DirectoryColumn, 'aliases'>): string => {
    const value = cleanText(record.fields[column], column, problems);
    if (value.length > MAX_LENGTH[column]) {
      problems.push(`${column} is longer than ${MAX_LENGTH[column]} characters`);
    }
    return value;
  };

  const id = text('id');
  if (!id) problems.push('id is missing');
  const firstName = text('first_name');
  const lastName = text('last_name');
  if (!firstName && !lastName) problems.push('a first or a last name is required');
  const company = text('company');
  const title = text('title');
  const city = text('city');

  const email = text('email');
  if (email && !EMAIL.test(email)) problems.push(`email "${email}" is not an email address`);

  const phoneText = text('phone');
  let phone: string | undefined;
  let phoneForms: Pick<Contact, 'phoneNational' | 'phoneInternational' | 'phoneCountry'> = {};
  if (phoneText) {
    const parsed = parsePhoneNumberFromString(phoneText, region);
    if (!parsed?.isValid()) problems.push(`phone "${phoneText}" is not a valid phone number`);
    else if (parsed.ext) {
      problems.push(`phone "${phoneText}" has an extension, which cannot be stored (E.164 has none)`);
    } else {
      phone = parsed.number;
      phoneForms = phoneFormsOf(parsed);
    }
  }

  const stateText = text('state');
  const state = stateText ? toStateCode(stateText) : undefined;
  if (stateText && !state) problems.push(`state "${stateText}" is not a US state name or USPS code`);

  const aliases = readAliases(record.fields.aliases, problems);

  const contact: Contact | undefined =
    problems.length > 0
      ? undefined
      : {
          id,
          firstName,
          lastName,
          ...(company ? { company } : {}),
          ...(title ? { title } : {}),
          ...(email ? { email } : {}),
          ...(phone ? { phone, ...phoneForms } : {}),
          ...(city ? { city } : {}),
          ...(state ? { state } : {}),
          aliases,
        };
  return { line: record.line, id: id || undefined, problems, contact };
}

/**
 * The forms a number is dialled in, next to E.164, so the skill can say and show it the way a
 * caller dials it without shipping libphonenumber-js: within its country ("(512) 555-0100",
 * "020 7946 0142") and from abroad ("+44 20 7946 0142").
 */
export function phoneFormsOf(
  parsed: PhoneNumber,
): Pick<Contact, 'phoneNational' | 'phoneInternational' | 'phoneCountry'> {
  return {
    phoneNational: parsed.formatNational(),
    phoneInternational: parsed.formatInternational(),
    ...(parsed.country ? { phoneCountry: parsed.country } : {}),
  };
}

function cleanText(value: unknown, column: string, problems: string[]): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') {
    problems.push(`${column} must be text`);
    return '';
  }
  if (CONTROL_CHARACTERS.test(value)) {
    problems.push(`${column} contains control characters`);
    return '';
  }
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function readAliases(value: unknown, problems: string[]): string[] {
  const parts: unknown[] = Array.isArray(value) ? value : [value];
  const aliases: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const joined = cleanText(part, 'aliases', problems);
    for (const piece of joined.split(ALIAS_SEPARATOR)) {
      const alias = piece.trim();
      if (!alias || seen.has(alias.toLowerCase())) continue;
      if (alias.length > MAX_LENGTH.alias) {
        problems.push(`alias "${alias.slice(0, 20)}…" is longer than ${MAX_LENGTH.alias} characters`);
      }
      seen.add(alias.toLowerCase());
      aliases.push(alias);
    }
  }
  if (aliases.length > MAX_ALIASES) problems.push(`more than ${MAX_ALIASES} aliases`);
  return aliases;
}
