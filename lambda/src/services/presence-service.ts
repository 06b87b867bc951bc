import { createHash, randomUUID } from 'node:crypto';
import { type Contact, fullNameOf } from '../domain/contact';
import type { PresenceChangeReason } from '../domain/events';
import type { PresenceRecord, PresenceState, PresenceStatus } from '../domain/presence';
import { ConflictError, StoreUnavailableError } from '../errors';
import { type Logger, silentLogger } from '../logger';
import { type ApologyReason, apologyReasonOf, logStoreFailure } from '../metrics';
import { afterCallsStartedNow } from '../store-turns';
import type { PresenceStore, PresentPage } from './ports';

/**
 * What became of a requested check-in or check-out. Only `changed` means the board was written;
 * `unknown` means the store stopped answering at the moment that would tell.
 */
export type PresenceChange =
  | { readonly kind: 'changed'; readonly record: PresenceRecord }
  /** The person already was in (or out); `record` is how they got there, if they ever did. */
  | { readonly kind: 'unchanged'; readonly record?: PresenceRecord | undefined }
  /** Someone else kept changing the person at the same moment; `record` is where they left it. */
  | { readonly kind: 'conflict'; readonly record?: PresenceRecord | undefined }
  /** The store refused or failed, and nothing was written; `reason` is what the apology counts under. */
  | { readonly kind: 'failed'; readonly reason: ApologyReason }
  | { readonly kind: 'unknown'; readonly reason: ApologyReason };

export interface PresenceServiceOptions {
  readonly clock?: () => Date;
  readonly newChangeId?: () => string;
  readonly logger?: Logger;
  /**
   * Takes the history append of step 3 once the presence write is confirmed, for the caller to
   * wait for later (the skill: before its answer goes out, `keepUntilAnswered`), so that what the
   * user waits for next (the event) need not wait for it too; returns false when nothing will
   * wait for it. Without it, or when it returns false, a change waits for both writes.
   */
  readonly keepArchiving?: ((append: Promise<void>) => boolean) | undefined;
}

/** sha256 of an Alexa person or user id, so the history can tell requesters apart without the id. */
export function hashRequester(requesterId: string): string {
  return createHash('sha256').update(requesterId, 'utf8').digest('hex');
}

/** The presence item as read to decide a change, and the newest version the history holds. */
interface ReadForChange {
  readonly state: PresenceState;
  readonly archivedVersion: number;
}

/**
 * Step 1 of a change, started before the person is known for sure ({@link PresenceService.readAhead}):
 * when Alexa resolved the name to one id, the board is read beside the directory instead of after
 * it. Used only by a change of that same person in the same request.
 */
export interface PresenceReadAhead {
  readonly contactId: string;
  readonly read: Promise<ReadForChange>;
}

/** How many times a change is tried when someone else changed the person in between. */
const ATTEMPTS = 2;

/**
 * The in/out board. Changes are conditional writes and every accepted change is kept in a
 * history that is never overwritten. DynamoDB Local (dynalite) has no transactions, so the writes
 * are ordered to keep this true without them, in two sequential store round trips per change:
 *
 * 1. The presence item at version V holds the whole record of change V and of change V-1 (its
 *    `previous`). Read it, and in parallel the version of the newest history entry.
 * 2. If change V-1 is not in the history yet (its append failed, or the writer died), append it
 *    first (idempotent: the key is the contact, the version and the change id, and the write
 *    refuses to overwrite). If that cannot be done, the new change is not made. This is the rare
 *    third round trip.
 * 3. In parallel: replace the presence item with change V+1 carrying V as its `previous`, only if
 *    it is still at version V; and append change V to the history. If the append fails (or the
 *    Lambda dies), nothing is lost: V is still in the presence item, and step 2 of the next change
 *    appends it before the item lets go of it. So the change is done once the presence write is
 *    confirmed: with `keepArchiving`, it is reported then, and the append finishes beside what
 *    comes next (the skill's event), before the answer goes out.
 *
 * So at every moment the history plus the presence item hold every accepted change: the history
 * holds every change up to V-1 before the item stops holding V-1. The history alone lags the
 * board by one change (two after a failed append) until the next change; `listChanges` of the
 * repository returns both together.
 *
 * Each attempt carries a fresh change id. When a write's reply is lost (a timeout, or the SDK's
 * retry finding the condition already spent by the first attempt), the presence item is read
 * again: if it carries this change id the change did happen and is reported as done.
 */
