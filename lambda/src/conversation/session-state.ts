import type { HandlerInput } from 'ask-sdk-core';
import type { ContactSummary } from '../domain/contact';
import { FACETS, type Facet } from '../domain/facets';
import { type ContactDetail, type IntentName, isContactDetail } from '../interaction';
import type { BoardList } from '../services/board-service';
import type { BrowseRequest, ListPosition } from '../services/browse-service';
import type { Identity } from '../services/identity-service';
import { isIntent, requestAttributesOf } from './request-context';

/** What the speaker asked about themselves, carried through "who are you?" and "remember me". */
export type SelfAction = 'checkIn' | 'checkOut' | 'isIn';

/** What can be done about a person on the board, as a follow-up carries it on. */
export type BoardAction = SelfAction | 'when';
const BOARD_ACTIONS: readonly string[] = ['checkIn', 'checkOut', 'isIn', 'when'] satisfies BoardAction[];

/**
 * What to do with a person once a name is settled: answer a detail, change their presence, or
 * remember them as the speaker (then maybe go on with `followUp` for the speaker).
 */
export type ContactAction =
  | { readonly kind: 'detail'; readonly detail?: ContactDetail | undefined }
  | { readonly kind: 'checkIn' }
  | { readonly kind: 'checkOut' }
  | { readonly kind: 'isIn' }
  /** "When did Jane check in": the time of the person's last change. */
  | { readonly kind: 'when' }
  | { readonly kind: 'identify'; readonly followUp?: SelfAction | undefined }
  /** The visitor desk: sign a visitor in to see the person (their name asked for if not given). */
  | { readonly kind: 'visit'; readonly visitor?: VisitorAsHeard | undefined };

/** A visitor's name and company as heard, before the visit is logged. */
export interface VisitorAsHeard {
  readonly name?: string | undefined;
  readonly company?: string | undefined;
}

/** A question Front Desk asked and is waiting for an answer to. */
export type PendingQuestion =
  | {
      /** "Which one?" after a name matched several people. */
      readonly type: 'chooseContact';
      readonly candidates: readonly ContactSummary[];
      readonly spokenName: string;
      /** More people go by the name than the candidates kept. */
      readonly moreThanListed?: boolean | undefined;
      readonly action: ContactAction;
    }
  | {
      /** "Who would you like to know about?" (or "who are you?") after a request without a name. */
      readonly type: 'askName';
      readonly action: ContactAction;
    }
  | {
      /** "Should I remember you as Jane Doe from Acme Corp.?" */
      readonly type: 'confirmIdentity';
      readonly identity: Identity;
      readonly followUp?: SelfAction | undefined;
      /** The voice that asked to be remembered (see `voiceOf`); none when Alexa recognised none. */
      readonly voice?: string | undefined;
    }
  | {
      /** "Do you want to hear more?" in the middle of a list of the board ("who's in", "who left today"). */
      readonly type: 'boardPage';
      readonly list: BoardListKind;
      /** Where the next page starts (opaque), and how many people were read before it. */
      readonly after: string;
      readonly shown: number;
      /** The card lines read so far (the most recent ones when the list is long), numbered. */
      readonly cardLines: readonly string[];
    }
  | {
      /** "Do you want to hear more?" in the middle of a browse list. */
      readonly type: 'listPage';
      readonly position: ListPosition;
      /** The card lines read so far (the most recent ones when the list is long), numbered. */
      readonly cardLines: readonly string[];
    }
  | {
      /** "Did you mean Jane Doe?" after a name nobody has. */
      readonly type: 'confirmName';
      /** The name offered, and the people who go by it (several: "which one?" follows "yes"). */
      readonly suggestedName: string;
      readonly candidates: readonly ContactSummary[];
      /** What was asked about the person in the first place. */
      readonly action: ContactAction;
    }
  | {
      /** The visitor desk asked the visitor's name (Dialog.ElicitSlot) once the host was settled. */
      readonly type: 'visitorName';
      readonly hostId: string;
      readonly company?: string | undefined;
      /** The visit was asked for in a one-shot request: the answer to the name ends the session. */
      readonly oneShot?: boolean | undefined;
    }
  | {
      /** "Portland, Maine or Portland, Oregon?" after a city that is in several states. */
      readonly type: 'choosePlace';
      /** The city as the directory writes it. */
      readonly city: string;
      /** The USPS codes of its states. */
      readonly states: readonly string[];
    };

