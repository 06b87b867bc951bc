import { type Contact, type ContactSummary, fullNameOf, summarize } from '../domain/contact';
import { type Facet, facetKeys, roleSortPrefix } from '../domain/facets';
import { personSoundKeysOf } from '../domain/name-sounds';
import { nameVariants, normalizeName } from '../domain/normalize';
import type { PresenceRecord, PresenceState, PresenceStatus } from '../domain/presence';
import { roleKeysOfTitle } from '../domain/roles';
import { stateName } from '../domain/us-states';

/**
 * The item shapes of the directory table and the keys that find them. Every item that is derived
 * from a contact (lookup entries, browse entries) is computed here from the contact alone, so the
 * importer can always tell exactly which items a changed contact must add and remove.
 *
 * | item            | pk                      | sk                         | holds                       |
 * |-----------------|-------------------------|----------------------------|-----------------------------|
 * | contact         | `CONTACT#<id>`          | `CONTACT`                  | the whole contact           |
 * | name entry      | `NAME#<spoken form>`    | `CONTACT#<id>`             | the whole contact           |
 * | sound entry     | `SOUND#<sound key>`     | `CONTACT#<id>`             | a {@link SoundEntryItem}    |
 * | browse entry    | `<FACET>#<key>`         | `ENTRY#<sort name>#<id>`   | a {@link ContactSummary}    |
 * | role entry      | `ROLE#<role key>`       | `ENTRY#<company>/<sort name>#<id>` | a {@link ContactSummary} |
 * | browse group    | `<FACET>#<key>`         | `#GROUP`                   | display label and count     |
 * | presence        | `CONTACT#<id>`          | `PRESENCE`                 | in/out state (in/out board) |
 * | presence change | `HISTORY#<id>`          | `VERSION#<version>#<change>` | one accepted change, forever |
 *
 * Name entries carry the whole contact so that a lookup by name is a single Query. A browse group's
 * `#GROUP` item sorts before its entries, so the first page of a list reads the count and the first
 * names in one Query. Sound entries file a contact under the Double Metaphone keys of each of its
 * names (`domain/name-sounds.ts`), so "did you mean" finds names that sound like what was heard
 * with a Query per key instead of reading the directory.
 *
 * Role entries file a contact under each role key of its title (`domain/roles.ts`: "CTO" and
 * "Chief Technology Officer" share one), sorted by company first, so "the CTO at Acme" reads only
 * Acme's entries with `begins_with` and "who are the designers" reads the whole role. A place
 * entry (`PLACE#portland/OR`) lists a city within one state; a city's group item names the states
 * its people are in, so one Query tells "Portland" (two states: "which one?") from "Austin".
 *
 * The presence item holds a person's latest accepted {@link PresenceRecord}, and the one before it
 * until the next change has archived it (`services/presence-service.ts`); while they are in it
 * also carries `presentPk`/`presentSk`, which puts it in the sparse `present` index ("who's in",
 * newest first), and `presentCompanyPk`, which puts it in `presentByCompany` ("who's in from
 * Globex"); while they are out it carries `leftPk`/`leftSk` instead, which puts it in the sparse
 * `left` index ("who checked out today", newest first, by the time they left). The history lives in its own partition, outside the contact's, so that the
 * importer never mistakes it for something derived from a contact; its sort key starts with the
 * zero-padded version, so a person's history reads in order, and it ends with the change id, so
 * that re-writing the same change is idempotent while two incarnations of a contact id (pruned,
 * then imported again) can never collide.
 */

export const ItemTypes = {
  contact: 'contact',
  nameEntry: 'name',
  browseEntry: 'entry',
  browseGroup: 'group',
  soundEntry: 'sound',
  presence: 'presence',
  presenceChange: 'presenceChange',
} as const;

export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** Starts a contact's partition key, and the sort key of every lookup entry that points at one. */
export const CONTACT_KEY_PREFIX = 'CONTACT#';
export const CONTACT_SK = 'CONTACT';
export const GROUP_SK = '#GROUP';
export const ENTRY_SK_PREFIX = 'ENTRY#';
export const PRESENCE_SK = 'PRESENCE';
/** The one partition of the `present` index: the office is small enough for one. */
export const PRESENT_PK = 'PRESENT';
/** The one partition of the `left` index: the latest check-out of each person who is out. */
export const LEFT_PK = 'LEFT';
const VERSION_DIGITS = 10;

