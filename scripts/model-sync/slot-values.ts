import { normalizeCompany, normalizeName } from '../../lambda/src/domain/normalize';
import { SlotTypeNames } from '../../lambda/src/interaction';

/**
 * The slot values `npm run model:sync` writes into an interaction model: every contact in
 * CONTACT_NAME (id = contact id, so entity resolution hands the skill the id directly) and every
 * company in COMPANY_NAME (id = the normalized key the browse lists are filed under).
 */

/** What the model needs of a contact. */
export interface DirectoryName {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly company?: string | undefined;
  readonly aliases: readonly string[];
}

export interface SlotValue {
  readonly id: string;
  readonly name: { readonly value: string; readonly synonyms?: readonly string[] };
}

export interface SlotType {
  readonly name: string;
  readonly values: readonly SlotValue[];
}

/** Orders ids the way a person reads them: "c2" before "c10". */
const idCollator = new Intl.Collator('en', { numeric: true });

function byId(a: DirectoryName, b: DirectoryName): number {
  return idCollator.compare(a.id, b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Distinct by spoken form (case and spacing aside), first spelling kept, `except` left out. */
function distinctNames(names: readonly string[], except: string): string[] {
  const seen = new Set([except.toLowerCase()]);
  const kept: string[] = [];
  for (const name of names) {
    const clean = name.replace(/\s+/g, ' ').trim();
    const key = clean.toLowerCase();
    if (clean.length === 0 || seen.has(key)) continue;
    seen.add(key);
    kept.push(clean);
  }
  return kept;
}

function withSynonyms(id: string, value: string, synonyms: readonly string[]): SlotValue {
  const distinct = distinctNames(synonyms, value);
  return { id, name: distinct.length > 0 ? { value, synonyms: distinct } : { value } };
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * The spellings speech recognition may hand over for a written name: without accents ("Zoe" for
 * "Zoë") and without hyphens ("Anne Marie" for "Anne-Marie"), and both.
 */
function spellingsOf(name: string): string[] {
  const plain = name.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
  const unhyphenate = (value: string) => value.replace(/[-\u2010\u2011]/g, ' ');
  return [plain, unhyphenate(name), unhyphenate(plain)];
}

/** How a company is said: "Barnes and Noble" for "Barnes & Noble", "Contoso Ltd." for "Contoso, Ltd.". */
export function spokenCompany(company: string): string {
  return company
    .replace(/\s*&\s*/g, ' and ')
    .replace(/,/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const LEGAL_SUFFIXES: Readonly<Record<string, string>> = {
  corp: 'Corporation',
  co: 'Company',
  inc: 'Incorporated',
  ltd: 'Limited',
};

/** "Acme Corp." is also said "Acme" and "Acme Corporation". */
function companySynonyms(spoken: string): string[] {
  const words = spoken.split(' ');
  const last = words[words.length - 1] ?? '';
  const suffix = last.toLowerCase().replace(/\./g, '');
  if (words.length < 2 || !(suffix in LEGAL_SUFFIXES)) return [];
  const stem = words.slice(0, -1).join(' ');
  return [stem, `${stem} ${LEGAL_SUFFIXES[suffix]}`];
}

/** The spelling most contacts use, ties going to the spelling of the lowest id. */
function commonSpelling(spellings: ReadonlyMap<string, number>): string {
  let best: [string, number] | undefined;
  for (const entry of spellings) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0] ?? '';
}

/** How a model's language joins a shared name and a company ("Jane Doe at Acme Corp."). */
export interface SyncOptions {
  /** "at" in English, "bei" in German. */
  readonly at?: string | undefined;
}

const AT_BY_LANGUAGE: Readonly<Record<string, string>> = { de: 'bei' };

/** The sync options of a locale's model: the word for "at" in its language. */
export function syncOptionsFor(locale: string): SyncOptions {
  return { at: AT_BY_LANGUAGE[locale.split('-')[0] ?? ''] ?? 'at' };
}

/**
 * CONTACT_NAME: each contact's full name with its other spellings, aliases and "alias last-name"
 * as synonyms. A full name two people share becomes "Jane Doe at Acme Corp." with the plain name
 * as a synonym, so Alexa resolves "Jane Doe" to both ids and the skill asks which one.
 */
export function contactNameValues(
  directory: readonly DirectoryName[],
  options: SyncOptions = {},
): SlotValue[] {
  const contacts = [...directory].sort(byId);
  const holders = new Map<string, number>();
  for (const contact of contacts) {
    const key = normalizeName(`${contact.firstName} ${contact.lastName}`);
    holders.set(key, (holders.get(key) ?? 0) + 1);
  }
  return contacts.map((contact) => {
    const fullName = `${contact.firstName} ${contact.lastName}`.trim();
    const shared = (holders.get(normalizeName(fullName)) ?? 0) > 1;
    const value =
      shared && contact.company
        ? `${fullName} ${options.at ?? 'at'} ${spokenCompany(contact.company)}`
        : fullName;
    return withSynonyms(contact.id, value, [
      ...(value === fullName ? [] : [fullName]),
      ...spellingsOf(fullName),
      ...contact.aliases,
      ...contact.aliases.map((alias) => `${alias} ${contact.lastName}`),
    ]);
  });
}

/**
 * COMPANY_NAME: each company once, under its normalized key, in order of first appearance.
 * Synonyms are the name without its legal suffix and with it spelled out; synonyms someone added
 * by hand to a company still in the directory are kept ("Northwind" for "Northwind Traders").
 */
export function companyNameValues(
  directory: readonly DirectoryName[],
  existing: readonly SlotValue[] = [],
): SlotValue[] {
  const companies = new Map<string, Map<string, number>>();
  for (const contact of [...directory].sort(byId)) {
    if (!contact.company) continue;
    const key = normalizeCompany(contact.company);
    if (!key) continue;
    const spellings = companies.get(key) ?? new Map<string, number>();
    const spoken = spokenCompany(contact.company);
    spellings.set(spoken, (spellings.get(spoken) ?? 0) + 1);
    companies.set(key, spellings);
  }
  const generated = [...companies].map(([key, spellings]) => {
    const spoken = commonSpelling(spellings);
    return withSynonyms(key, spoken, companySynonyms(spoken));
  });
  // A kept synonym must not make a spoken company name ambiguous.
  const owner = new Map<string, string>();
  for (const value of generated) {
    for (const name of [value.name.value, ...(value.name.synonyms ?? [])])
      owner.set(normalizeName(name), value.id);
  }
  return generated.map((value) => {
    const added = (existing.find((old) => old.id === value.id)?.name.synonyms ?? []).filter((synonym) => {
      const holder = owner.get(normalizeName(synonym));
      return holder === undefined || holder === value.id;
    });
    return withSynonyms(value.id, value.name.value, [...(value.name.synonyms ?? []), ...added]);
  });
}

interface ModelFile {
  interactionModel: { languageModel: { types?: SlotType[] } & Record<string, unknown> } & Record<
    string,
    unknown
  >;
}

/**
 * The model with CONTACT_NAME's and COMPANY_NAME's values replaced from the directory. Everything
 * else (intents, other types, the order of keys and types) stays as it is, so syncing twice gives
 * the same file.
 */
export function syncModel(
  model: ModelFile,
  directory: readonly DirectoryName[],
  options: SyncOptions = {},
): ModelFile {
  const languageModel = model.interactionModel.languageModel;
  const types = languageModel.types ?? [];
  const valuesFor = (type: SlotType): readonly SlotValue[] => {
    if (type.name === SlotTypeNames.contactName) return contactNameValues(directory, options);
    if (type.name === SlotTypeNames.companyName) return companyNameValues(directory, type.values);
    return type.values;
  };
  return {
    ...model,
    interactionModel: {
      ...model.interactionModel,
      languageModel: { ...languageModel, types: types.map((type) => ({ ...type, values: valuesFor(type) })) },
    },
  };
}

/** The model file's text: two-space JSON with a final newline, characters as they are. */
export function modelText(model: ModelFile): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

export type { ModelFile };
