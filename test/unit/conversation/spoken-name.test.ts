import {
  cleanSpokenName,
  isClearlyNotAName,
  spokenPosition,
} from '../../../lambda/src/conversation/spoken-name';

describe('cleanSpokenName', () => {
  it.each([
    ["jane's", 'jane'],
    ["Jane Doe's", 'Jane Doe'],
    ['Jane Doe’s', 'Jane Doe'],
    ['the Jane Doe', 'Jane Doe'],
    ['um the jane doe please', 'jane doe'],
    ["O'Neill", "O'Neill"],
    ["sean o'neill's", "sean o'neill"],
    ['ähm Jane Okafor bitte', 'Jane Okafor'],
  ])('says %p back as %p', (heard, said) => {
    expect(cleanSpokenName(heard)).toBe(said);
  });

  it('leaves nothing of "the" or "um" alone', () => {
    expect(cleanSpokenName('the')).toBeUndefined();
    expect(cleanSpokenName('um')).toBeUndefined();
  });
});

describe('isClearlyNotAName', () => {
  it.each([
    'order me a large pizza',
    'play some music',
    'bestell mir eine pizza',
    'what is the time in tokyo',
  ])('hears %p as speech that is not for us', (heard) => {
    expect(isClearlyNotAName(heard)).toBe(true);
  });

  it.each(['jane doe', 'anne-marie côté', 'mary jane smith jones', 'luca d angelo', 'zzyzx'])(
    'lets %p be looked up as a name',
    (heard) => {
      expect(isClearlyNotAName(heard)).toBe(false);
    },
  );
});

describe('spokenPosition', () => {
  it.each([
    ['the second one', { from: 'start', number: 2 }],
    ['number three', { from: 'start', number: 3 }],
    ['the third', { from: 'start', number: 3 }],
    ['number one', { from: 'start', number: 1 }],
    ['the last one', { from: 'end' }],
    ['die zweite', { from: 'start', number: 2 }],
    ['die letzte', { from: 'end' }],
  ])('reads %p as a position', (heard, position) => {
    expect(spokenPosition(heard)).toEqual(position);
  });

  it.each(['jane doe', 'the one at acme', 'one direction', '', 'number', 'the zeroth one'])(
    'reads %p as no position',
    (heard) => {
      expect(spokenPosition(heard)).toBeUndefined();
    },
  );
});
