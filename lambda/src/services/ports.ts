import type { Contact, ContactSummary } from '../domain/contact';
import type { FrontDeskEvent, PresenceChangeReason } from '../domain/events';
import type { Facet } from '../domain/facets';
import type { PersonNames } from '../domain/name-sounds';
import type { PresenceRecord, PresenceState } from '../domain/presence';
import type { Visit } from '../domain/visit';

/**
 * Every store the services need, declared here on the side that uses them. Repositories
 * implement these (`implements ContactReader`); only the composition root knows both sides.
 */

/** Contacts by id and by the spoken forms of their names. */
export interface ContactReader {
  getContact(id: string): Promise<Contact | undefined>;
  /** Up to `limit` contacts known under a normalized spoken form ("jane doe", "jane", "bob"). */
  findContactsBySpokenForm(spokenForm: string, limit: number): Promise<Contact[]>;
}

/** One page of a browse list as the store returns it. */
export interface BrowsePage {
  /** The group's label and how many people it holds; read with the first page only. */
  readonly group?:
    | {
        readonly label: string;
        readonly count: number;
        /** A city's group: the states its people are in, when there are several. */
        readonly states?: readonly string[] | undefined;
      }
    | undefined;
  readonly entries: readonly ContactSummary[];
  /** The sort key to continue after, or undefined when the store has nothing more. */
  readonly after?: string | undefined;
}

/**
 * Browse lists ("who works at Acme"), a page at a time. `within` reads only the entries whose sort
 * key starts with it (a role at one company); such a page has no group.
 */
export interface BrowseReader {
  readFirstPage(facet: Facet, key: string, pageSize: number, within?: string): Promise<BrowsePage>;
  readPageAfter(
    facet: Facet,
    key: string,
    after: string,
    pageSize: number,
    within?: string,
  ): Promise<BrowsePage>;
}

/** A contact filed under a sound key, with the names to compare with what was heard. */
export type SoundsLike = ContactSummary & PersonNames;

/** Contacts whose names sound alike ("did you mean"). */
export interface SoundReader {
  findBySoundKey(soundKey: string, limit: number): Promise<SoundsLike[]>;
}

/** One page of the people who are in, newest first, and where the next page starts. */
export interface PresentPage {
  readonly records: readonly PresenceRecord[];
  /** Opaque; present only when there is at least one more person. */
  readonly cursor?: string | undefined;
}

/** The in/out board: each person's latest change, their history, and who is in. */
export interface PresenceStore {
  getPresence(contactId: string): Promise<PresenceRecord | undefined>;
  /** The latest change and the one before it, read consistently, to decide a change on. */
  getPresenceState(contactId: string): Promise<PresenceState>;
  /** The highest version in the person's history (0: none), read consistently. */
  latestArchivedVersion(contactId: string): Promise<number>;
  /**
   * Replaces the presence item only if it is still at `expectedVersion` (0: none yet), else
   * ConflictError; the item carries `previous` along, so it is not lost before it is archived.
   */
  putPresence(record: PresenceRecord, expectedVersion: number, previous?: PresenceRecord): Promise<void>;
  /** Appends a change to the history; writing the same change again changes nothing. */
  appendChange(record: PresenceRecord): Promise<void>;
  listPresent(limit: number, cursor?: string): Promise<PresentPage>;
  /** How many people are in, counted where they are listed, without reading them out. */
  countPresent(): Promise<number>;
}

/**
 * A speaker's persistent attributes, whatever stores them. The conversation adapts ASK's
 * attributes manager to this, so the identity service stays free of ASK types.
 */
export interface UserAttributes {
  read(): Promise<Record<string, unknown>>;
  write(attributes: Record<string, unknown>): Promise<void>;
}

/**
 * Where accepted changes are announced (EventBridge in AWS, an in-process bus locally). Called
 * only after the store accepted the change; a failure is reported to the caller, never undoes it.
 */
export interface EventPublisher {
  publish(event: FrontDeskEvent): Promise<void>;
}

/**
 * The visitors' book: one day's visits in one partition, so a day's list (and finding a visitor
 * on it) is one Query. Expired visits may still be returned where the store has no TTL: the
 * service ignores them.
 */
export interface VisitStore {
  /** Writes a new visit; never replaces one. */
  putVisit(visit: Visit): Promise<void>;
  /** Up to `limit` visits of the office day `day` (`YYYY-MM-DD`), oldest first. */
  listVisitsOfDay(day: string, limit: number): Promise<Visit[]>;
  /** Sets `leftAt` on a visit that has none yet; ConflictError when it was already closed. */
  closeVisit(visit: Visit, leftAt: string): Promise<void>;
}

/** What signing out the visitors still signed in came to. */
export interface VisitorSignOutReport {
  readonly signedOut: number;
  /** Visits that could not be closed this time; running again retries them. */
  readonly failed: number;
}

/**
 * The visitor desk's part of closing time: every visitor still signed in is signed out as a normal
 * change (a `Visitor Left` event each). Declared here for end of day; the visitor desk implements
 * it. Safe to run twice: a visit already closed is left as it is.
 */
export interface VisitorSignOut {
  /** Signs out every visit still open that began at or before `closingAt`. */
  signOutEveryone(reason: PresenceChangeReason, closingAt: Date): Promise<VisitorSignOutReport>;
}

/** One page of the board read by company or by the time people left, newest first. */
export interface BoardPage {
  readonly records: readonly PresenceRecord[];
  /** Opaque: where the next page starts; present only when at least one more person comes after. */
  readonly next?: string | undefined;
}

/**
 * The in/out board read by company ("who's in from Globex") and by time ("who checked out today"),
 * a page at a time: `after` is a page's `next`, and each page is one read of about one page.
 */
export interface BoardReader {
  /** Up to `limit` people of the company (its normalized key) who are in, newest first. */
  listPresentAt(companyKey: string, limit: number, after?: string): Promise<BoardPage>;
  /** Up to `limit` people who are out and left at or after `since` (ISO 8601), newest first. */
  listLeftSince(since: string, limit: number, after?: string): Promise<BoardPage>;
  /** How many people of the company are in: the length of the list `listPresentAt` pages through. */
  countPresentAt(companyKey: string): Promise<number>;
  /** How many people are out and left at or after `since`: the length of `listLeftSince`'s list. */
  countLeftSince(since: string): Promise<number>;
}