/** What Front Desk remembers for the length of a session (session attributes). */
export interface SessionState {
  /** The person the conversation is about, for "what about her email". */
  readonly lastContactId?: string | undefined;
  /**
   * In Front Desk's shape whenever a handler reads it: `pendingQuestionGuardInterceptor` drops one
   * that is not (see {@link pendingQuestionOf}) before any handler runs.
   */
  readonly pending?: PendingQuestion | undefined;
  /** What was last said, for "repeat". */
  readonly lastSpeech?:
    | {
        readonly ssml: string;
        readonly reprompt?: string | undefined;
        /** Said for this voice's ears only (staff-only visitor information): repeated to it alone. */
        readonly voice?: string | undefined;
      }
    | undefined;
  /** The device's IANA time zone (or the office's), asked once per session. */
  readonly timeZone?: string | undefined;
  /**
   * The visit signed in during this session, so "I'm leaving" signs that visitor out; with the
   * voice that signed in (none when Alexa recognised none), so another voice's "I'm leaving" does not.
   */
  readonly signedInVisit?: { readonly id: string; readonly voice?: string | undefined } | undefined;
  /** The detail last asked for, so "what about Wei Zhang?" asks the same of him. */
  readonly lastDetail?: ContactDetail | undefined;
  /**
   * What was last done about a person on the board ("check in Priya", "is Priya in", "when did
   * Priya check in"), so "and Wei Zhang too" does the same for him; cleared by a detail asked.
   */
  readonly lastAction?: BoardAction | undefined;
  /** The list page last read, for "the second one", "go back" and "how many are there". */
  readonly lastList?: ListMemory | undefined;
  /** How many times in a row the pending question got an answer that was no answer to it. */
  readonly misses?: number | undefined;
}

/** How many pages of a list "go back" can return through; older pages are read again from the top. */
export const REMEMBERED_PAGES = 10;

/** What a list remembers of the page just read, whatever the list. */
interface PageMemory {
  readonly label: string;
  readonly total?: number | undefined;
  /** The 1-based number of the page just read. */
  readonly page: number;
  /** The 1-based position of the first person of the page just read. */
  readonly firstNumber: number;
  readonly entries: readonly ContactSummary[];
}

/**
 * A browse list last read: what was asked (to read its first page again), where each page read so
 * far started (to go back), and the people of the page just read (to pick one). Small on purpose:
 * it travels in every response.
 */
export interface BrowseListMemory extends PageMemory {
  readonly request: BrowseRequest;
  readonly facet: Facet;
  /** Where each page after the first started (page 2 at [0]), up to the page just read. */
  readonly starts: readonly PageStart[];
}

/** "who's in" itself: the `present` index, newest first. */
export type BoardListKind = BoardList | { readonly by: 'present' };

/** A list of the board last read, remembered the same way as a browse list. */
export interface BoardListMemory extends PageMemory {
  readonly board: BoardListKind;
  /** Where each page after the first started (page 2 at [0]), up to the page just read. */
  readonly starts: readonly BoardPageStart[];
}

/** The list last read: a browse list or a list of the board. */
export type ListMemory = BrowseListMemory | BoardListMemory;

/** Whether the list remembered is one of the board. */
export function isBoardList(list: ListMemory): list is BoardListMemory {
  return 'board' in list;
}

/** Where a page after the first starts: the list's key, the sort key it follows, and how many came before. */
export interface PageStart {
  readonly key: string;
  readonly after: string;
  readonly shown: number;
}

