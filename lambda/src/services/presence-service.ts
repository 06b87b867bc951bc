import { createHash, randomUUID } from 'node:crypto';
import { type Contact, fullNameOf } from '../domain/contact';
import type { PresenceRecord, PresenceStatus } from '../domain/presence';
import { ConflictError, StoreUnavailableError } from '../errors';
import { type Logger, silentLogger } from '../logger';
import { type ApologyReason, apologyCauseOf, apologyReasonOf } from '../metrics';
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
}

/** sha256 of an Alexa person or user id, so the history can tell requesters apart without the id. */
export function hashRequester(requesterId: string): string {
  return createHash('sha256').update(requesterId, 'utf8').digest('hex');
}

/** How many times a change is tried when someone else changed the person in between. */
const ATTEMPTS = 2;

/**
 * The in/out board. Changes are conditional writes and every accepted change is kept in a
 * history that is never overwritten. DynamoDB Local (dynalite) has no transactions, so the two
 * writes are ordered to keep this true without them:
 *
 * 1. The presence item at version N holds the whole record of change N.
 * 2. Before replacing it, the history entry of change N is appended (idempotent: the key is the
 *    contact, the version and the change id, and the write refuses to overwrite). If that cannot
 *    be done, the new change is not made.
 * 3. The presence item is replaced only if it is still at version N.
 * 4. The history entry of the new change N+1 is appended. If that fails (or the Lambda dies just
 *    before), nothing is lost: the record is in the presence item, and step 2 of the next change
 *    writes it.
 *
 * So at every moment the history plus the presence item hold every accepted change, and the
 * history alone does once the writer has finished or the person has changed again.
 *
 * Each attempt carries a fresh change id. When a write's reply is lost (a timeout, or the SDK's
 * retry finding the condition already spent by the first attempt), the presence item is read
 * again: if it carries this change id the change did happen and is reported as done.
 */
export class PresenceService {
  private readonly clock: () => Date;
  private readonly newChangeId: () => string;
  private readonly logger: Logger;

  public constructor(
    private readonly store: PresenceStore,
    options: PresenceServiceOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.newChangeId = options.newChangeId ?? randomUUID;
    this.logger = options.logger ?? silentLogger;
  }

  /** The person's latest accepted change, or undefined if they never checked in or out. */
  public getPresence(contactId: string): Promise<PresenceRecord | undefined> {
    return this.store.getPresence(contactId);
  }

  /** The people who are in, most recent first. */
  public whoIsIn(pageSize: number, cursor?: string): Promise<PresentPage> {
    return this.store.listPresent(pageSize, cursor);
  }

  /**
   * Checks a person in or out for `requesterId` (the Alexa person or user id; only its hash is
   * stored). Never throws for the store: every outcome is a {@link PresenceChange}.
   */
  public async setPresence(
    contact: Contact,
    status: PresenceStatus,
    requesterId: string,
  ): Promise<PresenceChange> {
    let current: PresenceRecord | undefined;
    try {
      current = await this.store.getPresence(contact.id);
    } catch (error) {
      return this.failure(error, 'read');
    }
    for (let attempt = 1; ; attempt += 1) {
      if ((current?.status ?? 'OUT') === status) return { kind: 'unchanged', record: current };
      const next = this.nextRecord(contact, status, requesterId, current);
      const outcome = await this.tryWrite(next, current);
      if (outcome.kind !== 'lost') return outcome;
      current = outcome.latest;
      if (attempt >= ATTEMPTS) {
        // Re-decided against the latest state: if it already is what was asked, say so.
        if ((current?.status ?? 'OUT') === status) return { kind: 'unchanged', record: current };
        return { kind: 'conflict', record: current };
      }
    }
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
    };
  }

  private async tryWrite(
    next: PresenceRecord,
    current: PresenceRecord | undefined,
  ): Promise<PresenceChange | { readonly kind: 'lost'; readonly latest: PresenceRecord | undefined }> {
    if (current) {
      try {
        await this.store.appendChange(current);
      } catch (error) {
        // Replacing the presence item now could lose change N for good: make no change instead.
        return this.failure(error, 'repair');
      }
    }
    try {
      await this.store.putPresence(next, current?.version ?? 0);
    } catch (error) {
      if (!(error instanceof ConflictError) && !(error instanceof StoreUnavailableError)) throw error;
      let latest: PresenceRecord | undefined;
      try {
        latest = await this.store.getPresence(next.contactId);
      } catch (readError) {
        // A refused condition proves this attempt wrote nothing, but an earlier SDK attempt may have.
        this.logger.warn('Could not tell whether a presence change was written', {
          error: { name: (readError as Error).name },
        });
        return { kind: 'unknown', reason: apologyReasonOf(readError) };
      }
      if (latest?.changeId === next.changeId) return this.accepted(next);
      if (error instanceof StoreUnavailableError) return this.failure(error, 'write');
      return { kind: 'lost', latest };
    }
    return this.accepted(next);
  }

  private async accepted(record: PresenceRecord): Promise<PresenceChange> {
    try {
      await this.store.appendChange(record);
    } catch (error) {
      // The change happened and is in the presence item; the next change appends it (step 2).
      this.logger.warn('Presence history append deferred to the next change', {
        error: { name: (error as Error).name },
        version: record.version,
      });
    }
    return { kind: 'changed', record };
  }

  private failure(error: unknown, step: string): PresenceChange {
    if (!(error instanceof StoreUnavailableError)) throw error;
    const cause = apologyCauseOf(error);
    if (cause.reason === 'access-denied') {
      this.logger.error('Presence change refused by IAM', {
        step,
        action: cause.action,
        resource: cause.resource,
      });
    } else {
      this.logger.warn('Presence change not made', { step, error: { name: error.name } });
    }
    return { kind: 'failed', reason: cause.reason };
  }
}
