import { doubleMetaphone } from 'double-metaphone';
import { distance } from 'fastest-levenshtein';
import { normalizeName } from './normalize';

/**
 * How names sound and how close two spellings are, for "did you mean" when speech recognition
 * hands over a name nobody has ("jon dough"). Stored names and heard names go through the same
 * functions, so a heard name's sound keys find the stored entries of names that sound like it.
 *
 * Sound keys are Double Metaphone codes (the `double-metaphone` package): one per word,
 * concatenated, so the key does not depend on where recognition put the spaces ("o neil" and
 * "O'Neill" are both `ANL`). Double Metaphone gives an alternate code for names whose spelling has
 * two common readings (Schmidt, García), and both are kept.
 */

function wordsOf(phrase: string): string[] {
  return normalizeName(phrase)
    .split(' ')
    .filter((word) => word.length > 0);
}

/** The sound keys of a name or phrase: primary codes joined, and the alternate codes joined when different. */
export function soundKeysOf(phrase: string): string[] {
  const codes = wordsOf(phrase).map((word) => doubleMetaphone(word));
  if (codes.length === 0) return [];
  const primary = codes.map(([code]) => code).join('');
  const alternate = codes.map(([, code]) => code).join('');
  return [...new Set([primary, alternate])].filter((key) => key.length > 0);
}

/** The sound keys of each word of a phrase on its own, for a name heard half right. */
export function wordSoundKeysOf(phrase: string): string[] {
  return [...new Set(wordsOf(phrase).flatMap((word) => soundKeysOf(word)))];
}

/**
 * How alike two spellings are, from 0 (nothing in common) to 1 (the same once normalized):
 * one minus the Levenshtein distance over the longer length. Spaces are ignored, as recognition
 * splits and joins names freely.
 */
export function spellingSimilarity(a: string, b: string): number {
  const left = normalizeName(a).replace(/ /g, '');
  const right = normalizeName(b).replace(/ /g, '');
  const longest = Math.max(left.length, right.length);
  if (longest === 0) return 0;
  return 1 - distance(left, right) / longest;
}

/** The parts of a person's name that a caller may say. */
export interface PersonNames {
  readonly firstName: string;
  readonly lastName: string;
  readonly aliases: readonly string[];
}

/** Every way of saying a person's name, whole names first: "Robert Smith", "Bob Smith", "Robert", "Smith", "Bob". */
export function sayableNamesOf(person: PersonNames): string[] {
  const whole = [
    `${person.firstName} ${person.lastName}`,
    ...person.aliases.map((a) => `${a} ${person.lastName}`),
  ];
  const single = [person.firstName, person.lastName, ...person.aliases];
  for (const part of person.lastName.split(/[-\u2010\u2011]/)) if (part.trim().length > 1) single.push(part);
  return [...new Set([...whole, ...single].map((name) => name.trim()).filter((name) => name.length > 0))];
}

/** The sound keys under which a person is stored: those of every sayable name. */
export function personSoundKeysOf(person: PersonNames): string[] {
  return [...new Set(sayableNamesOf(person).flatMap(soundKeysOf))];
}
