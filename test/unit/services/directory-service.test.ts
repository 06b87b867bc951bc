import { DirectoryService } from '../../../lambda/src/services/directory-service';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { FakeContactReader } from '../../support/fakes';

function service(): { directory: DirectoryService; reader: FakeContactReader } {
  const reader = new FakeContactReader(TEST_CONTACTS);
  return { directory: new DirectoryService(reader), reader };
}

describe('DirectoryService.findContacts', () => {
  it.each([
    ['sean oneill', 'c005'],
    ["O'Neill", 'c005'],
    ['oneill', 'c005'],
    ['Zoe', 'c006'],
    ['zoë smith jones', 'c006'],
    ['smith-jones', 'c006'],
    ['jones', 'c006'],
    ['Bob', 'c004'],
    ['bob smith', 'c004'],
    ['ROBERT SMITH', 'c004'],
    ["o'neill's", 'c005'],
  ])('finds exactly one person for "%s"', async (spoken, id) => {
    // Prepare
    const { directory } = service();

    // Act
    const match = await directory.findContacts({ spoken });

    // Assess
    expect(match.kind).toBe('one');
    expect(match.kind === 'one' && match.contact.id).toBe(id);
  });

  it('returns every Jane, sorted by last name then company, when only the first name is said', async () => {
    // Prepare
    const { directory } = service();

    // Act
    const match = await directory.findContacts({ spoken: 'Jane' });

    // Assess
    expect(match.kind).toBe('many');
    expect(match.kind === 'many' && match.candidates.map((candidate) => candidate.id)).toEqual([
      'c001',
      'c002',
      'c003',
    ]);
  });

  it('uses the ids entity resolution gave before the words', async () => {
    // Prepare
    const { directory, reader } = service();

    // Act
    const match = await directory.findContacts({ spoken: 'jane doe', resolvedIds: ['c002'] });

    // Assess
    expect(match.kind === 'one' && match.contact.company).toBe('Globex');
    expect(reader.calls).toEqual(['get:c002']);
  });

  it('falls back to the words when a resolved id is no longer in the directory', async () => {
    // Prepare
    const { directory } = service();

    // Act
    const match = await directory.findContacts({ spoken: 'sean oneill', resolvedIds: ['c999'] });

    // Assess
    expect(match.kind === 'one' && match.contact.id).toBe('c005');
  });

  it('says nobody matched for a name nobody has', async () => {
    // Prepare
    const { directory } = service();

    // Assess
    expect(await directory.findContacts({ spoken: 'Xavier Quux' })).toEqual({ kind: 'none' });
    expect(await directory.findContacts({ spoken: '   ' })).toEqual({ kind: 'none' });
  });
});