export class PresenceService {
  private readonly clock: () => Date;
  private readonly newChangeId: () => string;
  private readonly logger: Logger;
  private readonly keepArchiving: ((append: Promise<void>) => boolean) | undefined;

  public constructor(
    private readonly store: PresenceStore,
    options: PresenceServiceOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.newChangeId = options.newChangeId ?? randomUUID;
    this.logger = options.logger ?? silentLogger;
    this.keepArchiving = options.keepArchiving;
  }

  /** The person's latest accepted change, or undefined if they never checked in or out. */
  public getPresence(contactId: string): Promise<PresenceRecord | undefined> {
    return this.store.getPresence(contactId);
  }

  /** The people who are in, most recent first. */
  public whoIsIn(pageSize: number, cursor?: string): Promise<PresentPage> {
    return this.store.listPresent(pageSize, cursor);
  }

  /** How many people are in ("who's in", then "how many are there"). */
  public countIn(): Promise<number> {
    return this.store.countPresent();
  }

  /**
   * Starts step 1 of a change of `contactId` now, for {@link setPresence} to use: one round trip
   * less when the person's id is known before their directory entry is read. Reading earlier is
   * as safe as reading later: the write is conditional on the version read, and after a lost race
   * the latest state decides again. A read-ahead that fails is reported by the change that uses it;
   * one that nothing uses is dropped.
   */
  public readAhead(contactId: string): PresenceReadAhead {
    const read = this.readForChange(contactId);
    read.catch(() => undefined);
    return { contactId, read };
  }

  /**
   * Checks a person in or out for `requesterId` (the Alexa person or user id; only its hash is
   * stored), with the board as read by `readAhead` if it was read for this person. Never throws
   * for the store: every outcome is a {@link PresenceChange}.
   */
  public setPresence(
    contact: Contact,
    status: PresenceStatus,
    requesterId: string,
    readAhead?: PresenceReadAhead,
  ): Promise<PresenceChange> {
    const firstRead = readAhead?.contactId === contact.id ? readAhead.read : undefined;
    return this.change(
      contact.id,
      (current) =>
        (current?.status ?? 'OUT') === status
          ? undefined
          : this.nextRecord(contact, status, requesterId, current),
      firstRead,
    );
  }

  /**
   * Checks out a person who is still in from before `cutoff` (closing time), as a change made by
   * `requesterId` for `reason`. `seen` is the person as a list showed them, possibly stale: the
   * decision is made on the presence item as it is now, the write is conditional on its version,
   * and after a lost race the latest state decides again, so a change made after `cutoff` (a
   * check-in at 7:01 PM) is never undone. The same steps as {@link setPresence}; never throws for
   * the store.
   */
  public checkOutIfInBefore(
    seen: PresenceRecord,
    cutoff: Date,
    requesterId: string,
    reason: PresenceChangeReason,
  ): Promise<PresenceChange> {
    return this.change(seen.contactId, (current) =>
      current?.status !== 'IN' || Date.parse(current.changedAt) > cutoff.getTime()
        ? undefined
        : {
            ...current,
            status: 'OUT',
            changedAt: this.clock().toISOString(),
            version: current.version + 1,
            changeId: this.newChangeId(),
            requester: hashRequester(requesterId),
            reason,
          },
    );
  }

  /**
   * One change of one person's presence: `decide` says, from the latest accepted change, what the
   * next one is (undefined: there is nothing to do). After a lost race the latest state decides
   * again; after {@link ATTEMPTS} lost races, a change still to be made is a conflict.
   */
  private async change(
    contactId: string,
    decide: (current: PresenceRecord | undefined) => PresenceRecord | undefined,
    firstRead?: Promise<ReadForChange>,
  ): Promise<PresenceChange> {
    let read: ReadForChange;
    try {
      read = await (firstRead ?? this.readForChange(contactId));
    } catch (error) {
      return this.failure(error, 'read');
    }
    for (let attempt = 1; ; attempt += 1) {
      const current = read.state.current;
      const next = decide(current);
      if (!next) return { kind: 'unchanged', record: current };
      if (attempt > ATTEMPTS) return { kind: 'conflict', record: current };
      const outcome = await this.tryWrite(next, read);
      if (outcome.kind !== 'lost') return outcome;
      read = outcome.latest;
    }
  }

