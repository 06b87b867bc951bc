import type { DirectoryColumn } from '../../../../scripts/directory-import/columns';
import type {
  DirectoryFileContents,
  RawRecord,
} from '../../../../scripts/directory-import/read-directory-file';
import { validateDirectory } from '../../../../scripts/directory-import/validate-records';

function row(line: number, fields: Partial<Record<DirectoryColumn, unknown>>): RawRecord {
  return { line, fields: { first_name: 'Jane', last_name: 'Doe', ...fields } };
}

function contents(
  records: RawRecord[],
  rejections: DirectoryFileContents['rejections'] = [],
): DirectoryFileContents {
  return { format: 'csv', records, rejections, warnings: [] };
}

describe('validateDirectory', () => {
  it('stores phones as E.164 with the forms they are dialled in, states as USPS codes and aliases as a list', () => {
    // Prepare
    const records = [
      row(2, { id: '1', phone: '(512) 555-0100', state: 'texas', aliases: ' Janie ; ;JD;janie' }),
      row(3, { id: '2', phone: '+44 20 7946 0958', state: 'ny' }),
    ];

    // Act
    const result = validateDirectory(contents(records));

    // Assess
    expect(result.rejections).toEqual([]);
    expect(result.contacts.map(({ contact }) => contact)).toEqual([
      {
        id: '1',
        firstName: 'Jane',
        lastName: 'Doe',
        phone: '+15125550100',
        phoneNational: '(512) 555-0100',
        phoneInternational: '+1 512 555 0100',
        phoneCountry: 'US',
        state: 'TX',
        aliases: ['Janie', 'JD'],
      },
      {
        id: '2',
        firstName: 'Jane',
        lastName: 'Doe',
        phone: '+442079460958',
        phoneNational: '020 7946 0958',
        phoneInternational: '+44 20 7946 0958',
        phoneCountry: 'GB',
        state: 'NY',
        aliases: [],
      },
    ]);
  });

  it('reads phone numbers without a country code in the region given', () => {
    const result = validateDirectory(contents([row(2, { id: '1', phone: '020 7946 0958' })]), {
      defaultPhoneRegion: 'GB',
    });

    expect(result.contacts[0]?.contact.phone).toBe('+442079460958');
  });

  it('takes a first name alone or a last name alone as a name', () => {
    const result = validateDirectory(
      contents([
        row(2, { id: '1', first_name: 'Cher', last_name: '' }),
        row(3, { id: '2', first_name: '', last_name: 'Banksy' }),
      ]),
    );

    expect(result.contacts.map(({ contact }) => [contact.firstName, contact.lastName])).toEqual([
      ['Cher', ''],
      ['', 'Banksy'],
    ]);
  });

  it('normalizes text to NFC and collapses white space and line breaks', () => {
    const result = validateDirectory(
      contents([row(2, { id: ' 1 ', first_name: 'Zoe\u0308', title: 'Head of\nOperations  ' })]),
    );

    expect(result.contacts[0]?.contact).toEqual(
      expect.objectContaining({ id: '1', firstName: 'Zoë', title: 'Head of Operations' }),
    );
  });

  it('reports every reason of every bad row and keeps the good rows', () => {
    // Prepare
    const records = [
      row(2, { id: '1' }),
      row(3, { id: '2', email: 'jane@', phone: '555-0100', state: 'Texsa' }),
      row(4, { id: '3', first_name: ' ', last_name: '' }),
      row(5, { id: '', email: 'jane@acme.example' }),
      row(6, { id: '4', phone: '212 555 1234 x12' }),
      row(7, { id: '5' }),
    ];

    // Act
    const result = validateDirectory(contents(records));

    // Assess
    expect(result.contacts.map(({ line }) => line)).toEqual([2, 7]);
    expect(result.rejections).toEqual([
      {
        line: 3,
        id: '2',
        reason:
          'email "jane@" is not an email address; phone "555-0100" is not a valid phone number; ' +
          'state "Texsa" is not a US state name or USPS code',
      },
      { line: 4, id: '3', reason: 'a first or a last name is required' },
      { line: 5, reason: 'id is missing' },
      {
        line: 6,
        id: '4',
        reason: 'phone "212 555 1234 x12" has an extension, which cannot be stored (E.164 has none)',
      },
    ]);
  });

  it('rejects every row of a repeated id, naming the other lines', () => {
    const result = validateDirectory(
      contents([
        row(2, { id: '7' }),
        row(3, { id: '8' }),
        row(4, { id: '7', email: 'bad' }),
        row(5, { id: '7' }),
      ]),
    );

    expect(result.contacts.map(({ contact }) => contact.id)).toEqual(['8']);
    expect(result.rejections.map(({ line, reason }) => `line ${line}: ${reason}`)).toEqual([
      'line 2: id 7 is also on lines 4, 5',
      'line 4: email "bad" is not an email address; id 7 is also on lines 2, 5',
      'line 5: id 7 is also on lines 2, 4',
    ]);
  });

  it('counts the ids of rejected rows as mentioned, so a prune keeps those contacts', () => {
    const result = validateDirectory(
      contents([row(2, { id: '1', email: 'bad' })], [{ line: 3, id: '2', reason: 'wrong field count' }]),
    );

    expect([...result.mentionedIds].sort()).toEqual(['1', '2']);
  });

  it('accepts numbers and an alias array from JSON and refuses other types', () => {
    const result = validateDirectory(
      contents([
        row(1, { id: 42, phone: 5125550100, aliases: ['Bob', 'Rob;Robbie'] }),
        row(2, { id: '43', company: { name: 'Acme' } }),
      ]),
    );

    expect(result.contacts[0]?.contact).toEqual(
      expect.objectContaining({ id: '42', phone: '+15125550100', aliases: ['Bob', 'Rob', 'Robbie'] }),
    );
    expect(result.rejections).toEqual([{ line: 2, id: '43', reason: 'company must be text' }]);
  });

  it('refuses fields too long for the table keys', () => {
    const result = validateDirectory(contents([row(2, { id: '1', last_name: 'x'.repeat(101) })]));

    expect(result.rejections[0]?.reason).toBe('last_name is longer than 100 characters');
  });
});
