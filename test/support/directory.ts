import type { Contact } from '../../lambda/src/domain/contact';
import {
  type BrowseGroupItem,
  browseGroupsOf,
  ItemTypes,
  itemsOfContact,
  keys,
} from '../../lambda/src/repositories/directory-items';

/** Orders ids the way the importer does: "c2" before "c10". */
const idCollator = new Intl.Collator('en', { numeric: true });

/**
 * The `#GROUP` items of a directory, computed the way the importer computes them: one per browse
 * group, counting its contacts, labelled with the spelling most contacts use (ties go to the
 * spelling of the lowest id); a city's names its states when there are several.
 */
export function browseGroupItemsOf(contacts: readonly Contact[]): BrowseGroupItem[] {
  const tallies = new Map<
    string,
    {
      item: Omit<BrowseGroupItem, 'label' | 'count'>;
      count: number;
      states: Set<string>;
      spellings: Map<string, { uses: number; firstId: string }>;
    }
  >();
  for (const contact of contacts) {
    for (const group of browseGroupsOf(contact)) {
      const key = keys.group(group.facet, group.key);
      const id = `${key.pk}\u0000${key.sk}`;
      const tally = tallies.get(id) ?? {
        item: { ...key, type: ItemTypes.browseGroup },
        count: 0,
        states: new Set<string>(),
        spellings: new Map(),
      };
      tallies.set(id, tally);
      tally.count += 1;
      if (group.state) tally.states.add(group.state);
      const spelling = tally.spellings.get(group.label);
      if (!spelling) tally.spellings.set(group.label, { uses: 1, firstId: contact.id });
      else {
        spelling.uses += 1;
        if (idCollator.compare(contact.id, spelling.firstId) < 0) spelling.firstId = contact.id;
      }
    }
  }
  return [...tallies.values()].map(({ item, count, states, spellings }) => {
    const [label] = [...spellings].sort(
      ([, a], [, b]) => b.uses - a.uses || idCollator.compare(a.firstId, b.firstId),
    )[0] ?? [''];
    return { ...item, label, count, ...(states.size > 1 ? { states: [...states].sort() } : {}) };
  });
}

/** Every item the importer writes for a directory: each contact's items and the group items. */
export function directoryItemsOf(contacts: readonly Contact[]): DirectoryItem[] {
  return [...contacts.flatMap(itemsOfContact), ...browseGroupItemsOf(contacts)].map((item) => ({ ...item }));
}

export type DirectoryItem = Record<string, unknown> & { pk: string; sk: string };
