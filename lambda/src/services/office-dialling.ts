import type { Contact } from '../domain/contact';
import { dialledForm } from '../domain/phone';
import type { ContactReader } from './ports';

/**
 * A {@link ContactReader} whose contacts carry `phoneDialled`, the form of their number a caller
 * in the office dials (national for the office's own country, international otherwise), so that
 * speech, cards and screens say and show the same number without knowing the office.
 */
export class OfficeDiallingContacts implements ContactReader {
  public constructor(
    private readonly contacts: ContactReader,
    private readonly officeCountry: string,
  ) {}

  public async getContact(id: string): Promise<Contact | undefined> {
    const contact = await this.contacts.getContact(id);
    return contact ? this.dialled(contact) : undefined;
  }

  public async findContactsBySpokenForm(spokenForm: string, limit: number): Promise<Contact[]> {
    const contacts = await this.contacts.findContactsBySpokenForm(spokenForm, limit);
    return contacts.map((contact) => this.dialled(contact));
  }

  private dialled(contact: Contact): Contact {
    const phoneDialled = dialledForm(contact, this.officeCountry);
    return phoneDialled ? { ...contact, phoneDialled } : contact;
  }
}