/** Where a page of the board after the first starts: the cursor it follows, and how many came before. */
export interface BoardPageStart {
  readonly after: string;
  readonly shown: number;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isBoardPageStart(value: unknown): value is BoardPageStart {
  const start = value as Partial<Record<keyof BoardPageStart, unknown>> | null;
  return (
    typeof start === 'object' && start !== null && typeof start.after === 'string' && isCount(start.shown)
  );
}

/** Whether a value from the session attributes names a list of the board Front Desk reads. */
export function isBoardListKind(value: unknown): value is BoardListKind {
  const list = value as { by?: unknown; companyKey?: unknown; since?: unknown } | null;
  if (typeof list !== 'object' || list === null) return false;
  switch (list.by) {
    case 'present':
      return true;
    case 'presentAt':
      return typeof list.companyKey === 'string' && list.companyKey.length > 0;
    case 'leftSince':
      return typeof list.since === 'string' && !Number.isNaN(Date.parse(list.since));
    default:
      return false;
  }
}

function isPageStart(value: unknown): value is PageStart {
  const start = value as Partial<Record<keyof PageStart, unknown>> | null;
  return (
    typeof start === 'object' &&
    start !== null &&
    typeof start.key === 'string' &&
    typeof start.after === 'string' &&
    typeof start.shown === 'number' &&
    Number.isInteger(start.shown) &&
    start.shown >= 0
  );
}

function isSummary(value: unknown): value is ContactSummary {
  const entry = value as Partial<Record<keyof ContactSummary, unknown>> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.id === 'string' &&
    typeof entry.fullName === 'string' &&
    ['company', 'title', 'city', 'state'].every(
      (key) =>
        entry[key as keyof ContactSummary] === undefined ||
        typeof entry[key as keyof ContactSummary] === 'string',
    )
  );
}

/** The longest key or sort key a list position may carry (characters; DynamoDB's limits are in bytes). */
const MAX_POSITION_KEY = 256;

function isListPosition(value: unknown): value is ListPosition {
  const position = value as Partial<Record<keyof ListPosition, unknown>> | null;
  return (
    typeof position === 'object' &&
    position !== null &&
    typeof position.facet === 'string' &&
    (FACETS as readonly string[]).includes(position.facet) &&
    typeof position.key === 'string' &&
    position.key.length > 0 &&
    typeof position.label === 'string' &&
    (position.total === undefined ||
      (typeof position.total === 'number' && Number.isInteger(position.total))) &&
    typeof position.shown === 'number' &&
    Number.isInteger(position.shown) &&
    position.shown >= 0 &&
    typeof position.after === 'string' &&
    position.after.length > 0 &&
    // Front Desk's keys are short; DynamoDB refuses a sort key over 1,024 bytes.
    position.key.length <= MAX_POSITION_KEY &&
    position.after.length <= MAX_POSITION_KEY &&
    // A list within a group reads only sort keys that start with its prefix: so did the last one read.
    (position.within === undefined ||
      (typeof position.within === 'string' && position.after.startsWith(position.within))) &&
    (position.company === undefined || typeof position.company === 'string')
  );
}

/**
 * The list last read, or undefined when there is none or the session attributes do not hold one
 * in the shape Front Desk writes (session attributes come back from the device: trust nothing).
 */
export function lastListOf(state: SessionState): ListMemory | undefined {
  const list = state.lastList as
    | Partial<Record<keyof BrowseListMemory | keyof BoardListMemory, unknown>>
    | undefined;
  if (typeof list !== 'object' || list === null) return undefined;
  const page =
    typeof list.label === 'string' &&
    (list.total === undefined || isCount(list.total)) &&
    typeof list.page === 'number' &&
    Number.isInteger(list.page) &&
    list.page >= 1 &&
    typeof list.firstNumber === 'number' &&
    Number.isInteger(list.firstNumber) &&
    list.firstNumber >= 1 &&
    Array.isArray(list.entries) &&
    list.entries.every(isSummary) &&
    Array.isArray(list.starts);
  if (!page) return undefined;
  if ('board' in list) {
    const starts = list.starts as unknown[];
    return isBoardListKind(list.board) && starts.every(isBoardPageStart)
      ? (list as unknown as BoardListMemory)
      : undefined;
  }
  const request = list.request as { by?: unknown } | undefined;
  const valid =
    typeof request === 'object' &&
    request !== null &&
    typeof request.by === 'string' &&
    typeof list.facet === 'string' &&
    (FACETS as readonly string[]).includes(list.facet) &&
    (list.starts as unknown[]).every(isPageStart);
  return valid ? (list as unknown as BrowseListMemory) : undefined;
}

