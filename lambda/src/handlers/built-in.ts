import { getIntentName, getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { askPendingAgain, notForUs } from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { isIntent, translatorOf, voiceOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import { getSessionState, replaceSessionState, updateSessionState } from '../conversation/session-state';
import { elicitPendingVisitorNameAgain } from '../conversation/visit-flow';
import { IntentNames } from '../interaction';
import { Ssml } from '../speech/ssml';

/** What the built-in intents need: only the log. */
type BuiltInDependencies = Pick<ConversationDependencies, 'logger'>;

/**
 * AMAZON.HelpIntent: what Front Desk can do, then a question: the one still waiting for an answer
 * ("Who should I check in?"), if any, so the answer to it still does what was asked.
 */
export function helpHandler(): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.help),
    handle: (input) => {
      const t = translatorOf(input);
      const pending = getSessionState(input).pending;
      if (pending) return askPendingAgain(input, pending, [t.speak('help.speech')]);
      return respond(input, {
        speech: Ssml.join([t.speak('help.speech'), t.speak('help.question')]),
        reprompt: t.speak('launch.reprompt'),
      });
    },
  };
}

/** Stop, cancel and "go home": a short goodbye, and the session ends. */
export function goodbyeHandler(): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.stop, IntentNames.cancel, IntentNames.navigateHome),
    handle: (input) => {
      updateSessionState(input, { pending: undefined });
      return respond(input, { speech: translatorOf(input).speak('goodbye'), endSession: true });
    },
  };
}

/**
 * "No" to "anything else?" ends the conversation; "yes" asks who. Handlers that ask their own
 * yes/no questions come before this one; a question that a yes or no does not answer ("which
 * one?", "who should I check in?", "what's your name?") is asked again, and "no" to all but
 * "which one?" ends the conversation.
 */
export function yesNoHandler(): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.yes, IntentNames.no),
    handle: (input) => {
      const t = translatorOf(input);
      const pending = getSessionState(input).pending;
      if (pending?.type === 'chooseContact') return askPendingAgain(input, pending, []);
      if (getIntentName(input.requestEnvelope) === IntentNames.no) {
        updateSessionState(input, { pending: undefined });
        return respond(input, { speech: t.speak('goodbye'), endSession: true });
      }
      if (pending) return askPendingAgain(input, pending, []);
      return respond(input, { speech: t.speak('askName.question'), reprompt: t.speak('askName.reprompt') });
    },
  };
}

/**
 * AMAZON.RepeatIntent: says the last thing again, word for word; what was for one recognised
 * voice only (staff-only visitor information) only to that voice.
 */
export function repeatHandler(): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.repeat),
    handle: (input): Response => {
      const t = translatorOf(input);
      const last = getSessionState(input).lastSpeech;
      if (typeof last?.ssml !== 'string') {
        return respond(input, {
          speech: Ssml.join([t.speak('repeat.nothing'), t.speak('launch.question')]),
          reprompt: t.speak('launch.reprompt'),
        });
      }
      if (last.voice !== undefined && last.voice !== voiceOf(input)) {
        return respond(input, {
          speech: Ssml.join([t.speak('repeat.forTheAskerOnly'), t.speak('launch.question')]),
          reprompt: t.speak('launch.reprompt'),
        });
      }
      elicitPendingVisitorNameAgain(input);
      return respond(input, {
        speech: Ssml.fromDocument(last.ssml),
        reprompt:
          typeof last.reprompt === 'string' ? Ssml.fromDocument(last.reprompt) : t.speak('launch.reprompt'),
      });
    },
  };
}

/** AMAZON.StartOverIntent: forgets the conversation so far and asks again. */
export function startOverHandler(): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.startOver),
    handle: (input) => {
      replaceSessionState(input, {});
      const t = translatorOf(input);
      return respond(input, { speech: t.speak('launch.question'), reprompt: t.speak('launch.reprompt') });
    },
  };
}

/**
 * AMAZON.FallbackIntent, and any intent no other handler knows: says what Front Desk can do.
 * While a question is pending, it asks that again once instead of losing it.
 */
export function fallbackHandler(deps: BuiltInDependencies): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest',
    handle: (input) => {
      if (getIntentName(input.requestEnvelope) !== IntentNames.fallback) {
        deps.logger.warn('No handler for intent', { intent: getIntentName(input.requestEnvelope) });
      }
      return notForUs(input);
    },
  };
}

/** SessionEndedRequest: nothing may be said; the reason is logged. */
export function sessionEndedHandler(deps: BuiltInDependencies): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
    handle: (input) => {
      const request = input.requestEnvelope.request as { reason?: string; error?: { type?: string } };
      const fields = { reason: request.reason, errorType: request.error?.type };
      if (request.reason === 'ERROR') deps.logger.warn('Session ended with an error', fields);
      else deps.logger.info('Session ended', fields);
      return input.responseBuilder.getResponse();
    },
  };
}
