import type { HandlerInput } from 'ask-sdk-core';
import type { ContactSummary } from '../domain/contact';
import type { ContactDetail } from '../interaction';
import type { ListPosition } from '../services/browse-service';

/** A question Front Desk asked and is waiting for an answer to. */
export type PendingQuestion =
  | {
      /** "Which one?" after a name matched several people. */
      readonly type: 'chooseContact';
      readonly candidates: readonly ContactSummary[];
      readonly spokenName: string;
      readonly detail?: ContactDetail | undefined;
    }
  | {
      /** "Who would you like to know about?" after a question without a name. */
      readonly type: 'askName';
      readonly detail?: ContactDetail | undefined;
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
      readonly detail?: ContactDetail | undefined;
    };

/** What Front Desk remembers for the length of a session (session attributes). */
export interface SessionState {
  /** The person the conversation is about, for "what about her email". */
  readonly lastContactId?: string | undefined;
  readonly pending?: PendingQuestion | undefined;
  /** What was last said, for "repeat". */
  readonly lastSpeech?: { readonly ssml: string; readonly reprompt?: string | undefined } | undefined;
}

export function getSessionState(input: HandlerInput): SessionState {
  // Requests outside a session (some system requests) have no session attributes at all.
  if (!input.requestEnvelope.session) return {};
  return input.attributesManager.getSessionAttributes<SessionState>() ?? {};
}

/** Merges `changes` into the session state; a key set to undefined is removed. */
export function updateSessionState(input: HandlerInput, changes: Partial<SessionState>): SessionState {
  if (!input.requestEnvelope.session) return {};
  const next: Record<string, unknown> = { ...getSessionState(input), ...changes };
  for (const [key, value] of Object.entries(next)) if (value === undefined) delete next[key];
  input.attributesManager.setSessionAttributes(next);
  return next as SessionState;
}

/** What Front Desk remembers about a user across sessions (persistent attributes). */
export interface PersistentState {
  /** Who this voice profile or account is, once they said so. */
  readonly identity?:
    | { readonly contactId: string; readonly firstName: string; readonly fullName: string }
    | undefined;
  /** The last person asked about, so a new session can continue "what about her email". */
  readonly lastContactId?: string | undefined;
}