export const keys = {
  contact: (id: string): ItemKey => ({ pk: `${CONTACT_KEY_PREFIX}${id}`, sk: CONTACT_SK }),
  namePartition: (spokenForm: string): string => `NAME#${spokenForm}`,
  nameEntry: (spokenForm: string, id: string): ItemKey => ({
    pk: `NAME#${spokenForm}`,
    sk: `${CONTACT_KEY_PREFIX}${id}`,
  }),
  soundPartition: (soundKey: string): string => `SOUND#${soundKey}`,
  soundEntry: (soundKey: string, id: string): ItemKey => ({
    pk: `SOUND#${soundKey}`,
    sk: `${CONTACT_KEY_PREFIX}${id}`,
  }),
  facetPartition: (facet: Facet, key: string): string => `${facet}#${key}`,
  group: (facet: Facet, key: string): ItemKey => ({ pk: `${facet}#${key}`, sk: GROUP_SK }),
  presence: (id: string): ItemKey => ({ pk: `${CONTACT_KEY_PREFIX}${id}`, sk: PRESENCE_SK }),
  presenceHistoryPartition: (id: string): string => `HISTORY#${id}`,
  presenceChange: (id: string, version: number, changeId: string): ItemKey => ({
    pk: `HISTORY#${id}`,
    sk: `VERSION#${String(version).padStart(VERSION_DIGITS, '0')}#${changeId}`,
  }),
  /** Newest first when read backwards; the id breaks ties between people in the same millisecond. */
  presentSort: (changedAt: string, id: string): string => `${changedAt}#${id}`,
  /** The `presentByCompany` partition of a company's people who are in. */
  presentCompany: (companyKey: string): string => `PRESENT#${companyKey}`,
};

/** Every spoken form under which a contact can be looked up by name. */
export function spokenFormsOf(contact: Contact): string[] {
  const forms = new Set<string>();
  const add = (value: string): void => {
    for (const variant of nameVariants(value)) if (variant) forms.add(variant);
  };
  add(fullNameOf(contact));
  add(contact.firstName);
  add(contact.lastName);
  for (const part of contact.lastName.split(/[-\u2010\u2011]/)) if (part.trim().length > 1) add(part);
  for (const alias of contact.aliases) {
    add(alias);
    add(`${alias} ${contact.lastName}`);
  }
  return [...forms];
}

export interface BrowseGroupRef {
  readonly facet: Facet;
  readonly key: string;
  /** How the group is spoken: "Acme Corp.", "Austin", "Texas", "J". */
  readonly label: string;
  /** Where the contact sorts within the group, before its name (roles sort by company first). */
  readonly sortPrefix?: string | undefined;
  /** For a city: the contact's state, so the city's group item can list every state it is in. */
  readonly state?: string | undefined;
}

/** The browse lists a contact appears in. */
export function browseGroupsOf(contact: Contact): BrowseGroupRef[] {
  const groups: BrowseGroupRef[] = [];
  if (contact.company) {
    const key = facetKeys.company(contact.company);
    if (key) groups.push({ facet: 'COMPANY', key, label: contact.company });
  }
  if (contact.city) {
    const key = facetKeys.city(contact.city);
    const state = contact.state ? facetKeys.state(contact.state) : undefined;
    if (key) groups.push({ facet: 'CITY', key, label: contact.city, state });
    if (key && state) {
      groups.push({
        facet: 'PLACE',
        key: facetKeys.place(contact.city, state),
        label: `${contact.city}, ${stateName(state)}`,
      });
    }
  }
  if (contact.state)
    groups.push({ facet: 'STATE', key: facetKeys.state(contact.state), label: stateName(contact.state) });
  const initials = new Set(
    [contact.firstName, contact.lastName].map((name) => facetKeys.initial(name)).filter((letter) => letter),
  );
  for (const letter of initials) groups.push({ facet: 'INITIAL', key: letter, label: letter.toUpperCase() });
  if (contact.title) {
    const sortPrefix = roleSortPrefix(contact.company);
    for (const key of roleKeysOfTitle(contact.title)) {
      groups.push({ facet: 'ROLE', key, label: key, sortPrefix });
    }
  }
  return groups;
}

/** Sorts browse entries by last name, then first name, then id, whatever the spelling. */
export function sortNameOf(contact: Contact): string {
  return `${normalizeName(contact.lastName)} ${normalizeName(contact.firstName)}`.trim();
}