const SELF_ACTIONS: readonly string[] = ['checkIn', 'checkOut', 'isIn'] satisfies readonly SelfAction[];

/**
 * Whether a value from the session attributes is a {@link ContactAction} as Front Desk writes it.
 * Kinds it does not know pass (a later kind is carried, not understood here); the fields of the
 * kinds it knows must hold what they should.
 */
export function isContactAction(value: unknown): value is ContactAction {
  const action = value as { kind?: unknown; detail?: unknown; followUp?: unknown; visitor?: unknown } | null;
  if (typeof action !== 'object' || action === null || typeof action.kind !== 'string') return false;
  if (action.kind === 'detail') {
    return (
      action.detail === undefined || (typeof action.detail === 'string' && isContactDetail(action.detail))
    );
  }
  if (action.kind === 'identify') {
    return (
      action.followUp === undefined ||
      (typeof action.followUp === 'string' && SELF_ACTIONS.includes(action.followUp))
    );
  }
  if (action.kind === 'visit') return action.visitor === undefined || isVisitorAsHeard(action.visitor);
  // Only a kind Front Desk knows: a garbled one must never fall through to a check-in or out.
  return CONTACT_ACTION_KINDS.includes(action.kind);
}

/** Who a speaker says they are, as the identity service remembers it: a contact id and two names. */
function isIdentity(value: unknown): value is Identity {
  const identity = value as
    | { contactId?: unknown; firstName?: unknown; fullName?: unknown }
    | null
    | undefined;
  return (
    typeof identity?.contactId === 'string' &&
    identity.contactId.length > 0 &&
    typeof identity.firstName === 'string' &&
    typeof identity.fullName === 'string'
  );
}

/** A visitor as heard: an object whose name and company are each absent or text. */
function isVisitorAsHeard(value: unknown): value is VisitorAsHeard {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { name, company } = value as { name?: unknown; company?: unknown };
  return (
    (name === undefined || typeof name === 'string') && (company === undefined || typeof company === 'string')
  );
}

const CONTACT_ACTION_KINDS: readonly string[] = [
  'checkIn',
  'checkOut',
  'isIn',
  'when',
  'visit',
] satisfies readonly ContactAction['kind'][];

/**
 * The pending question, if the session holds one in the shape Front Desk writes: the people it
 * names are people, its action an action. Anything else is no question.
 */
export function pendingQuestionOf(state: SessionState): PendingQuestion | undefined {
  const pending = state.pending as Record<string, unknown> | undefined;
  if (typeof pending !== 'object' || pending === null) return undefined;
  const candidatesValid = Array.isArray(pending.candidates) && pending.candidates.every(isSummary);
  switch (pending.type) {
    case 'chooseContact':
      return candidatesValid && typeof pending.spokenName === 'string' && isContactAction(pending.action)
        ? state.pending
        : undefined;
    case 'confirmName':
      return candidatesValid && typeof pending.suggestedName === 'string' && isContactAction(pending.action)
        ? state.pending
        : undefined;
    case 'askName':
      return isContactAction(pending.action) ? state.pending : undefined;
    case 'confirmIdentity':
      return isIdentity(pending.identity) &&
        (pending.voice === undefined || typeof pending.voice === 'string') &&
        (pending.followUp === undefined ||
          (typeof pending.followUp === 'string' && SELF_ACTIONS.includes(pending.followUp)))
        ? state.pending
        : undefined;
    case 'boardPage':
      return isBoardListKind(pending.list) &&
        typeof pending.after === 'string' &&
        isCount(pending.shown) &&
        Array.isArray(pending.cardLines) &&
        pending.cardLines.every((line) => typeof line === 'string')
        ? state.pending
        : undefined;
    case 'listPage':
      // The position becomes the store's start key: one that is not Front Desk's shape is dropped
      // here, not refused by DynamoDB (a ValidationException, heard as an apology).
      return isListPosition(pending.position) &&
        Array.isArray(pending.cardLines) &&
        pending.cardLines.every((line) => typeof line === 'string')
        ? state.pending
        : undefined;
    case 'visitorName':
      return typeof pending.hostId === 'string' && pending.hostId.length > 0 ? state.pending : undefined;
    case 'choosePlace':
      return typeof pending.city === 'string' &&
        Array.isArray(pending.states) &&
        pending.states.every((state) => typeof state === 'string')
        ? state.pending
        : undefined;
    default:
      return undefined;
  }
}

