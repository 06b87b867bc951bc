import { latestClosingTime } from '../domain/closing-time';
import { facetKeys } from '../domain/facets';
import type { BoardPage, BoardReader } from './ports';

/** How many people one answer names: a short sentence, and the card shows the same. */
export const BOARD_PAGE_SIZE = 8;

/** The company asked about: as heard, and its keys from entity resolution (COMPANY_NAME ids). */
export interface CompanyAsked {
  readonly spoken: string;
  readonly resolvedKeys?: readonly string[] | undefined;
}

/**
 * The in/out board by company and by the time people left. Each answer is one Query (a company
 * heard two ways may take a second when the first finds nobody).
 */
export class BoardService {
  public constructor(
    private readonly reader: BoardReader,
    private readonly clock: () => Date,
    private readonly pageSize: number = BOARD_PAGE_SIZE,
  ) {}

  /** "who's in from Globex": the company's people who are in, newest first. */
  public async whoIsInFrom(company: CompanyAsked): Promise<BoardPage> {
    const companyKeys = [...(company.resolvedKeys ?? []), facetKeys.company(company.spoken)].filter(
      (key, index, all) => key.length > 0 && all.indexOf(key) === index,
    );
    let page: BoardPage = { records: [], more: false };
    for (const key of companyKeys.slice(0, 2)) {
      page = await this.reader.listPresentAt(key, this.pageSize);
      if (page.records.length > 0) break;
    }
    return page;
  }

  /** "who checked out today": the people who are out and left since midnight in `timeZone`. */
  public async whoLeftToday(timeZone: string): Promise<BoardPage> {
    return this.reader.listLeftSince(startOfDay(this.clock(), timeZone).toISOString(), this.pageSize);
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
