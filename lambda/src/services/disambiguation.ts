import type { ContactSummary } from '../domain/contact';
import { normalizeCompany, normalizeName } from '../domain/normalize';
import { stateName } from '../domain/us-states';

/** How the user answered "which one?". */
export interface ChoiceAnswer {
  /** 1-based, from "the second one". */
  readonly ordinal?: number | undefined;
  /** "the last one". */
  readonly last?: boolean | undefined;
  readonly company?: string | undefined;
  readonly name?: string | undefined;
  /** "the one in Portland": a city, or a state as spoken or as its code. */
  readonly city?: string | undefined;
  /** "the designer": words of the title. */
  readonly title?: string | undefined;
}

function containsWords(haystack: string | undefined, needle: string): boolean {
  const words = normalizeName(haystack ?? '');
  const wanted = normalizeName(needle);
  return wanted.length > 0 && ` ${words} `.includes(` ${wanted} `);
}

/**
 * Picks the candidate the user meant, or undefined when the answer does not single one out.
 * An ordinal wins; otherwise company and name narrow the list together.
 */
export function chooseCandidate(
  candidates: readonly ContactSummary[],
  answer: ChoiceAnswer,
): ContactSummary | undefined {
  if (answer.ordinal !== undefined) {
    return Number.isInteger(answer.ordinal) && answer.ordinal >= 1
      ? candidates[answer.ordinal - 1]
      : undefined;
  }
  if (answer.last) return candidates[candidates.length - 1];
  let remaining = [...candidates];
  if (answer.city) {
    const place = answer.city;
    remaining = remaining.filter(
      (candidate) =>
        containsWords(candidate.city, place) ||
        containsWords(candidate.state, place) ||
        containsWords(stateName(candidate.state ?? ''), place),
    );
  }
  if (answer.title) {
    const title = answer.title;
    // "the designer" finds "Senior Designer"; "the designers" too.
    const singular = normalizeName(title).replace(/s$/, '');
    remaining = remaining.filter(
      (candidate) => containsWords(candidate.title, title) || containsWords(candidate.title, singular),
    );
  }
  if (answer.company) {
    const company = normalizeCompany(answer.company);
    remaining = remaining.filter((candidate) => {
      const candidateCompany = normalizeCompany(candidate.company ?? '');
      return (
        candidateCompany.length > 0 && (candidateCompany === company || candidateCompany.includes(company))
      );
    });
  }
  if (answer.name) {
    const name = normalizeName(answer.name);
    const byName = remaining.filter((candidate) => {
      const fullName = normalizeName(candidate.fullName);
      return (
        fullName === name ||
        fullName.split(' ').includes(name) ||
        normalizeName(candidate.company ?? '') === name ||
        containsWords(candidate.city, name) ||
        containsWords(candidate.title, name)
      );
    });
    remaining = byName;
  }
  return remaining.length === 1 ? remaining[0] : undefined;
}

/** "first" -> 1, "2nd" -> 2, "3" -> 3, "zweite" -> 2: AMAZON.Ordinal sends digits, people sometimes say words. */
export function parseOrdinal(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const digits = Number.parseInt(value, 10);
  if (!Number.isNaN(digits)) return digits;
  const words: Readonly<Record<string, number>> = {
    first: 1,
    one: 1,
    second: 2,
    two: 2,
    third: 3,
    three: 3,
    fourth: 4,
    four: 4,
    fifth: 5,
    five: 5,
    // German, as heard in "die zweite" or "den dritten", accents folded by normalizeName.
    erste: 1,
    ersten: 1,
    erster: 1,
    zweite: 2,
    zweiten: 2,
    zweiter: 2,
    dritte: 3,
    dritten: 3,
    dritter: 3,
    vierte: 4,
    vierten: 4,
    vierter: 4,
    funfte: 5,
    funften: 5,
    funfter: 5,
  };
  return words[normalizeName(value)];
}