  /** Step 1: the presence item and how far the history goes, in one round trip. */
  private async readForChange(contactId: string): Promise<ReadForChange> {
    const [state, archivedVersion] = await Promise.all([
      this.store.getPresenceState(contactId),
      this.store.latestArchivedVersion(contactId),
    ]);
    return { state, archivedVersion };
  }

  private nextRecord(
    contact: Contact,
    status: PresenceStatus,
    requesterId: string,
    current: PresenceRecord | undefined,
  ): PresenceRecord {
    return {
      contactId: contact.id,
      status,
      changedAt: this.clock().toISOString(),
      version: (current?.version ?? 0) + 1,
      changeId: this.newChangeId(),
      requester: hashRequester(requesterId),
      fullName: fullNameOf(contact),
      firstName: contact.firstName,
      ...(contact.company ? { company: contact.company } : {}),
      ...(contact.title ? { title: contact.title } : {}),
      ...(contact.city ? { city: contact.city } : {}),
      ...(contact.state ? { state: contact.state } : {}),
    };
  }

  private async tryWrite(
    next: PresenceRecord,
    read: ReadForChange,
  ): Promise<PresenceChange | { readonly kind: 'lost'; readonly latest: ReadForChange }> {
    const { current, previous } = read.state;
    if (previous && read.archivedVersion < previous.version) {
      // Step 2: the presence item is about to let go of V-1; the history must have it first.
      try {
        await this.store.appendChange(previous);
      } catch (error) {
        return this.failure(error, 'repair');
      }
    }
    // Step 3: both writes at once. The append of V may fail without harm: V stays in the item. It
    // starts a turn after the presence write, which goes out first: the answer waits for that one.
    const writing = this.store.putPresence(next, current?.version ?? 0, current);
    const archiving = current ? this.archiveAfterTurn(current) : undefined;
    const [written] = await Promise.allSettled([writing]);
    if (written.status === 'fulfilled') {
      if (archiving && !this.keepArchiving?.(archiving)) await archiving;
      return { kind: 'changed', record: next };
    }
    await archiving;
    const error: unknown = written.reason;
    if (!(error instanceof ConflictError) && !(error instanceof StoreUnavailableError)) throw error;
    let latest: ReadForChange;
    try {
      latest = await this.readForChange(next.contactId);
    } catch (readError) {
      // A refused condition proves this attempt wrote nothing, but an earlier SDK attempt may have.
      this.logger.warn('Could not tell whether a presence change was written', {
        error: { name: (readError as Error).name },
      });
      return { kind: 'unknown', reason: apologyReasonOf(readError) };
    }
    if (latest.state.current?.changeId === next.changeId) return { kind: 'changed', record: next };
    if (error instanceof StoreUnavailableError) return this.failure(error, 'write');
    return { kind: 'lost', latest };
  }

  /**
   * Appends `record` (change V of step 3) once the presence write started beside it has gone out.
   * Never rejects: a failed append is {@link deferred}.
   */
  private archiveAfterTurn(record: PresenceRecord): Promise<void> {
    return afterCallsStartedNow()
      .then(() => this.store.appendChange(record))
      .catch((error: unknown) => this.deferred(error, record));
  }

  /** A history append that failed: the record is still in the presence item, and the next change appends it. */
  private deferred(error: unknown, record: PresenceRecord | undefined): void {
    this.logger.warn('Presence history append deferred to the next change', {
      error: { name: (error as Error).name },
      version: record?.version,
    });
  }

  private failure(error: unknown, step: string): PresenceChange {
    if (!(error instanceof StoreUnavailableError)) throw error;
    const cause = logStoreFailure(
      this.logger,
      error,
      { refused: 'Presence change refused by IAM', failed: 'Presence change not made' },
      { step },
    );
    return { kind: 'failed', reason: cause.reason };
  }
}
