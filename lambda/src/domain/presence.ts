import type { PresenceChangeReason } from './events';

/** Whether a person is in the office, as the in/out board knows it. */
export type PresenceStatus = 'IN' | 'OUT';

/**
 * One accepted change of a person's presence. The presence item holds the latest one; the history
 * holds every one, keyed by contact and version.
 */
export interface PresenceRecord {
  readonly contactId: string;
  readonly status: PresenceStatus;
  /** When the change was accepted, ISO 8601 in UTC. */
  readonly changedAt: string;
  /** 1 for a person's first change, then one more for each accepted change. */
  readonly version: number;
  /** Unique per attempted change, so a writer can recognise its own write after a lost reply. */
  readonly changeId: string;
  /** sha256 of the Alexa person or user id that asked for the change; never the id itself. */
  readonly requester: string;
  /** Display fields copied from the contact, so "who's in" needs no second read. */
  readonly fullName: string;
  readonly firstName: string;
  readonly company?: string | undefined;
  /** Also copied, so a person can be picked from a page of the board by title or city. */
  readonly title?: string | undefined;
  readonly city?: string | undefined;
  readonly state?: string | undefined;
  /** Why the change was made; absent means someone said so (`spoken`), as before end of day existed. */
  readonly reason?: PresenceChangeReason | undefined;
}

/**
 * What the presence item holds: a person's latest accepted change and, until the next change has
 * put it in the history, the one before it. Neither is there before the person's first change.
 */
export interface PresenceState {
  readonly current?: PresenceRecord | undefined;
  readonly previous?: PresenceRecord | undefined;
}
