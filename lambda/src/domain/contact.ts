/** A person in the office directory, as stored. */
export interface Contact {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly company?: string;
  readonly title?: string;
  readonly email?: string;
  /** E.164, for example +15125550100. */
  readonly phone?: string;
  /** The number as dialled within its own country, written by the importer: "(512) 555-0100", "020 7946 0142". */
  readonly phoneNational?: string;
  /** The number as dialled from abroad, written by the importer: "+44 20 7946 0142". */
  readonly phoneInternational?: string;
  /** The number's country (ISO 3166 alpha-2, "US", "GB"), written by the importer. */
  readonly phoneCountry?: string;
  /**
   * The form a caller in the office dials, chosen by the skill from the office's country when it
   * reads the contact (`OfficeDiallingContacts`); never stored.
   */
  readonly phoneDialled?: string;
  readonly city?: string;
  /** USPS code, for example TX. */
  readonly state?: string;
  /** Other names the person goes by ("Bob" for Robert). */
  readonly aliases: readonly string[];
}

/** What a list page or a "which one?" question needs to know about a contact. */
export interface ContactSummary {
  readonly id: string;
  readonly fullName: string;
  readonly company?: string;
  readonly title?: string;
  readonly city?: string;
  readonly state?: string;
}

export function fullNameOf(contact: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].filter((part) => part.length > 0).join(' ');
}

export function summarize(contact: Contact): ContactSummary {
  return {
    id: contact.id,
    fullName: fullNameOf(contact),
    ...(contact.company ? { company: contact.company } : {}),
    ...(contact.title ? { title: contact.title } : {}),
    ...(contact.city ? { city: contact.city } : {}),
    ...(contact.state ? { state: contact.state } : {}),
  };
}
