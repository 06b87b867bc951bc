import { toStateCode } from '../../lambda/src/domain/us-states';

/**
 * How Alexa fills slots of its built-in types, as far as a typed utterance can show it:
 * - types that convert what was said (AMAZON.Ordinal "second" gives "2", AMAZON.NUMBER "twenty
 *   five" gives "25", AMAZON.DATE "tomorrow" gives a date) refuse words they cannot convert, so a
 *   sample with such a slot does not match them;
 * - list types (AMAZON.US_STATE, AMAZON.US_CITY, AMAZON.Person, AMAZON.FirstName, ...) pass the
 *   words as heard; AMAZON.US_STATE counts as recognised for a real state and unrecognised for
 *   anything else, so "who's based in Austin" fills a city slot rather than a state slot.
 */
export type BuiltInFill =
  | { readonly kind: 'converted'; readonly value: string }
  | { readonly kind: 'recognised'; readonly value: string }
  /** Words a catalogue type does not know ("Austin" as a US state): a weaker match than another reading. */
  | { readonly kind: 'unrecognised'; readonly value: string }
  | { readonly kind: 'heard'; readonly value: string }
  | { readonly kind: 'refused' };

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const UNIT_ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
};

const TENS_ORDINALS: Readonly<Record<string, number>> = {
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
};

/** "second", "2nd", "twenty first" (words as token keys) to 2, 2, 21. */
export function parseOrdinalWords(words: readonly string[]): number | undefined {
  if (words.length === 1) {
    const word = words[0] ?? '';
    const digits = /^(\d+)(st|nd|rd|th)$/.exec(word);
    if (digits) return Number(digits[1]);
    return UNIT_ORDINALS[word] ?? TENS_ORDINALS[word];
  }
  if (words.length === 2) {
    const tens = TENS[words[0] ?? ''];
    const unit = UNIT_ORDINALS[words[1] ?? ''];
    if (tens !== undefined && unit !== undefined && unit < 10) return tens + unit;
  }
  return undefined;
}

function parseSmallNumber(words: readonly string[]): number | undefined {
  const value = parseNumberWords(words);
  return value !== undefined && value > 0 && value <= 100 ? value : undefined;
}

/** "twenty five", "25", "a hundred and two", "two thousand" (token keys) to a number. */
export function parseNumberWords(words: readonly string[]): number | undefined {
  if (words.length === 0) return undefined;
  if (words.length === 1 && /^\d+$/.test(words[0] ?? '')) return Number(words[0]);
  let total = 0;
  let current = 0;
  let sawNumber = false;
  for (const [index, word] of words.entries()) {
    if (word === 'and' && sawNumber) continue;
    if (word === 'a' && index === 0) {
      current = 1;
      continue;
    }
    const small = UNITS[word] ?? TENS[word];
    if (small !== undefined) {
      current += small;
      sawNumber = true;
    } else if (word === 'hundred') {
      current = (current || 1) * 100;
      sawNumber = true;
    } else if (word === 'thousand' || word === 'million') {
      total += (current || 1) * (word === 'thousand' ? 1_000 : 1_000_000);
      current = 0;
      sawNumber = true;
    } else if (/^\d+$/.test(word)) {
      current += Number(word);
      sawNumber = true;
    } else {
      return undefined;
    }
  }
  return sawNumber ? total + current : undefined;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function isoDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** AMAZON.DATE for the words people use in an office: today, tomorrow, a weekday, an ISO date. */
export function parseDateWords(words: readonly string[], now: Date): string | undefined {
  const phrase = words.filter((word) => word !== 'on' && word !== 'this' && word !== 'next').join(' ');
  const shifted = (days: number): string => {
    const date = new Date(now);
    date.setDate(date.getDate() + days);
    return isoDate(date);
  };
  if (phrase === 'today') return shifted(0);
  if (phrase === 'tomorrow') return shifted(1);
  if (phrase === 'yesterday') return shifted(-1);
  const weekday = WEEKDAYS.indexOf(phrase);
  if (weekday >= 0) return shifted((weekday - now.getDay() + 7) % 7 || 7);
  if (words.length === 3 && /^\d{4}$/.test(words[0] ?? '')) return words.join('-');
  return undefined;
}

/** AMAZON.TIME: "nine am", "9 30 pm", "noon", "midnight", "14 00" to "HH:MM". */
export function parseTimeWords(words: readonly string[]): string | undefined {
  const phrase = words.join(' ');
  if (phrase === 'noon' || phrase === 'midday') return '12:00';
  if (phrase === 'midnight') return '00:00';
  const meridiem = words.at(-1) === 'am' || words.at(-1) === 'pm' ? words.at(-1) : undefined;
  const rest = meridiem ? words.slice(0, -1) : [...words];
  const oclock = rest.at(-1) === 'oclock';
  const parts = oclock ? rest.slice(0, -1) : rest;
  let hours: number | undefined;
  let minutes = 0;
  if (parts.length === 1) hours = parseNumberWords(parts);
  else if (parts.length >= 2) {
    hours = parseNumberWords(parts.slice(0, 1));
    minutes = parseNumberWords(parts.slice(1)) ?? Number.NaN;
  }
  if (hours === undefined || Number.isNaN(minutes) || minutes > 59 || hours > 23) return undefined;
  if (!meridiem && !oclock && parts.length === 1) return undefined;
  if (meridiem === 'pm' && hours < 12) hours += 12;
  if (meridiem === 'am' && hours === 12) hours = 0;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** Fills a slot of a built-in type from the words heard (token keys) and the text as typed. */
export function fillBuiltInSlot(
  type: string,
  words: readonly string[],
  typed: string,
  now: Date,
): BuiltInFill {
  const converted = (value: number | string | undefined): BuiltInFill =>
    value === undefined ? { kind: 'refused' } : { kind: 'converted', value: String(value) };
  switch (type) {
    case 'AMAZON.Ordinal':
      // "number two" is heard as an ordinal too.
      return converted(parseOrdinalWords(words) ?? parseSmallNumber(words));
    case 'AMAZON.NUMBER':
    case 'AMAZON.FOUR_DIGIT_NUMBER':
      return converted(parseNumberWords(words));
    case 'AMAZON.DATE':
      return converted(parseDateWords(words, now));
    case 'AMAZON.TIME':
      return converted(parseTimeWords(words));
    case 'AMAZON.US_STATE':
      return toStateCode(typed)
        ? { kind: 'recognised', value: typed }
        : { kind: 'unrecognised', value: typed };
    default:
      return { kind: 'heard', value: typed };
  }
}
