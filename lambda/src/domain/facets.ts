import { normalizeCompany, normalizeName, normalizePlace } from './normalize';

/**
 * What a browse list is grouped by: a company, a city, a state, the initial of a name, a role
 * (the words of a title, see `roles.ts`), or a place (a city in one state: "Portland, Oregon").
 */
export const FACETS = ['COMPANY', 'CITY', 'STATE', 'INITIAL', 'ROLE', 'PLACE'] as const;
export type Facet = (typeof FACETS)[number];

/** The normalized key of each facet, shared by the importer (writing) and the service (asking). */
export const facetKeys = {
  company: (company: string): string => normalizeCompany(company),
  city: (city: string): string => normalizePlace(city),
  state: (code: string): string => code.toUpperCase(),
  initial: (letter: string): string => normalizeName(letter).charAt(0),
  /** A city within its state: "portland/OR". Normalized place names hold no "/". */
  place: (city: string, code: string): string => `${normalizePlace(city)}/${code.toUpperCase()}`,
};

/**
 * Where a role's entries sort within the role's list: by company, so that "the CTO at Acme" reads
 * just Acme's with `begins_with`. Normalized company keys hold no "/".
 */
export function roleSortPrefix(company: string | undefined): string {
  return `${company ? normalizeCompany(company) : ''}/`;
}
