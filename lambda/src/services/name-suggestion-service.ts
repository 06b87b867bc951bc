import { type ContactSummary, summarize } from '../domain/contact';
import { sayableNamesOf, soundKeysOf, spellingSimilarity, wordSoundKeysOf } from '../domain/name-sounds';
import { normalizeName, spokenNameCandidates } from '../domain/normalize';
import type { SoundReader, SoundsLike } from './ports';

/** "Did you mean Jane Doe?": the name to offer, and the people who go by it. */
export interface NameSuggestion {
  readonly name: string;
  readonly candidates: readonly ContactSummary[];
}

/** How many people one sound key may bring back; a key shared by more is not a useful hint. */
export const SOUND_QUERY_LIMIT = 25;

/**
 * How alike the spelling must be before a name is offered. When the whole name sounds alike the
 * sound already vouches for it; when only one word does, the spelling must agree as well.
 */
const WHOLE_NAME_FLOOR = 0.3;
const ONE_WORD_FLOOR = 0.5;

interface Scored {
  readonly contact: SoundsLike;
  readonly score: number;
  /** The contact's name that came closest to what was heard. */
  readonly matchedName: string;
}

/**
 * Finds the name closest to one nobody has: first the names that sound like the whole of what was
 * heard, then (for a name heard half right) those sharing the sound of one word. One Query per
 * sound key; the spelling similarity of each candidate's names ranks them.
 */
export class NameSuggestionService {
  public constructor(private readonly sounds: SoundReader) {}

  public async closestTo(spoken: string): Promise<NameSuggestion | undefined> {
    const heard = spokenNameCandidates(spoken);
    if (heard.length === 0) return undefined;
    const wholeKeys = unique(heard.flatMap(soundKeysOf));
    const whole = await this.findAll(wholeKeys);
    if (whole.length > 0) return suggest(heard, whole, WHOLE_NAME_FLOOR);
    const wordKeys = unique(heard.flatMap(wordSoundKeysOf)).filter((key) => !wholeKeys.includes(key));
    if (wordKeys.length === 0) return undefined;
    return suggest(heard, await this.findAll(wordKeys), ONE_WORD_FLOOR);
  }

  private async findAll(soundKeys: readonly string[]): Promise<SoundsLike[]> {
    const found = await Promise.all(
      soundKeys.map((key) => this.sounds.findBySoundKey(key, SOUND_QUERY_LIMIT)),
    );
    return [...new Map(found.flat().map((contact) => [contact.id, contact])).values()];
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function scoreOf(heard: readonly string[], contact: SoundsLike): Scored {
  let best: Scored = { contact, score: 0, matchedName: contact.fullName };
  for (const name of sayableNamesOf(contact)) {
    for (const form of heard) {
      const score = spellingSimilarity(form, name);
      if (score > best.score) best = { contact, score, matchedName: name };
    }
  }
  return best;
}

function suggest(
  heard: readonly string[],
  found: readonly SoundsLike[],
  floor: number,
): NameSuggestion | undefined {
  const scored = found
    .map((contact) => scoreOf(heard, contact))
    .sort((a, b) => b.score - a.score || sortKey(a.contact).localeCompare(sortKey(b.contact)));
  const top = scored[0];
  if (!top || top.score < floor) return undefined;
  // Everyone who goes by the name offered: "Did you mean Jane Doe?" then "which one?".
  const name = normalizeName(top.matchedName);
  const candidates = scored
    .filter((entry) => sayableNamesOf(entry.contact).some((candidate) => normalizeName(candidate) === name))
    .map((entry) => summaryOf(entry.contact));
  return { name: top.matchedName, candidates };
}

function sortKey(contact: SoundsLike): string {
  return `${normalizeName(contact.lastName)} ${normalizeName(contact.firstName)} ${contact.id}`;
}

function summaryOf(contact: SoundsLike): ContactSummary {
  // A sound entry carries a contact's names and summary fields, which is all `summarize` reads.
  return summarize(contact);
}
