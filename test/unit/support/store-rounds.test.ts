import { sequentialRounds } from '../../support/store-rounds';

describe('sequential store round trips', () => {
  it.each([
    ['no call', [], 0],
    ['one call', [{ start: 0, end: 5 }], 1],
    [
      'two calls under way together',
      [
        { start: 0, end: 5 },
        { start: 1, end: 6 },
      ],
      1,
    ],
    [
      'a call after another ended',
      [
        { start: 0, end: 5 },
        { start: 5, end: 10 },
      ],
      2,
    ],
    [
      'a long call beside two in a row',
      [
        { start: 0, end: 12 },
        { start: 1, end: 6 },
        { start: 7, end: 11 },
      ],
      2,
    ],
    [
      'a check-in: two reads, two reads, two writes',
      [
        { start: 0, end: 5 },
        { start: 1, end: 6 },
        { start: 6, end: 11 },
        { start: 6.2, end: 11.2 },
        { start: 11.5, end: 16.5 },
        { start: 11.6, end: 16.6 },
      ],
      3,
    ],
  ])('counts %s', (_name, calls, rounds) => {
    expect(sequentialRounds(calls)).toBe(rounds);
  });
});
