import { normalizeName } from '../domain/normalize';
import { parseOrdinal } from '../services/disambiguation';

/** Words people put around a name that are no part of it: "um, the Jane Doe please". */
const FILLER_WORDS = new Set([
  'um',
  'uh',
  'er',
  'erm',
  'hmm',
  'uhm',
  'please',
  'ahm',
  'ah',
  'aehm',
  'aeh',
  'bitte',
  'mal',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'the',
  'like',
  'well',
  'okay',
  'ok',
]);

/**
 * Words that are common in requests and commands but that no one in a directory is called. A raw
 * name slot holding one of them beside other words ("order me a large pizza") is speech that was
 * not for Front Desk, not a name.
 */
const NOT_NAME_WORDS = new Set([
  'me',
  'my',
  'a',
  'an',
  'i',
  'you',
  'your',
  'to',
  'is',
  'are',
  'it',
  'what',
  'how',
  'why',
  'play',
  'order',
  'set',
  'turn',
  'buy',
  'weather',
  'music',
  'song',
  'timer',
  'alarm',
  'some',
  'mir',
  'mich',
  'ein',
  'eine',
  'einen',
  'spiel',
  'spiele',
  'bestell',
  'bestelle',
  'wie',
  'was',
  'ist',
  'wetter',
  'musik',
]);

/** A raw slot value with this many words or more is not a name anyone has. */
const MOST_WORDS_IN_A_NAME = 5;

/**
 * The name as it is fit to say back: without a possessive ("jane's" -> "jane"), a leading "the"
 * or filler ("um, Jane Doe please" -> "Jane Doe"). The words keep their spelling and case.
 * Undefined when nothing of a name is left.
 */
export function cleanSpokenName(spoken: string): string | undefined {
  const words = spoken
    .replace(/['\u2019\u02bc]s(?=\s|$)/gi, '')
    .replace(/(\S)['\u2019\u02bc](?=\s|$)/g, '$1')
    .split(/[\s,]+/)
    .filter((word) => word.length > 0);
  const isFiller = (word: string | undefined): boolean =>
    word !== undefined && FILLER_WORDS.has(normalizeName(word));
  while (isFiller(words[0])) words.shift();
  while (isFiller(words[words.length - 1])) words.pop();
  const cleaned = words.join(' ').trim();
  return cleaned.length > 0 ? cleaned : undefined;
}

/**
 * Whether a raw name slot heard words that are clearly not a name: many words, or a word no name
 * holds among others. Checked only after the directory found nobody by those words.
 */
export function isClearlyNotAName(spoken: string): boolean {
  const words = normalizeName(spoken).split(' ').filter(Boolean);
  if (words.length >= MOST_WORDS_IN_A_NAME) return true;
  return words.length >= 2 && words.some((word) => NOT_NAME_WORDS.has(word));
}

/** "last" and "final" in the words people use; an ordinal from the end of the list. */
const LAST_WORDS = new Set(['last', 'final', 'letzte', 'letzten', 'letzter', 'letztes']);

/** An ordinal as people say it: a position from the start (1-based), or the last one. */
export type SpokenPosition = { readonly from: 'start'; readonly number: number } | { readonly from: 'end' };

/**
 * The position a phrase names, if it is nothing but a position: "the second one", "number three",
 * "the last one", "die zweite". Heard inside a name slot, it picks from the list, never a name.
 */
export function spokenPosition(spoken: string | undefined): SpokenPosition | undefined {
  if (!spoken) return undefined;
  const words = normalizeName(spoken)
    .split(' ')
    .filter(
      (word) =>
        word && !['the', 'number', 'one', 'person', 'nummer', 'der', 'die', 'das', 'den'].includes(word),
    );
  if (words.length === 0) {
    // "number one", "the one": only "one" was said.
    return /\bone\b/.test(normalizeName(spoken)) && /\bnumber\b/.test(normalizeName(spoken))
      ? { from: 'start', number: 1 }
      : undefined;
  }
  if (words.length !== 1) return undefined;
  const word = words[0] as string;
  if (LAST_WORDS.has(word)) return { from: 'end' };
  const number = parseOrdinal(word);
  return number !== undefined && Number.isInteger(number) && number >= 1
    ? { from: 'start', number }
    : undefined;
}
