import type { HandlerInput } from 'ask-sdk-core';
import type { ContactSummary } from '../domain/contact';
import type { ContactDetail, IntentName } from '../interaction';
import type { ListPosition } from '../services/browse-service';
import type { Identity } from '../services/identity-service';
import { isIntent } from './request-context';

/** What the speaker asked about themselves, carried through "who are you?" and "remember me". */
export type SelfAction = 'checkIn' | 'checkOut' | 'isIn';

/**
 * What to do with a person once a name is settled: answer a detail, change their presence, or
 * remember them as the speaker (then maybe go on with `followUp` for the speaker).
 */
export type ContactAction =
  | { readonly kind: 'detail'; readonly detail?: ContactDetail | undefined }
  | { readonly kind: 'checkIn' }
  | { readonly kind: 'checkOut' }
  | { readonly kind: 'isIn' }
  | { readonly kind: 'identify'; readonly followUp?: SelfAction | undefined };

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
    }
  | {
      /** "Do you want to hear more?" in the middle of "who's in". */
      readonly type: 'presencePage';
      readonly cursor: string;
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
  readonly pending?: PendingQuestion | undefined;
  /** What was last said, for "repeat". */
  readonly lastSpeech?: { readonly ssml: string; readonly reprompt?: string | undefined } | undefined;
  /** The device's IANA time zone (or the office's), asked once per session. */
  readonly timeZone?: string | undefined;
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

/** Merges `changes` into the session state; a key set to undefined is removed. */
export function updateSessionState(input: HandlerInput, changes: Partial<SessionState>): SessionState {
  if (!input.requestEnvelope.session) return {};
  const next: Record<string, unknown> = { ...getSessionState(input), ...changes };
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
