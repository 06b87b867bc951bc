import { type ClockTime, latestClosingTime } from '../domain/closing-time';
import type { PresenceRecord } from '../domain/presence';
import { StoreUnavailableError } from '../errors';
import { type Logger, silentLogger } from '../logger';
import type { ChangeAnnouncer } from './change-announcer';
import type { VisitorSignOut, VisitorSignOutReport } from './ports';
import type { PresenceService } from './presence-service';

/** Who the history names as the requester of end-of-day changes (hashed like any requester). */
export const END_OF_DAY_REQUESTER = 'front-desk:end-of-day';

/** What one run of end of day did. */
export interface EndOfDayReport {
  /** The closing time the run cleared the board for, ISO 8601. */
  readonly closingAt: string;
  /** People checked out by this run. */
  readonly checkedOut: number;
  /** People left in because they changed after closing time (or someone else checked them out first). */
  readonly leftAsIs: number;
  /** People the store would not check out this time; a rerun retries them. */
  readonly failed: number;
  /**
   * `Checked Out` events that could not be published (logged and counted by the announcer); the
   * changes stand, and a rerun cannot publish them (see {@link isComplete}).
   */
  readonly eventsFailed: number;
  /** The visitor desk's part, or undefined when no visitor desk is wired in. */
  readonly visitors?: VisitorSignOutReport | undefined;
  /** How many pages of the `present` index were read. */
  readonly pages: number;
}

export interface EndOfDayOptions {
  readonly presence: PresenceService;
  /**
   * Announces each check-out as the skill's check-outs are announced, so a failed publish is logged
   * and counted (`EventsNotPublished`) the same way; without one, no `Checked Out` event is published.
   */
  readonly changes?: ChangeAnnouncer | undefined;
  /** The visitor desk; without one, visitors are left to it. */
  readonly visitors?: VisitorSignOut | undefined;
  /** `OFFICE_CLOSING_TIME`, on the clocks of {@link timeZone}. */
  readonly closingTime: ClockTime;
  /** `OFFICE_TIME_ZONE`. */
  readonly timeZone: string;
  readonly clock?: () => Date;
  readonly logger?: Logger;
  /** People read per Query of the `present` index. Default 100. */
  readonly pageSize?: number;
  /** Check-outs in flight at once. Default 8: fast enough for 5,000 people, gentle on the table. */
  readonly concurrency?: number;
}

/**
 * End of day: checks out everyone still in from before closing time, as the board's usual
 * conditional changes (history entry, reason "end of day", a `Checked Out` event each), then has
 * the visitor desk sign out its visitors. It pages through the `present` index, one Query a page,
 * so a big office is cleared within the Lambda timeout. Running it twice, or while someone checks
 * in, is safe: a person who changed after closing time is left as they are.
 */
export class EndOfDayService {
  private readonly clock: () => Date;
  private readonly logger: Logger;
  private readonly pageSize: number;
  private readonly concurrency: number;

  public constructor(private readonly options: EndOfDayOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger ?? silentLogger;
    this.pageSize = options.pageSize ?? 100;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
  }

  /** The closing time a run at `at` clears the board for: the latest one at or before `at`. */
  public closingTimeAt(at: Date): Date {
    return latestClosingTime(at, this.options.closingTime, this.options.timeZone);
  }

  /**
   * Clears the board for `closingAt` (default: the latest closing time up to now; the local tools
   * pass "now" to close the office at once). Never throws for the store: what it could not do is
   * counted in the report.
   */
  public async run(closingAt: Date = this.closingTimeAt(this.clock())): Promise<EndOfDayReport> {
    let checkedOut = 0;
    let leftAsIs = 0;
    let failed = 0;
    let eventsFailed = 0;
    let pages = 0;
    let cursor: string | undefined;
    do {
      let page: Awaited<ReturnType<PresenceService['whoIsIn']>>;
      try {
        page = await this.options.presence.whoIsIn(this.pageSize, cursor);
      } catch (error) {
        if (!(error instanceof StoreUnavailableError)) throw error;
        this.logger.error('End of day could not read who is in', { error: { name: error.name }, pages });
        failed += 1;
        break;
      }
      pages += 1;
      await inBatches(page.records, this.concurrency, async (record) => {
        const outcome = await this.checkOut(record, closingAt);
        if (outcome === 'checkedOut') checkedOut += 1;
        else if (outcome === 'eventFailed') {
          checkedOut += 1;
          eventsFailed += 1;
        } else if (outcome === 'leftAsIs') leftAsIs += 1;
        else failed += 1;
      });
      cursor = page.cursor;
    } while (cursor !== undefined);
    const visitors = await this.signOutVisitors(closingAt);
    const report: EndOfDayReport = {
      closingAt: closingAt.toISOString(),
      checkedOut,
      leftAsIs,
      failed,
      eventsFailed,
      visitors,
      pages,
    };
    this.logger.info('End of day', { ...report });
    return report;
  }

  private async checkOut(
    record: PresenceRecord,
    closingAt: Date,
  ): Promise<'checkedOut' | 'eventFailed' | 'leftAsIs' | 'failed'> {
    const change = await this.options.presence.checkOutIfInBefore(
      record,
      closingAt,
      END_OF_DAY_REQUESTER,
      'end of day',
    );
    if (change.kind === 'unchanged') return 'leftAsIs';
    if (change.kind !== 'changed') return 'failed';
    const announced = this.options.changes
      ? await this.options.changes.presenceRecorded(change.record, 'end of day')
      : true;
    return announced ? 'checkedOut' : 'eventFailed';
  }

  private async signOutVisitors(closingAt: Date): Promise<VisitorSignOutReport | undefined> {
    if (!this.options.visitors) return undefined;
    try {
      return await this.options.visitors.signOutEveryone('end of day', closingAt);
    } catch (error) {
      this.logger.error('End of day could not sign out the visitors', {
        error: { name: (error as Error).name },
      });
      return { signedOut: 0, failed: 1 };
    }
  }
}

/**
 * Whether a run left anything a rerun could finish: check-outs or visitor sign-outs the store did
 * not take. Events that could not be published do not count: their check-outs stand, so a rerun
 * finds those people out and cannot announce them again. They are logged and counted
 * (`EventsNotPublished`, which its own alarm watches) instead of failing the run for retries that
 * could not help.
 */
export function isComplete(report: EndOfDayReport): boolean {
  return report.failed === 0 && (report.visitors?.failed ?? 0) === 0;
}

/** Runs `work` on every item, at most `limit` at once. */
async function inBatches<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
