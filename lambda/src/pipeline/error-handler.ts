import { type ErrorHandler, getRequestType, type HandlerInput } from 'ask-sdk-core';
import type { ConversationDependencies } from '../conversation/dependencies';
import { translatorOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import { getSessionState, replaceSessionState, type SessionState } from '../conversation/session-state';
import { elicitPendingVisitorNameAgain } from '../conversation/visit-flow';
import { FrontDeskError, StoreUnavailableError } from '../errors';
import { IntentNames } from '../interaction';
import { apologyCauseOf } from '../metrics';
import { Ssml } from '../speech/ssml';
import { isSilentRequestType } from './response-rules';

/**
 * A failed turn changes nothing in the conversation: the session goes back to what the request
 * brought, so a question asked before the store failed is still waiting for its answer. After a
 * programming error, though, the pending question is dropped: asking it again would fail again.
 * (Outside the session, a one-shot answer may already have remembered the person it was about for
 * the speaker's next session: `rememberNowIfOneShot`.)
 */
function restoreSession(input: HandlerInput, error: Error): void {
  const session = input.requestEnvelope.session;
  if (!session) return;
  const restored: SessionState = structuredClone(session.attributes ?? {});
  // The board action the turn before did carries on only in the very next turn: a failed turn in
  // between lets it go, unless the failed turn was the follow-up itself ("and Wei too" again).
  // (Read without ASK's helpers, which throw on the malformed envelopes that may have failed.)
  const request = input.requestEnvelope.request as
    | { type?: unknown; intent?: { name?: unknown } }
    | undefined;
  const followUp = request?.type === 'IntentRequest' && request.intent?.name === IntentNames.followUp;
  const attributes = followUp ? restored : { ...restored, lastAction: undefined };
  replaceSessionState(
    input,
    error instanceof FrontDeskError ? attributes : { ...attributes, pending: undefined },
  );
}

/** The question still waiting for an answer (its reprompt, as last said), if there is one. */
function pendingQuestion(input: HandlerInput): Ssml | undefined {
  const state = getSessionState(input);
  const reprompt = state.pending ? state.lastSpeech?.reprompt : undefined;
  if (typeof reprompt !== 'string') return undefined;
  const said = Ssml.fromDocument(reprompt);
  return said.ssml.trim() ? said : undefined;
}

/**
 * The one place errors become speech: an apology that keeps the session open, so nothing ends
 * in silence. Logged by name and message only, never with the request's personal data.
 */
export function apologizingErrorHandler(
  deps: Pick<ConversationDependencies, 'logger' | 'metrics'>,
): ErrorHandler {
  return {
    canHandle: () => true,
    handle: (input, error) => {
      const cause = apologyCauseOf(error);
      if (cause.reason === 'access-denied') {
        // The deployed role lacks a grant: say which, so the fix is one line in the stack.
        deps.logger.error('Store call refused by IAM', {
          action: cause.action,
          resource: cause.resource,
          error: { name: error.name, message: error.message },
        });
      } else {
        deps.logger.error('Request failed', {
          error: { name: error.name, message: error.message, cause: (error as { cause?: unknown }).cause },
        });
      }
      let requestType: string | undefined;
      try {
        requestType = getRequestType(input.requestEnvelope);
      } catch {
        requestType = undefined;
      }
      // Alexa accepts no speech in reply to these.
      if (isSilentRequestType(requestType)) return input.responseBuilder.getResponse();
      restoreSession(input, error);
      deps.metrics.apology(cause.reason);
      const t = translatorOf(input);
      const what = error instanceof StoreUnavailableError ? t.speak('error.store') : t.speak('error.generic');
      const question = pendingQuestion(input);
      if (question) {
        elicitPendingVisitorNameAgain(input);
        return respond(input, {
          speech: Ssml.join([what, t.speak('error.retry'), question]),
          reprompt: question,
        });
      }
      return respond(input, {
        speech: Ssml.join([what, t.speak('error.tryAgain')]),
        reprompt: t.speak('error.reprompt'),
      });
    },
  };
}
