import type { ContactSummary } from '../domain/contact';
import { type Facet, facetKeys } from '../domain/facets';
import { letterOf } from '../domain/letters';
import { stateName, toStateCode } from '../domain/us-states';
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
  | { readonly by: 'initial'; readonly heard: string; readonly resolvedLetter?: string | undefined };

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
}

export type BrowseResult =
  | { readonly kind: 'nobody' }
  | {
      readonly kind: 'page';
      readonly facet: Facet;
      readonly label: string;
      readonly total?: number | undefined;
      readonly entries: readonly ContactSummary[];
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
      const page = await this.reader.readFirstPage(target.facet, target.key, this.pageSize);
      if (page.entries.length === 0) continue;
      const label = page.group?.label || fallbackLabel(target, page.entries[0]);
      return this.toResult(target, label, page.group?.count, page, 0);
    }
    return { kind: 'nobody' };
  }

  /** The page after `position`; an empty last page when the list turned out shorter than counted. */
  public async nextPage(position: ListPosition): Promise<BrowseResult> {
    const page = await this.reader.readPageAfter(position.facet, position.key, position.after, this.pageSize);
    return this.toResult(position, position.label, position.total, page, position.shown);
  }

  private toResult(
    target: Target,
    label: string,
    total: number | undefined,
    page: BrowsePage,
    shownBefore: number,
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
      firstNumber: shownBefore + 1,
      next:
        more && page.after !== undefined
          ? { facet: target.facet, key: target.key, label, total, shown, after: page.after }
          : undefined,
    };
  }
}

function targetsOf(request: BrowseRequest): Target[] {
  const targets: Target[] = [];
  const add = (facet: Facet, key: string | undefined): void => {
    if (key && !targets.some((target) => target.facet === facet && target.key === key)) {
      targets.push({ facet, key });
    }
  };
  switch (request.by) {
    case 'company':
      for (const key of request.resolvedKeys ?? []) add('COMPANY', key);
      add('COMPANY', facetKeys.company(request.spoken));
      break;
    case 'place': {
      const stateCode = (words: string | undefined) => {
        const code = words ? toStateCode(words) : undefined;
        return code ? facetKeys.state(code) : undefined;
      };
      const city = (words: string | undefined) => (words ? facetKeys.city(words) : undefined);
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
  }
}
