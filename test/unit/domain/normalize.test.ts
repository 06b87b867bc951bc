import { normalizeCompany, normalizeName, spokenNameCandidates } from '../../../lambda/src/domain/normalize';

describe('normalizeName', () => {
  it.each([
    ['Zoë', 'zoe'],
    ["O'Neill", 'oneill'],
    ['O\u2019Neill', 'oneill'],
    ['Mary-Jane', 'mary jane'],
    ['  JOSÉ   García ', 'jose garcia'],
    ['Barnes & Noble', 'barnes and noble'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe('normalizeCompany', () => {
  it('drops legal suffixes and punctuation so the spoken name matches', () => {
    expect(normalizeCompany('Acme Corp.')).toBe('acme');
    expect(normalizeCompany('acme')).toBe('acme');
    expect(normalizeCompany('Barnes & Noble, Inc.')).toBe('barnes and noble');
  });

  it('keeps a name that is nothing but a suffix', () => {
    expect(normalizeCompany('The Company')).toBe('the company');
  });
});

describe('spokenNameCandidates', () => {
  it('tries the possessive without its s', () => {
    expect(spokenNameCandidates("Doe's")).toContain('doe');
    expect(spokenNameCandidates('does')).toContain('doe');
  });
});
