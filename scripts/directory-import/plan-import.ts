import type { Contact } from '../../lambda/src/domain/contact';
import {
  type BrowseGroupItem,
  contactItem,
  type ItemKey,
  itemsOfContact,
  keys,
} from '../../lambda/src/repositories/directory-items';
import { browseGroupItemsOf } from './browse-groups';
import {
  type DirectoryItem,
  type DirectoryWritePlan,
  itemFingerprint,
  keyString,
  type StoredDirectory,
} from './directory-admin-repository';

export { compareIds } from './browse-groups';

/** What an import will do: the diff of the file against the store, and the writes that apply it. */
export interface ImportPlan {
  /** Ids of contacts new to the store. */
  readonly added: readonly string[];
  /** Ids of contacts in the store with at least one field that differs from the file. */
  readonly updated: readonly string[];
  /** Ids of contacts equal to the file. */
  readonly unchanged: readonly string[];
  /** Unchanged contacts whose stored entries were missing or wrong (an interrupted run, say). */
  readonly repaired: readonly string[];
  /** Ids of contacts absent from the file that `--prune` deletes. */
  readonly pruned: readonly string[];
  /** Entries whose contact item is missing and whose id is not in the file; deleted only by `--prune`. */
  readonly orphanEntries: number;
  readonly writes: DirectoryWritePlan;
}

export interface PlanOptions {
  /** Delete the contacts whose ids are not in `mentionedIds`. */
  readonly prune: boolean;
  /** Every id the file mentions, rejected rows included: a contact whose row was rejected is kept. */
  readonly mentionedIds: ReadonlySet<string>;
}

/**
 * Compares the file's contacts with the store and plans the writes.
 *
 * A contact is *added* when the store has no contact item for its id, *updated* when any field
 * differs and *unchanged* otherwise. Whatever the verdict, every item the contact should have
 * (`itemsOfContact`) is compared by fingerprint with what is stored, and only what is missing or
 * different is written; stored entries of that contact it should no longer have are deleted. That
 * makes a re-run after an interrupted import converge, and a re-import of the same file write
 * nothing.
 *
 * Browse groups are then recomputed from the final set of contacts (the file's, plus the stored
 * contacts that are kept), so their counts are exact whatever happened before. A group's label is
 * the spelling most of its contacts use; on a tie, the spelling of the contact whose id sorts first
 * (numbers in ids compare as numbers). The rule does not depend on the file's row order, so an
 * export re-imported in another order keeps every label.
 */
export function planImport(
  stored: StoredDirectory,
  contacts: readonly Contact[],
  options: PlanOptions,
): ImportPlan {
  const added: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  const repaired: string[] = [];
  const contactPuts: DirectoryItem[] = [];
  const entryPuts: DirectoryItem[] = [];
  const entryDeletes: ItemKey[] = [];
  const contactDeletes: ItemKey[] = [];
  const inFile = new Set<string>();

  for (const contact of contacts) {
    inFile.add(contact.id);
    const storedContact = stored.contacts.get(contact.id);
    const verdict =
      storedContact === undefined ? added : sameContact(storedContact, contact) ? unchanged : updated;
    verdict.push(contact.id);

    let writes = 0;
    const [item, ...entries]: DirectoryItem[] = itemsOfContact(contact);
    if (item && !storedAs(stored.contactFingerprints.get(contact.id), item)) {
      contactPuts.push(item);
      writes += 1;
    }
    const storedEntries = stored.entriesByContact.get(contact.id);
    const wanted = new Set<string>();
    for (const entry of entries) {
      const key = keyString(entry);
      wanted.add(key);
      if (!storedAs(storedEntries?.get(key)?.fingerprint, entry)) {
        entryPuts.push(entry);
        writes += 1;
      }
    }
    for (const [key, storedEntry] of storedEntries ?? []) {
      if (!wanted.has(key)) {
        entryDeletes.push(storedEntry.key);
        writes += 1;
      }
    }
    if (verdict === unchanged && writes > 0) repaired.push(contact.id);
  }

  const pruned: string[] = [];
  if (options.prune) {
    for (const id of stored.contacts.keys()) {
      if (options.mentionedIds.has(id)) continue;
      pruned.push(id);
      for (const entry of stored.entriesByContact.get(id)?.values() ?? []) entryDeletes.push(entry.key);
      if (stored.presenceIds.has(id)) entryDeletes.push({ pk: keys.contact(id).pk, sk: 'PRESENCE' });
      contactDeletes.push(keys.contact(id));
    }
  }

  let orphanEntries = 0;
  for (const [id, entries] of stored.entriesByContact) {
    if (stored.contacts.has(id) || inFile.has(id) || options.mentionedIds.has(id)) continue;
    orphanEntries += entries.size;
    if (options.prune) for (const entry of entries.values()) entryDeletes.push(entry.key);
  }

  const prunedIds = new Set(pruned);
  const finalContacts: Contact[] = [...contacts];
  for (const [id, contact] of stored.contacts) {
    if (!inFile.has(id) && !prunedIds.has(id)) finalContacts.push(contact);
  }
  const { groupPuts, groupDeletes } = planGroups(stored, finalContacts);

  return {
    added,
    updated,
    unchanged,
    repaired,
    pruned,
    orphanEntries,
    writes: { contactPuts, entryPuts, entryDeletes, contactDeletes, groupPuts, groupDeletes },
  };
}

/** Compares the stored groups with the groups of the final contacts: what to write, what to delete. */
function planGroups(
  stored: StoredDirectory,
  finalContacts: readonly Contact[],
): { groupPuts: BrowseGroupItem[]; groupDeletes: ItemKey[] } {
  const groupPuts: BrowseGroupItem[] = [];
  const kept = new Set<string>();
  for (const item of browseGroupItemsOf(finalContacts)) {
    const id = keyString(item);
    kept.add(id);
    if (!storedAs(stored.groups.get(id)?.fingerprint, item)) groupPuts.push(item);
  }
  const groupDeletes = [...stored.groups]
    .filter(([id]) => !kept.has(id))
    .map(([, storedGroup]) => storedGroup.key);
  return { groupPuts, groupDeletes };
}

/** Whether the stored fingerprint is this item's (hashing only when something is stored). */
function storedAs(fingerprint: string | undefined, item: object): boolean {
  return fingerprint !== undefined && fingerprint === itemFingerprint(item);
}

/** Field by field, as a person would compare two rows. */
function sameContact(a: Contact, b: Contact): boolean {
  return itemFingerprint(contactItem(a)) === itemFingerprint(contactItem(b));
}
