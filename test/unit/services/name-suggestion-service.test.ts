import type { Contact } from '../../../lambda/src/domain/contact';
import { soundKeysOf } from '../../../lambda/src/domain/name-sounds';
import { NameSuggestionService } from '../../../lambda/src/services/name-suggestion-service';
import { TEST_CONTACTS } from '../../fixtures/contacts';
import { FakeDirectoryPartitions } from '../../support/fakes';

const JOHN_DOE: Contact = {
  id: 'c100',
  firstName: 'John',
  lastName: 'Doe',
  company: 'Initech',
  aliases: ['Johnny'],
};

function service(contacts: readonly Contact[] = TEST_CONTACTS) {
  const partitions = new FakeDirectoryPartitions(contacts);
  return { suggestions: new NameSuggestionService(partitions), partitions };
}

describe('NameSuggestionService.closestTo', () => {
  it('offers John Doe for "jon dough" over the Jane Does who sound alike but are spelled further away', async () => {
    // Prepare
    const { suggestions } = service([...TEST_CONTACTS, JOHN_DOE]);

    // Act
    const suggestion = await suggestions.closestTo('jon dough');

    // Assess
    expect(suggestion).toEqual({ name: 'John Doe', candidates: [expect.objectContaining({ id: 'c100' })] });
  });

  it('offers a name two people share with both of them, so "yes" can ask which one', async () => {
    // Prepare
    const { suggestions } = service();

    // Act
    const suggestion = await suggestions.closestTo('jon dough');

    // Assess
    expect(suggestion?.name).toBe('Jane Doe');
    expect(suggestion?.candidates.map((candidate) => candidate.id).sort()).toEqual(['c001', 'c002']);
  });

  it('finds a name heard half right through the word that sounds right', async () => {
    // Prepare
    const { suggestions, partitions } = service();

    // Act
    const suggestion = await suggestions.closestTo('shawn oneil');

    // Assess
    expect(suggestion).toEqual({
      name: "Sean O'Neill",
      candidates: [expect.objectContaining({ id: 'c005' })],
    });
    expect(partitions.calls.every((call) => call.startsWith('sound:'))).toBe(true);
  });

  it('offers an alias when the alias is what was heard', async () => {
    // Prepare
    const { suggestions } = service();

    // Act
    const suggestion = await suggestions.closestTo('bobby smith');

    // Assess
    expect(suggestion?.name).toBe('Bob Smith');
  });

  it('reads only the sound partitions of the whole name when they hold someone', async () => {
    // Prepare
    const { suggestions, partitions } = service();

    // Act
    const suggestion = await suggestions.closestTo('zoey smith jones');

    // Assess
    expect(suggestion?.name).toBe('Zoë Smith-Jones');
    // Two readings of the whole name ("jones", and "jone" in case the s was a possessive), two codes each.
    expect(partitions.calls.length).toBeLessThanOrEqual(4);
    expect(partitions.calls).not.toContain(`sound:${soundKeysOf('zoey')[0]}`);
  });

  it.each(['xavier quux', 'nobody special', 'q'])('offers nothing for "%s"', async (heard) => {
    // Prepare
    const { suggestions } = service();

    // Assess
    expect(await suggestions.closestTo(heard)).toBeUndefined();
  });

  it('does not offer a name that shares one sound but is spelled nothing alike', async () => {
    // Prepare
    const { suggestions } = service();

    // Assess
    // "Dough" sounds like Doe, but "Margaret Dough" is no Jane Doe.
    expect(await suggestions.closestTo('margaretta dough')).toBeUndefined();
  });
});
