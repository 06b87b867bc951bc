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
