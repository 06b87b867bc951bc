import {
  personSoundKeysOf,
  sayableNamesOf,
  soundKeysOf,
  spellingSimilarity,
  wordSoundKeysOf,
} from '../../../lambda/src/domain/name-sounds';

describe('soundKeysOf', () => {
  it.each([
    ['jon dough', 'John Doe'],
    ['micheal chan', 'Michael Chen'],
    ['o neil', "O'Neill"],
    ['catherine brooks', 'Katherine Brooks'],
    ['zoey', 'Zoë'],
    ['witney', 'Whitney'],
    ['hadad', 'Haddad'],
  ])('hears "%s" as sounding like %s', (heard, stored) => {
    // Act
    const shared = soundKeysOf(heard).filter((key) => soundKeysOf(stored).includes(key));

    // Assess
    expect(shared).not.toEqual([]);
  });

  it.each([
    ['jane doe', 'Marcus Bell'],
    ['priya', 'Ahmed'],
  ])('tells "%s" from %s', (heard, stored) => {
    // Act
    const shared = soundKeysOf(heard).filter((key) => soundKeysOf(stored).includes(key));

    // Assess
    expect(shared).toEqual([]);
  });

  it('keeps the alternate reading of a name that has two', () => {
    expect(soundKeysOf('Schmidt').length).toBe(2);
  });

  it('gives nothing for nothing', () => {
    expect(soundKeysOf('  ')).toEqual([]);
    expect(soundKeysOf("'-")).toEqual([]);
  });
});

describe('wordSoundKeysOf', () => {
  it('gives each word its own keys, so a name heard half right still shares one', () => {
    // Prepare
    const whole = soundKeysOf('shawn oneil').filter((key) => soundKeysOf("Sean O'Neill").includes(key));

    // Act
    const keys = wordSoundKeysOf('shawn oneil');

    // Assess
    expect(whole).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(soundKeysOf("O'Neill")));
  });
});

describe('spellingSimilarity', () => {
  it('is 1 for the same name however it is written, and lower the more the spelling differs', () => {
    expect(spellingSimilarity("O'Neill", 'o neill')).toBe(1);
    expect(spellingSimilarity('jon dough', 'John Doe')).toBeGreaterThan(
      spellingSimilarity('jon dough', 'Jane Doe'),
    );
    expect(spellingSimilarity('abc', 'xyz')).toBe(0);
    expect(spellingSimilarity('', '')).toBe(0);
  });
});

describe('sayableNamesOf and personSoundKeysOf', () => {
  const robert = { firstName: 'Robert', lastName: 'Smith-Jones', aliases: ['Bob'] };

  it('lists whole names first, then single names and the parts of a double last name', () => {
    expect(sayableNamesOf(robert)).toEqual([
      'Robert Smith-Jones',
      'Bob Smith-Jones',
      'Robert',
      'Smith-Jones',
      'Bob',
      'Smith',
      'Jones',
    ]);
  });

  it('files a person under the sound of every name they go by', () => {
    // Act
    const keys = personSoundKeysOf(robert);

    // Assess
    for (const heard of ['bob smith jones', 'robert', 'jones', 'bob']) {
      expect(soundKeysOf(heard).some((key) => keys.includes(key))).toBe(true);
    }
  });
});