export type ContactItem = ItemKey & { readonly type: string } & Contact;
export type BrowseEntryItem = ItemKey & { readonly type: string } & ContactSummary;
/** What "did you mean" needs of a contact: how to say it, and every name to compare with what was heard. */
export type SoundEntryItem = ItemKey & { readonly type: string } & ContactSummary & SoundNames;
export interface SoundNames {
  readonly firstName: string;
  readonly lastName: string;
  readonly aliases: readonly string[];
}
export interface BrowseGroupItem extends ItemKey {
  readonly type: string;
  readonly label: string;
  readonly count: number;
  /** A city's group: the states its people are in, when there is more than one. */
  readonly states?: readonly string[];
}

export function contactItem(contact: Contact): ContactItem {
  return { ...keys.contact(contact.id), type: ItemTypes.contact, ...contact };
}

/**
 * Every item that exists because of this contact: the contact itself, its name entries, its
 * browse entries and its sound entries. Browse groups (counts) are maintained over the whole
 * directory by the importer.
 */
export function itemsOfContact(contact: Contact): Array<ContactItem | BrowseEntryItem | SoundEntryItem> {
  const items: Array<ContactItem | BrowseEntryItem | SoundEntryItem> = [contactItem(contact)];
  for (const form of spokenFormsOf(contact)) {
    items.push({ ...keys.nameEntry(form, contact.id), type: ItemTypes.nameEntry, ...contact });
  }
  const summary = summarize(contact);
  const sortName = sortNameOf(contact);
  for (const group of browseGroupsOf(contact)) {
    items.push({
      pk: keys.facetPartition(group.facet, group.key),
      sk: `${ENTRY_SK_PREFIX}${group.sortPrefix ?? ''}${sortName}#${contact.id}`,
      type: ItemTypes.browseEntry,
      ...summary,
    });
  }
  const names = { firstName: contact.firstName, lastName: contact.lastName, aliases: [...contact.aliases] };
  for (const soundKey of personSoundKeysOf(contact)) {
    items.push({
      ...keys.soundEntry(soundKey, contact.id),
      type: ItemTypes.soundEntry,
      ...summary,
      ...names,
    });
  }
  return items;
}

const CONTACT_FIELDS = [
  'id',
  'firstName',
  'lastName',
  'company',
  'title',
  'email',
  'phone',
  'phoneNational',
  'phoneInternational',
  'phoneCountry',
  'city',
  'state',
] as const;

/** Reads a contact back out of a contact item or a name entry, ignoring the key attributes. */
export function contactFromItem(item: Record<string, unknown>): Contact {
  const contact: Record<string, unknown> = {
    aliases: Array.isArray(item.aliases) ? item.aliases.map(String) : [],
  };
  for (const field of CONTACT_FIELDS) {
    const value = item[field];
    if (typeof value === 'string' && value.length > 0) contact[field] = value;
  }
  if (typeof contact.id !== 'string') throw new TypeError('A directory item has no contact id');
  contact.firstName ??= '';
  contact.lastName ??= '';
  return contact as unknown as Contact;
}

/** Reads a contact summary out of a browse entry. */
export function summaryFromItem(item: Record<string, unknown>): ContactSummary {
  const summary: Record<string, unknown> = {};
  for (const field of ['id', 'fullName', 'company', 'title', 'city', 'state'] as const) {
    const value = item[field];
    if (typeof value === 'string' && value.length > 0) summary[field] = value;
  }
  if (typeof summary.id !== 'string') throw new TypeError('A browse entry has no contact id');
  summary.fullName ??= '';
  return summary as unknown as ContactSummary;
}

/** Reads a sound entry back: the contact's summary and its names. */
export function soundEntryFromItem(item: Record<string, unknown>): ContactSummary & SoundNames {
  const text = (field: string): string => (typeof item[field] === 'string' ? (item[field] as string) : '');
  return {
    ...summaryFromItem(item),
    firstName: text('firstName'),
    lastName: text('lastName'),
    aliases: Array.isArray(item.aliases) ? item.aliases.map(String) : [],
  };
}

export type PresenceItem = ItemKey & { readonly type: string } & PresenceRecord & {
    readonly presentPk?: string;
    readonly presentSk?: string;
    readonly presentCompanyPk?: string;
    readonly leftPk?: string;
    readonly leftSk?: string;
    /** The change before this one, kept until the next change has put it in the history. */
    readonly previous?: PresenceRecord;
  };
export type PresenceChangeItem = ItemKey & { readonly type: string } & PresenceRecord;

