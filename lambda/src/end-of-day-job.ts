import type { Config } from './config';
import { EndOfDayIncompleteError } from './errors';
import { type Logger, silentLogger } from './logger';
import { type Metrics, silentMetrics } from './metrics';
import { ChangeAnnouncer } from './services/change-announcer';
import { type EndOfDayReport, EndOfDayService, isComplete } from './services/end-of-day-service';
import type { EventPublisher, PresenceStore, VisitorSignOut } from './services/ports';
import { PresenceService } from './services/presence-service';

/**
 * What EventBridge Scheduler sends the `endOfDay` handler: the stack's schedule puts its own
 * scheduled time in (`<aws.scheduler.scheduled-time>`), so a retry an hour later still clears the
 * board for the closing time it was meant for. Anything else (a hand-run `{}`, garbage) means
 * the latest closing time up to now.
 */
export interface EndOfDayEvent {
  readonly scheduledTime?: unknown;
}

/** What end of day is built from: the office's settings and the stores (and, when wired, the publisher and the visitor desk). */
export interface EndOfDayDependencies {
  readonly config: Pick<Config, 'officeTimeZone' | 'officeClosingTime'>;
  readonly presence: PresenceStore;
  /** The EventBridge publisher; without one, no `Checked Out` event is published. */
  readonly events?: EventPublisher | undefined;
  /** The visitor desk's sign-out; without one, visitors are not signed out. */
  readonly visitors?: VisitorSignOut | undefined;
  readonly clock?: () => Date;
  readonly logger?: Logger;
  /** Counts the events not published (EMF lines in Lambda), as the skill does; nothing unless given. */
  readonly metrics?: Metrics;
  readonly pageSize?: number;
  readonly concurrency?: number;
}

export interface EndOfDayJob {
  readonly service: EndOfDayService;
  /**
   * Runs end of day for a Scheduler event. Resolves with the report when a rerun would have nothing
   * left to do (events that could not be published included: see `isComplete`); rejects with
   * {@link EndOfDayIncompleteError} (carrying the report) when the store left something, so the
   * invocation counts as failed, the alarm sees it and Lambda runs it again.
   */
  handle(event: unknown): Promise<EndOfDayReport>;
}

/** The instant a Scheduler event names, if it names a sensible one (not after `now`). */
export function scheduledTimeOf(event: unknown, now: Date): Date | undefined {
  if (!event || typeof event !== 'object') return undefined;
  const value = (event as EndOfDayEvent).scheduledTime;
  if (typeof value !== 'string' || value.length > 40 || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime()) return undefined;
  return at;
}

/** The composition of the `endOfDay` Lambda handler; `index.ts` gives it the DynamoDB stores. */
export function buildEndOfDayJob(deps: EndOfDayDependencies): EndOfDayJob {
  const clock = deps.clock ?? (() => new Date());
  const logger = deps.logger ?? silentLogger;
  const metrics = deps.metrics ?? silentMetrics;
  // Built as buildSkill builds the skill's: a failed publish is logged and counted alike.
  const changes = deps.events
    ? new ChangeAnnouncer(deps.events, logger, (eventType) => metrics.eventNotPublished(eventType))
    : undefined;
  const service = new EndOfDayService({
    presence: new PresenceService(deps.presence, { clock, logger }),
    changes,
    visitors: deps.visitors,
    closingTime: deps.config.officeClosingTime,
    timeZone: deps.config.officeTimeZone,
    clock,
    logger,
    pageSize: deps.pageSize,
    concurrency: deps.concurrency,
  });
  return {
    service,
    handle: async (event) => {
      const now = clock();
      const report = await service.run(service.closingTimeAt(scheduledTimeOf(event, now) ?? now));
      if (!isComplete(report)) {
        throw new EndOfDayIncompleteError(
          `End of day left work for a rerun: ${report.failed} check-outs failed, ${report.visitors?.failed ?? 0} visitor sign-outs failed`,
          { cause: report },
        );
      }
      return report;
    },
  };
}
