import { type Contact, type ContactSummary, summarize } from '../domain/contact';
import { normalizeName, spokenNameCandidates } from '../domain/normalize';
import type { ContactReader } from './ports';

/** How a name was heard: the raw words, and the contact ids entity resolution matched, if any. */
export interface NameQuery {
  readonly spoken?: string | undefined;
  readonly resolvedIds?: readonly string[] | undefined;
}

export type ContactMatch =
  | { readonly kind: 'one'; readonly contact: Contact }
  | {
      readonly kind: 'many';
      /** The first {@link MAX_CANDIDATES}, in a stable order. */
      readonly candidates: readonly ContactSummary[];
      /** More people go by the name than the candidates listed. */
      readonly moreThanListed: boolean;
    }
  | { readonly kind: 'none' };

/** How many people a "which one?" question can hold; it names the first few. */
export const MAX_CANDIDATES = 10;

/**
 * Finds people in the directory by what was said. Entity resolution ids are used first (one
 * GetItem each); otherwise the spoken forms are tried most literal first (one Query each), so a
 * lookup takes one round trip when the name is heard as stored.
 */
export class DirectoryService {
  public constructor(private readonly contacts: ContactReader) {}

  public getContact(id: string): Promise<Contact | undefined> {
    return this.contacts.getContact(id);
  }

  public async findContacts(query: NameQuery): Promise<ContactMatch> {
    const ids = [...new Set(query.resolvedIds ?? [])].slice(0, MAX_CANDIDATES);
    if (ids.length > 0) {
      const found = (await Promise.all(ids.map((id) => this.contacts.getContact(id)))).filter(
        (contact): contact is Contact => contact !== undefined,
      );
      // A stale interaction model can resolve to ids that were since removed: fall back to the words.
      if (found.length > 0) return toMatch(found);
    }
    const spoken = query.spoken?.trim();
    if (!spoken) return { kind: 'none' };
    for (const form of spokenNameCandidates(spoken)) {
      const found = await this.contacts.findContactsBySpokenForm(form, MAX_CANDIDATES + 1);
      if (found.length > 0) return toMatch(found);
    }
    return { kind: 'none' };
  }
}

function toMatch(contacts: readonly Contact[]): ContactMatch {
  const unique = [...new Map(contacts.map((contact) => [contact.id, contact])).values()];
  if (unique.length === 1) return { kind: 'one', contact: unique[0] as Contact };
  const sorted = unique.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  return {
    kind: 'many',
    candidates: sorted.slice(0, MAX_CANDIDATES).map(summarize),
    // The store is asked for one more than is kept, so that "more than 10" is said when it is so.
    moreThanListed: sorted.length > MAX_CANDIDATES,
  };
}

function sortKey(contact: Contact): string {
  return `${normalizeName(contact.lastName)} ${normalizeName(contact.firstName)} ${normalizeName(contact.company ?? '')} ${contact.id}`;
}
