import { getIntentName, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { answerAboutId, askForName, askWhichOne } from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { translatorOf } from '../conversation/request-context';
import { answersPending, getSessionState } from '../conversation/session-state';
import { IntentNames } from '../interaction';

/**
 * The answer to "Did you mean Jane Doe?". "yes" answers the question first asked, about that
 * person (or asks which one, when several go by the name); "no" asks for the name again.
 */
export function confirmNameHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => answersPending(input, 'confirmName', IntentNames.yes, IntentNames.no),
    handle: async (input): Promise<Response> => {
      const pending = getSessionState(input).pending;
      if (pending?.type !== 'confirmName') return askForName(input, { kind: 'detail' });
      if (getIntentName(input.requestEnvelope) === IntentNames.yes) {
        const [only, ...others] = pending.candidates;
        if (only && others.length === 0) {
          const answer = await answerAboutId(input, deps, only.id, pending.action);
          if (answer) return answer;
        } else if (only) {
          return askWhichOne(
            input,
            { candidates: pending.candidates, spokenName: pending.suggestedName },
            pending.action,
          );
        }
      }
      return askForName(input, pending.action, translatorOf(input).speak('suggest.declined'));
    },
  };
}
