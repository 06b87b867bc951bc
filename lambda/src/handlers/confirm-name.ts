import { getIntentName, getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { IntentNames } from '../interaction';
import { answerAboutId, askForName, askWhichOne, type ContactFlowDependencies } from './contact-flow';
import { translatorOf } from './request-context';
import { getSessionState } from './session-state';

/**
 * The answer to "Did you mean Jane Doe?". "yes" answers the question first asked, about that
 * person (or asks which one, when several go by the name); "no" asks for the name again.
 */
export function confirmNameHandler(deps: ContactFlowDependencies): RequestHandler {
  return {
    canHandle: (input) => {
      if (getRequestType(input.requestEnvelope) !== 'IntentRequest') return false;
      const intent = getIntentName(input.requestEnvelope);
      return (
        (intent === IntentNames.yes || intent === IntentNames.no) &&
        getSessionState(input).pending?.type === 'confirmName'
      );
    },
    handle: async (input): Promise<Response> => {
      const pending = getSessionState(input).pending;
      if (pending?.type !== 'confirmName') return askForName(input, deps, { kind: 'detail' });
      if (getIntentName(input.requestEnvelope) === IntentNames.yes) {
        const [only, ...others] = pending.candidates;
        if (only && others.length === 0) {
          const answer = await answerAboutId(input, deps, only.id, pending.action);
          if (answer) return answer;
        } else if (only) {
          return askWhichOne(input, deps, pending.candidates, pending.suggestedName, pending.action);
        }
      }
      return askForName(
        input,
        deps,
        pending.action,
        translatorOf(input, deps.random).speak('suggest.declined'),
      );
    },
  };
}
