import { letterOf, SPELLING_ALPHABET } from '../../../lambda/src/domain/letters';

describe('letterOf', () => {
  it.each([
    ['J', 'J'],
    ['j.', 'J'],
    [' m ', 'M'],
    ['juliet', 'J'],
    ['Juliett', 'J'],
    ['alfa', 'A'],
    ['X-ray', 'X'],
    ['xray', 'X'],
  ])('reads "%s" as %s', (heard, letter) => {
    expect(letterOf(heard)).toBe(letter);
  });

  it.each(['john', 'ab', '', '7'])('does not guess a letter from "%s"', (heard) => {
    expect(letterOf(heard)).toBeUndefined();
  });

  it('knows a spelling word for every letter of the alphabet', () => {
    expect(Object.keys(SPELLING_ALPHABET).join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    for (const [letter, words] of Object.entries(SPELLING_ALPHABET)) {
      for (const word of words) expect(letterOf(word)).toBe(letter);
    }
  });
});
