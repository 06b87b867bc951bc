import type { Contact } from '../../../lambda/src/domain/contact';
import { countryOfTimeZone, dialledForm } from '../../../lambda/src/domain/phone';
import { OfficeDiallingContacts } from '../../../lambda/src/services/office-dialling';
import { FakeContactReader } from '../../support/fakes';

const london: Contact = {
  id: 'c1',
  firstName: 'Amelia',
  lastName: 'Clarke',
  phone: '+442079460142',
  phoneNational: '020 7946 0142',
  phoneInternational: '+44 20 7946 0142',
  phoneCountry: 'GB',
  aliases: [],
};
const austin: Contact = {
  id: 'c2',
  firstName: 'Jane',
  lastName: 'Doe',
  phone: '+15125550100',
  phoneNational: '(512) 555-0100',
  phoneInternational: '+1 512 555 0100',
  phoneCountry: 'US',
  aliases: [],
};

describe('the form of a number a caller in the office dials', () => {
  it('is national for the office country and international for any other', () => {
    expect(dialledForm(london, 'US')).toBe('+44 20 7946 0142');
    expect(dialledForm(london, 'GB')).toBe('020 7946 0142');
    expect(dialledForm(austin, 'US')).toBe('(512) 555-0100');
    expect(dialledForm(austin, 'GB')).toBe('+1 512 555 0100');
  });

  it('treats the North American plan as one country, and reads a contact imported before the forms', () => {
    expect(dialledForm(austin, 'CA')).toBe('(512) 555-0100');
    expect(dialledForm({ phone: '+15125550100' }, 'US')).toBe('(512) 555-0100');
    expect(dialledForm({ phone: '+442079460142' }, 'US')).toBe('+442079460142');
    expect(dialledForm({}, 'US')).toBeUndefined();
  });

  it('takes the office country from the time zone when none is set', () => {
    expect(countryOfTimeZone('Europe/London')).toBe('GB');
    expect(countryOfTimeZone('Europe/Berlin')).toBe('DE');
    expect(countryOfTimeZone('America/New_York')).toBe('US');
    expect(countryOfTimeZone('constructor')).toBe('US');
  });

  it('gives every contact read through the office its dialled form', async () => {
    // Prepare
    const contacts = new OfficeDiallingContacts(new FakeContactReader([london, austin]), 'GB');

    // Assess
    expect((await contacts.getContact('c1'))?.phoneDialled).toBe('020 7946 0142');
    expect((await contacts.findContactsBySpokenForm('jane doe', 5))[0]?.phoneDialled).toBe('+1 512 555 0100');
    expect(await contacts.getContact('nobody')).toBeUndefined();
  });
});
