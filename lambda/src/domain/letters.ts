import { normalizeName } from './normalize';

/**
 * Letters as people say them over a voice channel. Each letter of the NATO alphabet starts with
 * its own letter, but "alpha" and "alfa", "juliet" and "juliett" are both heard, so the words are
 * listed rather than guessed.
 */
export const SPELLING_ALPHABET: Readonly<Record<string, readonly string[]>> = {
  A: ['alpha', 'alfa'],
  B: ['bravo'],
  C: ['charlie'],
  D: ['delta'],
  E: ['echo'],
  F: ['foxtrot'],
  G: ['golf'],
  H: ['hotel'],
  I: ['india'],
  J: ['juliet', 'juliett'],
  K: ['kilo'],
  L: ['lima'],
  M: ['mike'],
  N: ['november'],
  O: ['oscar'],
  P: ['papa'],
  Q: ['quebec'],
  R: ['romeo'],
  S: ['sierra'],
  T: ['tango'],
  U: ['uniform'],
  V: ['victor'],
  W: ['whiskey', 'whisky'],
  X: ['x-ray', 'xray'],
  Y: ['yankee'],
  Z: ['zulu'],
};

const LETTER_BY_WORD: ReadonlyMap<string, string> = new Map(
  Object.entries(SPELLING_ALPHABET).flatMap(([letter, words]) =>
    words.map((word) => [normalizeName(word).replace(/ /g, ''), letter] as const),
  ),
);

/**
 * The letter meant by what was heard: "J", "j.", "juliet" and "Juliett" all give "J". Anything
 * else (a whole name, two letters) gives undefined rather than a guess.
 */
export function letterOf(heard: string): string | undefined {
  const normalized = normalizeName(heard).replace(/ /g, '');
  if (/^[a-z]$/.test(normalized)) return normalized.toUpperCase();
  return LETTER_BY_WORD.get(normalized);
}
