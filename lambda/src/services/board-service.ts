import { latestClosingTime } from '../domain/closing-time';
import { facetKeys } from '../domain/facets';
import type { BoardPage, BoardReader } from './ports';

/** How many people one page names: about one page of speech, like the browse lists. */
export const BOARD_PAGE_SIZE = 5;

/** The company asked about: as heard, and its keys from entity resolution (COMPANY_NAME ids). */
export interface CompanyAsked {
  readonly spoken: string;
  readonly resolvedKeys?: readonly string[] | undefined;
}

/**
 * A list of the board, as its first page found it: a company's people who are in (by the company
 * key that found them), or who left since a moment (the day's start when it was asked, so the
 * pages after the first read the same list). Small and plain: it lives in session attributes.
 */
export type BoardList =
  | { readonly by: 'presentAt'; readonly companyKey: string }
  | { readonly by: 'leftSince'; readonly since: string };

/** A page of a board list, and the list it belongs to. */
export interface BoardListPage extends BoardPage {
  readonly list: BoardList;
}

/**
 * The in/out board by company and by the time people left, a page at a time. Each page is one
 * Query (a company heard two ways may take a second when the first finds nobody).
 */
export class BoardService {
  public constructor(
    private readonly reader: BoardReader,
    private readonly clock: () => Date,
    private readonly pageSize: number = BOARD_PAGE_SIZE,
  ) {}

  /** "who's in from Globex": the first page of the company's people who are in, newest first. */
  public async whoIsInFrom(company: CompanyAsked): Promise<BoardListPage> {
    const companyKeys = [...(company.resolvedKeys ?? []), facetKeys.company(company.spoken)].filter(
      (key, index, all) => key.length > 0 && all.indexOf(key) === index,
    );
    let found: BoardListPage = { list: { by: 'presentAt', companyKey: companyKeys[0] ?? '' }, records: [] };
    for (const companyKey of companyKeys.slice(0, 2)) {
      const list: BoardList = { by: 'presentAt', companyKey };
      found = { ...(await this.reader.listPresentAt(companyKey, this.pageSize)), list };
      if (found.records.length > 0) break;
    }
    return found;
  }

  /** "who checked out today": the first page of the people who are out and left since midnight in `timeZone`. */
  public async whoLeftToday(timeZone: string): Promise<BoardListPage> {
    const list: BoardList = { by: 'leftSince', since: startOfDay(this.clock(), timeZone).toISOString() };
    return { ...(await this.reader.listLeftSince(list.since, this.pageSize)), list };
  }

  /** How many people `list` holds now, every page of it ("how many are there"). */
  public countOf(list: BoardList): Promise<number> {
    return list.by === 'presentAt'
      ? this.reader.countPresentAt(list.companyKey)
      : this.reader.countLeftSince(list.since);
  }

  /** The page of `list` that starts after `after` (a page's `next`); the first page without it. */
  public async pageOf(list: BoardList, after?: string): Promise<BoardListPage> {
    const page =
      list.by === 'presentAt'
        ? await this.reader.listPresentAt(list.companyKey, this.pageSize, after)
        : await this.reader.listLeftSince(list.since, this.pageSize, after);
    return { ...page, list };
  }
}

/**
 * Midnight of `at`'s day in `timeZone`, as an instant: the latest moment the zone's clocks showed
 * 00:00, so a day with a daylight-saving change in it starts when its clocks say it did.
 */
export function startOfDay(at: Date, timeZone: string): Date {
  return latestClosingTime(at, MIDNIGHT, timeZone);
}

const MIDNIGHT = { hour: 0, minute: 0 } as const;
