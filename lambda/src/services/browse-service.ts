import type { ContactSummary } from '../domain/contact';
import { type Facet, facetKeys, roleSortPrefix } from '../domain/facets';
import { letterOf } from '../domain/letters';
import { roleKeysOfSpoken } from '../domain/roles';
import { splitCityAndState, stateName, toStateCode } from '../domain/us-states';
import type { BrowsePage, BrowseReader } from './ports';

/** What the user asked to browse, as heard. */
export type BrowseRequest =
  | {
      readonly by: 'company';
      readonly spoken: string;
      /** Normalized company keys from entity resolution (the COMPANY_NAME ids). */
      readonly resolvedKeys?: readonly string[] | undefined;
    }
  | { readonly by: 'place'; readonly city?: string | undefined; readonly state?: string | undefined }
  | { readonly by: 'initial'; readonly heard: string; readonly resolvedLetter?: string | undefined }
  | {
      /** "who is the CTO at Acme", "who are the designers": the role as heard, maybe at a company. */
      readonly by: 'role';
      readonly role: string;
      /** The language the role was said in ("en", "de"): German role words map to English titles. */
      readonly language?: string | undefined;
      readonly company?:
        | { readonly spoken: string; readonly resolvedKeys?: readonly string[] | undefined }
        | undefined;
    };

/** Where a list stands between turns. Small and plain, because it lives in session attributes. */
export interface ListPosition {
  readonly facet: Facet;
  readonly key: string;
  readonly label: string;
  readonly total?: number | undefined;
  /** How many people have been read out so far. */
  readonly shown: number;
  /** The sort key of the last entry read: the next page starts after it. */
  readonly after: string;
  /** A list within the group: the prefix of its entries' sort keys (a role at one company). */
  readonly within?: string | undefined;
  /** A role list at one company: the company as it is spoken. */
  readonly company?: string | undefined;
}

export type BrowseResult =
  | { readonly kind: 'nobody' }
  | {
      /** A city without a state that exists in several states: "Portland, Maine or Portland, Oregon?". */
      readonly kind: 'whichPlace';
      readonly city: string;
      /** The USPS codes of the states it is in, in alphabetical order. */
      readonly states: readonly string[];
    }
  | {
      readonly kind: 'page';
      readonly facet: Facet;
      readonly label: string;
      readonly total?: number | undefined;
      readonly entries: readonly ContactSummary[];
      /** A role list at one company: the company as it is spoken. */
      readonly company?: string | undefined;
      /** The 1-based position of the page's first entry in the whole list. */
      readonly firstNumber: number;
      /** Where the next page starts; undefined on the last page. */
      readonly next?: ListPosition | undefined;
    };

/** About one page of speech: five names with a title or a city each. */
export const PAGE_SIZE = 5;

interface Target {
  readonly facet: Facet;
  readonly key: string;
  readonly within?: string | undefined;
}

/**
 * Lists the people at a company, in a place or with an initial, a page at a time. Every page is
 * one Query that reads about one page of items whatever the size of the directory; the count
 * comes from the group item the importer maintains, read along with the first page.
 */
export class BrowseService {
  public constructor(
    private readonly reader: BrowseReader,
    private readonly pageSize: number = PAGE_SIZE,
  ) {}

  /**
   * The first page of the list asked for. A request that can be read two ways ("New York" the
   * city or the state) tries each in turn until one has people.
   */
  public async firstPage(request: BrowseRequest): Promise<BrowseResult> {
    for (const target of targetsOf(request)) {
      const page = await this.reader.readFirstPage(target.facet, target.key, this.pageSize, target.within);
      if (page.entries.length === 0) continue;
      // A city in several states, asked without one: which of them is meant?
      const states = page.group?.states ?? [];
      if (target.facet === 'CITY' && states.length > 1) {
        return { kind: 'whichPlace', city: page.group?.label || target.key, states: [...states].sort() };
      }
      const label =
        request.by === 'role'
          ? spokenRole(request.role)
          : page.group?.label || fallbackLabel(target, page.entries[0]);
      const company = request.by === 'role' && target.within ? page.entries[0]?.company : undefined;
      // A list within a group has no count of its own; a first page that holds it all counts it.
      const total = target.within
        ? page.after === undefined
          ? page.entries.length
          : undefined
        : page.group?.count;
      return this.toResult(target, label, total, page, 0, company);
    }
    return { kind: 'nobody' };
  }

