import type { Contact } from '../../lambda/src/domain/contact';
import { itemsOfContact } from '../../lambda/src/repositories/directory-items';
// The importer's own counting of browse groups (no AWS SDK: plan-import.ts would bring it in).
import { browseGroupItemsOf } from '../../scripts/directory-import/browse-groups';

/** Every item the importer writes for a directory: each contact's items and the group items. */
export function directoryItemsOf(contacts: readonly Contact[]): DirectoryItem[] {
  return [...contacts.flatMap(itemsOfContact), ...browseGroupItemsOf(contacts)].map((item) => ({ ...item }));
}

export type DirectoryItem = Record<string, unknown> & { pk: string; sk: string };