/** How many answers in a row were no answer to the pending question (0 unless the session holds a count). */
export function missesOf(state: SessionState): number {
  return typeof state.misses === 'number' && Number.isFinite(state.misses) ? state.misses : 0;
}

/** The detail last asked for, if the session holds one Front Desk knows. */
export function lastDetailOf(state: SessionState): ContactDetail | undefined {
  const detail = state.lastDetail as unknown;
  return typeof detail === 'string' && isContactDetail(detail) ? detail : undefined;
}

/** The board action last done about a person, if the session holds one Front Desk knows. */
function lastActionOf(state: SessionState): BoardAction | undefined {
  const action = state.lastAction as unknown;
  return typeof action === 'string' && BOARD_ACTIONS.includes(action) ? (action as BoardAction) : undefined;
}

const ACTION_JUST_DONE = Symbol.for('frontDesk.actionJustDone');

/**
 * Moves the board action the turn before did ("check in Priya") from the session to this request,
 * before any handler runs: "and Wei Zhang too" carries it on only in the very next turn, and a
 * list, a question or anything else in between lets it go.
 */
export function takeLastAction(input: HandlerInput): void {
  const state = getSessionState(input);
  if (state.lastAction === undefined) return;
  requestAttributesOf(input)[ACTION_JUST_DONE] = lastActionOf(state);
  updateSessionState(input, { lastAction: undefined });
}

/** The board action the turn just before this one did, if any (see {@link takeLastAction}). */
export function actionJustDone(input: HandlerInput): BoardAction | undefined {
  return requestAttributesOf(input)[ACTION_JUST_DONE] as BoardAction | undefined;
}

export function getSessionState(input: HandlerInput): SessionState {
  // Requests outside a session (some system requests) have no session attributes at all.
  if (!input.requestEnvelope.session) return {};
  return input.attributesManager.getSessionAttributes<SessionState>() ?? {};
}

/**
 * Whether the request answers the question pending of `type` with one of `intents` ("yes" or "no"
 * to "did you mean...?", "more" while a list is read).
 */
export function answersPending(
  input: HandlerInput,
  type: PendingQuestion['type'],
  ...intents: readonly IntentName[]
): boolean {
  return isIntent(input, ...intents) && getSessionState(input).pending?.type === type;
}

/**
 * Merges `changes` into the session state; a key set to undefined is removed. A change to the
 * pending question starts its count of missed answers again.
 */
export function updateSessionState(input: HandlerInput, changes: Partial<SessionState>): SessionState {
  if (!input.requestEnvelope.session) return {};
  const next: Record<string, unknown> = { ...getSessionState(input), ...changes };
  if ('pending' in changes && !('misses' in changes)) delete next.misses;
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
  input.attributesManager.setSessionAttributes(next);
  return next as SessionState;
}

/** Replaces the whole session state (start over, or back to what a failed turn began with). */
export function replaceSessionState(input: HandlerInput, state: SessionState): void {
  if (input.requestEnvelope.session) input.attributesManager.setSessionAttributes({ ...state });
}

/**
 * What Front Desk remembers about a speaker across sessions (persistent attributes): the voice
 * profile's record when Alexa recognised the speaker, else the account's (see `personOrUserIdKey`).
 */
export interface PersistentState {
  /** Who this voice profile or account is, once they said so. */
  readonly identity?: Identity | undefined;
  /** The last person asked about, so a new session can continue "what about her email". */
  readonly lastContactId?: string | undefined;
}
