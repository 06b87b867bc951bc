import type { ContactSummary } from '../domain/contact';
import type { Facet } from '../domain/facets';
import { placeOf } from './contact-speech';
import type { Translator } from './locales';
import { escapeSsml, Ssml, spokenList } from './ssml';

/**
 * How browse lists are spoken and shown. "There are 7 people at Acme Corp.: Jane Doe, Director of
 * Operations; Robert Smith, Chief Financial Officer; ... Do you want to hear more?"
 */

type FacetWording = 'company' | 'place' | 'initial' | 'role';

function wordingOf(facet: Facet): FacetWording {
  if (facet === 'COMPANY') return 'company';
  if (facet === 'INITIAL') return 'initial';
  if (facet === 'ROLE') return 'role';
  return 'place';
}

/** A group's label for speech: a letter is spelled out, not read as a word ("A", "I"). */
export function spokenLabel(facet: Facet, label: string): Ssml {
  if (facet !== 'INITIAL') return Ssml.text(label);
  return new Ssml(`<say-as interpret-as="characters">${escapeSsml(label)}</say-as>`, label);
}

/** "There are 7 people at Acme Corp.:" or, without a count, "Here are the people at Acme Corp.:". */
export function listIntro(
  t: Translator,
  facet: Facet,
  label: string,
  total: number | undefined,
  company?: string | undefined,
): Ssml {
  if (facet === 'ROLE' && company) {
    return total === undefined
      ? t.speak('browse.uncounted.roleAt', { label, company })
      : t.speak('browse.count.roleAt', { count: total, label, company });
  }
  const wording = wordingOf(facet);
  const spoken = spokenLabel(facet, label);
  return total === undefined
    ? t.speak(`browse.uncounted.${wording}`, { label: spoken })
    : t.speak(`browse.count.${wording}`, { count: total, label: spoken });
}

/** "The next 5:" or, on the last page, "And the last 2:". */
export function pageIntro(t: Translator, count: number, last: boolean): Ssml {
  return t.speak(last ? 'browse.lastPage' : 'browse.nextPage', { count });
}

/**
 * One person in a list, with what tells them apart in that list: the title in a company's list,
 * the company in a city's or an initial's, the city in a state's.
 */
export function entrySpeech(t: Translator, facet: Facet, entry: ContactSummary, atOneCompany = false): Ssml {
  const name = entry.fullName;
  // A role's list says each title (what matched), and the company unless it is one company's.
  if (facet === 'ROLE' && entry.title && entry.company && !atOneCompany) {
    return t.speak('browse.entry.titleAtCompany', { name, title: entry.title, company: entry.company });
  }
  if (facet === 'ROLE' && entry.title) return t.speak('browse.entry.title', { name, title: entry.title });
  if (facet === 'COMPANY' && entry.title) return t.speak('browse.entry.title', { name, title: entry.title });
  if (facet === 'STATE' && entry.city) return t.speak('browse.entry.city', { name, city: entry.city });
  if (entry.company && facet !== 'COMPANY')
    return t.speak('browse.entry.company', { name, company: entry.company });
  return t.speak('browse.entry.plain', { name });
}

/** "A, title; B, title and C, title.": entries carry commas of their own, so semicolons part them. */
export function entriesSpeech(
  t: Translator,
  facet: Facet,
  entries: readonly ContactSummary[],
  atOneCompany = false,
): Ssml {
  const parts = entries.map((entry) => entrySpeech(t, facet, entry, atOneCompany));
  const last = parts[parts.length - 1];
  const list =
    parts.length <= 1 || !last
      ? (last ?? Ssml.text(''))
      : Ssml.join([Ssml.join(parts.slice(0, -1), '; '), Ssml.text(t.text('list.and')), last]);
  // "... at Acme Corp." already ends the sentence.
  return list.text.trimEnd().endsWith('.') ? list : Ssml.join([list, Ssml.text('.')], '');
}

/** "Sorry, I don't know anyone at Umbrella." */
export function nobodySpeech(t: Translator, facet: Facet, heard: string, company?: string): Ssml {
  if (facet === 'ROLE' && company) return t.speak('browse.nobody.roleAt', { name: heard, company });
  const wording = wordingOf(facet);
  return t.speak(`browse.nobody.${wording}`, { name: spokenLabel(facet, heard) });
}

/** The card title: "People at Acme Corp.", "People in Texas", "Names starting with J". */
export function listCardTitle(t: Translator, facet: Facet, label: string, company?: string): string {
  if (facet === 'ROLE' && company) return t.text('browse.card.title.roleAt', { label, company });
  return t.text(`browse.card.title.${wordingOf(facet)}`, { label });
}

/** "3. Jane Doe: Director of Operations, Acme Corp., Austin, Texas": everything a card can show. */
export function cardLine(t: Translator, number: number, entry: ContactSummary): string {
  const place = placeOf(t, entry);
  const details = [entry.title, entry.company, place].filter((part): part is string => Boolean(part));
  return details.length > 0
    ? t.text('browse.card.line', { number, name: entry.fullName, details: details.join(', ') })
    : t.text('browse.card.lineBare', { number, name: entry.fullName });
}

/** The card's last line while the list goes on: "2 more: say "more" to hear them." */
export function cardMoreLine(t: Translator, remaining: number | undefined): string {
  return remaining === undefined
    ? t.text('browse.card.moreUncounted')
    : t.text('browse.card.more', { count: remaining });
}

/** "Portland, Maine or Portland, Oregon": each place a city without a state may be. */
export function placesOfCity(t: Translator, city: string, stateNames: readonly string[]): Ssml {
  return spokenList(
    stateNames.map((state) => t.text('place.cityState', { city, state })),
    t.text('list.or'),
  );
}