  /** The page after `position`; an empty last page when the list turned out shorter than counted. */
  public async nextPage(position: ListPosition): Promise<BrowseResult> {
    // The position comes back from session attributes: a list within a group that lost its
    // prefix must not turn into the whole group.
    const within = typeof position.within === 'string' ? position.within : undefined;
    if (position.within !== undefined && within === undefined) return { kind: 'nobody' };
    const company = typeof position.company === 'string' ? position.company : undefined;
    const page = await this.reader.readPageAfter(
      position.facet,
      position.key,
      position.after,
      this.pageSize,
      within,
    );
    return this.toResult(
      { ...position, within },
      position.label,
      position.total,
      page,
      position.shown,
      company,
    );
  }

  private toResult(
    target: Target,
    label: string,
    total: number | undefined,
    page: BrowsePage,
    shownBefore: number,
    company?: string | undefined,
  ): BrowseResult {
    const shown = shownBefore + page.entries.length;
    const more =
      page.after !== undefined && page.entries.length > 0 && (total === undefined || shown < total);
    return {
      kind: 'page',
      facet: target.facet,
      label,
      total,
      entries: page.entries,
      ...(company ? { company } : {}),
      firstNumber: shownBefore + 1,
      next:
        more && page.after !== undefined
          ? {
              facet: target.facet,
              key: target.key,
              label,
              total,
              shown,
              after: page.after,
              ...(target.within !== undefined ? { within: target.within } : {}),
              ...(company ? { company } : {}),
            }
          : undefined,
    };
  }
}

/** At most this many characters of a heard role are said back. */
const MAX_SPOKEN_ROLE = 60;

/** The role as it is said back: as heard, in single spaces, not too long. */
export function spokenRole(role: string): string {
  return role.replace(/\s+/g, ' ').trim().slice(0, MAX_SPOKEN_ROLE);
}

function targetsOf(request: BrowseRequest): Target[] {
  const targets: Target[] = [];
  const add = (facet: Facet, key: string | undefined, within?: string): void => {
    if (
      key &&
      !targets.some((target) => target.facet === facet && target.key === key && target.within === within)
    ) {
      targets.push({ facet, key, ...(within !== undefined ? { within } : {}) });
    }
  };
  switch (request.by) {
    case 'company':
      for (const key of request.resolvedKeys ?? []) add('COMPANY', key);
      add('COMPANY', facetKeys.company(request.spoken));
      break;
    case 'role': {
      const roleKeys = roleKeysOfSpoken(request.role, request.language);
      if (!request.company) {
        for (const key of roleKeys) add('ROLE', key);
        break;
      }
      const companies = [...(request.company.resolvedKeys ?? []), request.company.spoken];
      for (const key of roleKeys) {
        for (const company of companies) add('ROLE', key, `${ENTRY_PREFIX}${roleSortPrefix(company)}`);
      }
      break;
    }
    case 'place': {
      const stateCode = (words: string | undefined) => {
        const code = words ? toStateCode(words) : undefined;
        return code ? facetKeys.state(code) : undefined;
      };
      const city = (words: string | undefined) => (words ? facetKeys.city(words) : undefined);
      // "Portland, Oregon": the city in that state, and nowhere else.
      const both = request.city && request.state ? { city: request.city, state: request.state } : undefined;
      const split = both ?? (request.city && !request.state ? splitCityAndState(request.city) : undefined);
      if (split) {
        const code = toStateCode(split.state);
        if (code) {
          add('PLACE', facetKeys.place(split.city, code));
          break;
        }
      }
      // The slot Alexa filled is the likelier reading; the other one catches "who's in Washington".
      add('STATE', stateCode(request.state));
      add('CITY', city(request.city));
      add('CITY', city(request.state));
      add('STATE', stateCode(request.city));
      break;
    }
    case 'initial': {
      const letter = request.resolvedLetter ? letterOf(request.resolvedLetter) : letterOf(request.heard);
      add('INITIAL', letter ? facetKeys.initial(letter) : undefined);
      break;
    }
  }
  return targets;
}

/** How to name a group whose group item is missing (a directory written by an older importer). */
function fallbackLabel(target: Target, first: ContactSummary | undefined): string {
  switch (target.facet) {
    case 'COMPANY':
      return first?.company ?? target.key;
    case 'CITY':
      return first?.city ?? target.key;
    case 'STATE':
      return stateName(target.key);
    case 'INITIAL':
      return target.key.toUpperCase();
    case 'ROLE':
      return target.key;
    case 'PLACE': {
      const [city, code] = target.key.split('/');
      return first?.city && code ? `${first.city}, ${stateName(code)}` : (city ?? target.key);
    }
  }
}

/** Role entries' sort keys start with this (see `directory-items.ts`). */
const ENTRY_PREFIX = 'ENTRY#';
