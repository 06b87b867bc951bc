import { roleKeysOfSpoken, roleKeysOfTitle } from '../../../lambda/src/domain/roles';

describe('role keys', () => {
  it.each([
    ['CTO', 'Chief Technology Officer'],
    ['the CTO', 'Chief Technology Officer'],
    ['head of sales', 'Sales Director'],
    ['sales director', 'Head of Sales'],
    ['operations director', 'Director of Operations'],
    ['designers', 'Product Designer'],
    ['our receptionist', 'Receptionist'],
    ['sales', 'Sales Manager'],
    ['HR', 'HR Business Partner'],
    ['VP of marketing', 'Vice President of Marketing'],
  ])('finds "%s" under a key of the title "%s"', (spoken, title) => {
    // Act
    const titleKeys = roleKeysOfTitle(title);

    // Assess
    expect(roleKeysOfSpoken(spoken)[0]).toBeDefined();
    expect(titleKeys).toContain(roleKeysOfSpoken(spoken)[0]);
  });

  it('never falls back from a role to a word of rank: the CTO is not any chief, the head of HR not any director', () => {
    expect(roleKeysOfSpoken('CTO')).toEqual(['chief officer technology', 'technology']);
    expect(roleKeysOfSpoken('head of HR')).toEqual(['director human resource', 'human resource', 'human']);
  });

  it('reads German role words as the English words of the titles', () => {
    expect(roleKeysOfSpoken('unsere Empfangskraft', 'de')).toEqual(['receptionist']);
    expect(roleKeysOfSpoken('der Vertriebsleiter', 'de')[0]).toBe('director sale');
    expect(roleKeysOfSpoken('die Designerinnen', 'de')).toEqual(['designer']);
  });

  it('takes any words without failing, and words of no role give no key', () => {
    for (const words of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      '',
      '   ',
      '&&&',
      'x'.repeat(500),
    ]) {
      expect(() => roleKeysOfSpoken(words)).not.toThrow();
      expect(() => roleKeysOfSpoken(words, 'de')).not.toThrow();
    }
    expect(roleKeysOfSpoken('the')).toEqual([]);
    expect(roleKeysOfSpoken('a very long phrase with many many words in it').length).toBeLessThanOrEqual(3);
  });

  it('files a title under each run of up to three of its words', () => {
    expect(roleKeysOfTitle('Senior Engineer <Platform>').sort()).toEqual(
      [
        'engineer',
        'engineer platform',
        'engineer platform senior',
        'engineer senior',
        'platform',
        'senior',
      ].sort(),
    );
  });
});
