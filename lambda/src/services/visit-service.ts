import { randomUUID } from 'node:crypto';
import { officeDayOf } from '../domain/closing-time';
import { type Contact, fullNameOf } from '../domain/contact';
import type { PresenceChangeReason } from '../domain/events';
import { normalizeName } from '../domain/normalize';
import type { Visit } from '../domain/visit';
import { ConflictError, StoreUnavailableError } from '../errors';
import { type Logger, silentLogger } from '../logger';
import type { ChangeAnnouncer } from './change-announcer';
import type { VisitorSignOut, VisitorSignOutReport, VisitStore } from './ports';

/** What became of a visitor signing in. */
export type Arrival =
  /** The visit is in the book; `notified` tells whether the host's event was published. */
  | { readonly kind: 'logged'; readonly visit: Visit; readonly notified: boolean }
  /** The store refused: nothing was logged and nothing was sent. */
  | { readonly kind: 'failed' };

/** What became of a visitor signing out. */
export type Departure =
  | { readonly kind: 'left'; readonly visit: Visit }
  /** The visit was closed already (by someone else, or at closing time). */
  | { readonly kind: 'alreadyLeft'; readonly visit: Visit }
  /** Nobody of that name is signed in today. */
  | { readonly kind: 'notFound' }
  | { readonly kind: 'failed' };

export interface VisitServiceOptions {
  readonly clock?: () => Date;
  /** The office's zone: a visit belongs to the office's day. */
  readonly officeTimeZone: string;
  /** How long a visit is kept (DynamoDB TTL). */
  readonly retentionDays: number;
  readonly newVisitId?: () => string;
  readonly logger?: Logger;
}

/** How many of a day's visits one read covers: a front desk's busiest day, with room to spare. */
export const VISITS_PER_DAY_READ = 200;

const SECONDS_PER_DAY = 86_400;

export { officeDayOf };

/**
 * The visitor desk: visitors sign in to see a host and sign out again; staff ask who is visiting.
 * A visit is written once (one PutItem), then announced (`Visitor Arrived`); signing out is one
 * conditional update, then `Visitor Left`. An event that cannot be published never undoes the
 * visit. Visits expire after the retention period: DynamoDB deletes them in AWS, and every read
 * here ignores expired ones, so a store without TTL behaves the same.
 */
export class VisitService implements VisitorSignOut {
  private readonly clock: () => Date;
  private readonly newVisitId: () => string;
  private readonly logger: Logger;

  public constructor(
    private readonly store: VisitStore,
    private readonly announcer: ChangeAnnouncer,
    private readonly options: VisitServiceOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.newVisitId = options.newVisitId ?? randomUUID;
    this.logger = options.logger ?? silentLogger;
  }

  /** Logs a visit to `host` and tells the host (through the `Visitor Arrived` event). */
  public async arrive(
    host: Contact,
    visitor: { readonly name: string; readonly company?: string | undefined },
  ): Promise<Arrival> {
    const now = this.clock();
    const visit: Visit = {
      id: this.newVisitId(),
      day: officeDayOf(now, this.options.officeTimeZone),
      visitor: { name: visitor.name, ...(visitor.company ? { company: visitor.company } : {}) },
      host: {
        id: host.id,
        name: fullNameOf(host),
        ...(host.company ? { company: host.company } : {}),
        ...(host.email ? { email: host.email } : {}),
        ...(host.phone ? { phone: host.phone } : {}),
      },
      arrivedAt: now.toISOString(),
      expiresAt: Math.floor(now.getTime() / 1000) + this.options.retentionDays * SECONDS_PER_DAY,
    };
    try {
      await this.store.putVisit(visit);
    } catch (error) {
      return this.failure(error, 'arrive');
    }
    const notified = await this.announcer.visitChanged(visit, 'Visitor Arrived');
    return { kind: 'logged', visit, notified };
  }

  /** Today's visits that have not expired, oldest first. */
  public async visitsToday(): Promise<Visit[]> {
    const now = this.clock();
    const visits = await this.store.listVisitsOfDay(
      officeDayOf(now, this.options.officeTimeZone),
      VISITS_PER_DAY_READ,
    );
    const nowSeconds = Math.floor(now.getTime() / 1000);
    return visits.filter((visit) => visit.expiresAt > nowSeconds);
  }

  /** Today's visits of a visitor known by this name, most recent first. */
  public async findVisitsToday(visitorName: string): Promise<Visit[]> {
    const wanted = normalizeName(visitorName);
    if (!wanted) return [];
    return (await this.visitsToday()).filter((visit) => sameVisitor(visit, wanted)).reverse();
  }

  /** Signs out the visitor of this name who is signed in today (the most recent, if several). */
  public async leaveByName(visitorName: string): Promise<Departure> {
    let visits: Visit[];
    try {
      visits = await this.findVisitsToday(visitorName);
    } catch (error) {
      return this.failure(error, 'find');
    }
    const open = visits.find((visit) => !visit.leftAt);
    if (open) return this.close(open);
    const last = visits[0];
    return last ? { kind: 'alreadyLeft', visit: last } : { kind: 'notFound' };
  }

  /** Signs out a visit known by id (the one signed in earlier in this session). */
  public async leaveById(visitId: string): Promise<Departure> {
    let visit: Visit | undefined;
    try {
      visit = (await this.visitsToday()).find((candidate) => candidate.id === visitId);
    } catch (error) {
      return this.failure(error, 'find');
    }
    if (!visit) return { kind: 'notFound' };
    return visit.leftAt ? { kind: 'alreadyLeft', visit } : this.close(visit);
  }

  /**
   * Closing time (end of day calls this): signs out every visitor still signed in who arrived on
   * the office day of `closingAt`, at or before it, each as a normal change with its own `Visitor
   * Left` event. A visit someone else closes meanwhile is left as they closed it, so a rerun is safe.
   */
  public async signOutEveryone(
    _reason: PresenceChangeReason,
    closingAt: Date,
  ): Promise<VisitorSignOutReport> {
    let signedOut = 0;
    let failed = 0;
    const day = officeDayOf(closingAt, this.options.officeTimeZone);
    const nowSeconds = Math.floor(this.clock().getTime() / 1000);
    const visits = await this.store.listVisitsOfDay(day, VISITS_PER_DAY_READ);
    for (const visit of visits) {
      if (visit.leftAt || visit.expiresAt <= nowSeconds || visit.arrivedAt > closingAt.toISOString())
        continue;
      const departure = await this.close(visit);
      if (departure.kind === 'left') signedOut += 1;
      if (departure.kind === 'failed') failed += 1;
    }
    return { signedOut, failed };
  }

  private async close(visit: Visit): Promise<Departure> {
    const leftAt = this.clock().toISOString();
    try {
      await this.store.closeVisit(visit, leftAt);
    } catch (error) {
      if (error instanceof ConflictError) return { kind: 'alreadyLeft', visit };
      return this.failure(error, 'leave');
    }
    const closed: Visit = { ...visit, leftAt };
    await this.announcer.visitChanged(closed, 'Visitor Left');
    return { kind: 'left', visit: closed };
  }

  private failure(error: unknown, step: string): { readonly kind: 'failed' } {
    if (!(error instanceof StoreUnavailableError)) throw error;
    this.logger.warn('Visit change not made', { step, error: { name: error.name } });
    return { kind: 'failed' };
  }
}

/** "Sam Carter" finds Sam Carter's visit, and so does "Sam" or "Carter" alone. */
function sameVisitor(visit: Visit, wanted: string): boolean {
  const name = normalizeName(visit.visitor.name);
  if (name === wanted) return true;
  return name.split(' ').includes(wanted);
}
