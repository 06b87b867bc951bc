import { normalizeName } from '../../lambda/src/domain/normalize';

/**
 * Typed text and sample phrases become the same kind of words, so "What's Bob Smith's phone
 * number?" meets "what is {name} {detail}": case, accents, punctuation and curly apostrophes do
 * not count, and common contractions count as their two words.
 */
export interface Token {
  /** What matching compares: lower case, no accents, no apostrophes. */
  readonly key: string;
  /** The word as written, lower case, apostrophes straight: "what's" for both halves of it. */
  readonly surface: string;
  /** Where the word is in the text, so a slot keeps the words as typed. */
  readonly start: number;
  readonly end: number;
}

/** Letters and digits, with apostrophes inside ("o'neill", "smith's"); "&" is a word ("and"). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2018\u2019\u02bc`][\p{L}\p{M}\p{N}]+)*|&/gu;
const APOSTROPHES = /['\u2018\u2019\u02bc`]/g;

/** Contractions that mean two words; a possessive ("bob's") is not one of them. */
const CONTRACTIONS: Readonly<Record<string, string>> = {
  "what's": 'what is',
  "who's": 'who is',
  "where's": 'where is',
  "when's": 'when is',
  "how's": 'how is',
  "that's": 'that is',
  "there's": 'there is',
  "it's": 'it is',
  "he's": 'he is',
  "she's": 'she is',
  "i'm": 'i am',
  "you're": 'you are',
  "we're": 'we are',
  "they're": 'they are',
  "i've": 'i have',
  "you've": 'you have',
  "we've": 'we have',
  "they've": 'they have',
  "i'll": 'i will',
  "you'll": 'you will',
  "we'll": 'we will',
  "i'd": 'i would',
  "can't": 'can not',
  "don't": 'do not',
  "doesn't": 'does not',
  "didn't": 'did not',
  "isn't": 'is not',
  "aren't": 'are not',
  "wasn't": 'was not',
  "won't": 'will not',
  "let's": 'let us',
};

/** The matching key of one word: lower case without accents or apostrophes. */
export function wordKey(word: string): string {
  const key = normalizeName(word).replace(/\s+/g, '');
  // normalizeName keeps a-z and digits only; other scripts keep their letters.
  return key.length > 0 ? key : word.toLowerCase().replace(APOSTROPHES, '');
}

/** Splits text into matching tokens, expanding contractions. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index ?? 0;
    const end = start + word.length;
    if (word === '&') {
      tokens.push({ key: 'and', surface: '&', start, end });
      continue;
    }
    const surface = word.toLowerCase().replace(APOSTROPHES, "'");
    const expanded = CONTRACTIONS[surface];
    const keys = expanded ? expanded.split(' ') : [wordKey(word)];
    for (const key of keys) tokens.push({ key, surface, start, end });
  }
  return tokens;
}

/** The text the tokens cover, as typed; words split by a contraction fall back to their keys. */
export function textOf(text: string, tokens: readonly Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  if (!first || !last) return '';
  const splitsWord = (inside: Token, outside: Token | undefined): boolean =>
    outside !== undefined && outside.start === inside.start;
  if (splitsWord(first, tokens[from - 1]) || splitsWord(last, tokens[to])) {
    return tokens
      .slice(from, to)
      .map((token) => token.key)
      .join(' ');
  }
  return text.slice(first.start, last.end);
}

/** The comparison form of a whole phrase: its token keys joined by single spaces. */
export function phraseKey(text: string): string {
  return tokenize(text)
    .map((token) => token.key)
    .join(' ');
}
