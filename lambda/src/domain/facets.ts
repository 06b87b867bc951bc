import { normalizeCompany, normalizeName, normalizePlace } from './normalize';

/** What a browse list is grouped by: a company, a city, a state, or the initial of a name. */
export const FACETS = ['COMPANY', 'CITY', 'STATE', 'INITIAL'] as const;
export type Facet = (typeof FACETS)[number];

/** The normalized key of each facet, shared by the importer (writing) and the service (asking). */
export const facetKeys = {
  company: (company: string): string => normalizeCompany(company),
  city: (city: string): string => normalizePlace(city),
  state: (code: string): string => code.toUpperCase(),
  initial: (letter: string): string => normalizeName(letter).charAt(0),
};
