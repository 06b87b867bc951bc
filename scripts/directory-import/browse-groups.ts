import type { Contact } from '../../lambda/src/domain/contact';
import type { Facet } from '../../lambda/src/domain/facets';
import {
  type BrowseGroupItem,
  browseGroupsOf,
  ItemTypes,
  keys,
} from '../../lambda/src/repositories/directory-items';

/*
 * How the importer counts browse groups, with no store in sight (no AWS SDK): the importer's plan
 * (`plan-import.ts`) and the tests' in-memory directory (`test/support/directory.ts`) both call it,
 * so the groups a test reads are the ones an import writes.
 */

const idCollator = new Intl.Collator('en', { numeric: true });

/** Orders contact ids the way a person reads them: "c2" before "c10". */
export function compareIds(a: string, b: string): number {
  return idCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

interface GroupTally {
  readonly facet: Facet;
  readonly key: string;
  count: number;
  /** A city's: the states its people are in. */
  readonly states: Set<string>;
  /** For each spelling of the label: how many contacts use it, and the first of their ids. */
  readonly spellings: Map<string, { uses: number; firstId: string }>;
}

/**
 * The `#GROUP` item of every browse group these contacts are in, in the order the groups are first
 * met: its count of contacts, and its label, the spelling most of them use; on a tie, the spelling
 * of the contact whose id sorts first ({@link compareIds}), so the label does not depend on the
 * contacts' order. A city's item names its states when there are several.
 */
export function browseGroupItemsOf(contacts: Iterable<Contact>): BrowseGroupItem[] {
  const tallies = new Map<string, GroupTally>();
  for (const contact of contacts) {
    for (const group of browseGroupsOf(contact)) {
      const { pk, sk } = keys.group(group.facet, group.key);
      const id = `${pk}\u0000${sk}`;
      let tally = tallies.get(id);
      if (!tally) {
        tally = { facet: group.facet, key: group.key, count: 0, states: new Set(), spellings: new Map() };
        tallies.set(id, tally);
      }
      tally.count += 1;
      if (group.state) tally.states.add(group.state);
      const spelling = tally.spellings.get(group.label);
      if (!spelling) tally.spellings.set(group.label, { uses: 1, firstId: contact.id });
      else {
        spelling.uses += 1;
        if (compareIds(contact.id, spelling.firstId) < 0) spelling.firstId = contact.id;
      }
    }
  }

  return [...tallies.values()].map((tally) => ({
    ...keys.group(tally.facet, tally.key),
    type: ItemTypes.browseGroup,
    label: chooseLabel(tally.spellings),
    count: tally.count,
    // Only a city in several states needs them: "Portland" asks "which one?".
    ...(tally.states.size > 1 ? { states: [...tally.states].sort() } : {}),
  }));
}

function chooseLabel(spellings: ReadonlyMap<string, { uses: number; firstId: string }>): string {
  let best: { label: string; uses: number; firstId: string } | undefined;
  for (const [label, { uses, firstId }] of spellings) {
    if (!best || uses > best.uses || (uses === best.uses && compareIds(firstId, best.firstId) < 0)) {
      best = { label, uses, firstId };
    }
  }
  return best?.label ?? '';
}