function recordFields(record: PresenceRecord): PresenceRecord {
  return {
    contactId: record.contactId,
    status: record.status,
    changedAt: record.changedAt,
    version: record.version,
    changeId: record.changeId,
    requester: record.requester,
    fullName: record.fullName,
    firstName: record.firstName,
    ...(record.company ? { company: record.company } : {}),
    ...(record.title ? { title: record.title } : {}),
    ...(record.city ? { city: record.city } : {}),
    ...(record.state ? { state: record.state } : {}),
    ...(record.reason && record.reason !== 'spoken' ? { reason: record.reason } : {}),
  };
}

/**
 * The presence item of a record: in the `present` index (and, with a company, `presentByCompany`)
 * exactly while the person is in, and in the `left` index exactly while they are out. It also
 * carries the `previous` change, which the history may not have yet.
 */
export function presenceItem(record: PresenceRecord, previous?: PresenceRecord): PresenceItem {
  const sort = keys.presentSort(record.changedAt, record.contactId);
  const companyKey = record.company ? facetKeys.company(record.company) : '';
  return {
    ...keys.presence(record.contactId),
    type: ItemTypes.presence,
    ...recordFields(record),
    ...(record.status === 'IN'
      ? {
          presentPk: PRESENT_PK,
          presentSk: sort,
          ...(companyKey ? { presentCompanyPk: keys.presentCompany(companyKey) } : {}),
        }
      : { leftPk: LEFT_PK, leftSk: sort }),
    ...(previous ? { previous: recordFields(previous) } : {}),
  };
}

/** Reads both changes back out of a presence item (an item written before `previous` has none). */
export function presenceStateFromItem(item: Record<string, unknown> | undefined): PresenceState {
  if (!item) return {};
  const previous = item.previous;
  return {
    current: presenceFromItem(item),
    previous:
      previous !== null && typeof previous === 'object'
        ? presenceFromItem(previous as Record<string, unknown>)
        : undefined,
  };
}

/** The history item of a record. Its key depends only on the record, so a repeat is idempotent. */
export function presenceChangeItem(record: PresenceRecord): PresenceChangeItem {
  return {
    ...keys.presenceChange(record.contactId, record.version, record.changeId),
    type: ItemTypes.presenceChange,
    ...recordFields(record),
  };
}

function isStatus(value: unknown): value is PresenceStatus {
  return value === 'IN' || value === 'OUT';
}

/** Reads a record back out of a presence or history item, ignoring the key attributes. */
export function presenceFromItem(item: Record<string, unknown>): PresenceRecord {
  const { contactId, status, changedAt, version, changeId, requester, fullName, firstName, company, reason } =
    item;
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.length > 0 ? value : undefined;
  if (
    typeof contactId !== 'string' ||
    !isStatus(status) ||
    typeof changedAt !== 'string' ||
    typeof version !== 'number' ||
    typeof changeId !== 'string'
  ) {
    throw new TypeError('A presence item is malformed');
  }
  return {
    contactId,
    status,
    changedAt,
    version,
    changeId,
    requester: typeof requester === 'string' ? requester : '',
    fullName: typeof fullName === 'string' ? fullName : '',
    firstName: typeof firstName === 'string' ? firstName : '',
    ...(typeof company === 'string' && company.length > 0 ? { company } : {}),
    ...(text(item.title) ? { title: text(item.title) } : {}),
    ...(text(item.city) ? { city: text(item.city) } : {}),
    ...(text(item.state) ? { state: text(item.state) } : {}),
    ...(reason === 'end of day' ? { reason } : {}),
  };
}

/** Where a page of a presence index ends: the last record's id and time, which make its sort key. */
export interface PresenceCursor {
  readonly id: string;
  readonly at: string;
}

/** A page's end as the opaque cursor the session carries to the next turn. */
export function encodePresenceCursor(record: Pick<PresenceRecord, 'contactId' | 'changedAt'>): string {
  const cursor: PresenceCursor = { id: record.contactId, at: record.changedAt };
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** A cursor back from the session (trust nothing): undefined unless it is one this module wrote. */
export function decodePresenceCursor(cursor: string): PresenceCursor | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<PresenceCursor>;
    return typeof parsed.id === 'string' &&
      parsed.id.length > 0 &&
      typeof parsed.at === 'string' &&
      parsed.at.length > 0
      ? { id: parsed.id, at: parsed.at }
      : undefined;
  } catch {
    return undefined;
  }
}
