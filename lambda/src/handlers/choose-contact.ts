import type { RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { answerAboutId, lookUpAndAnswer, whichOneQuestion } from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { isIntent, resolvedIds, slotValue, translatorOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import { getSessionState } from '../conversation/session-state';
import { IntentNames, SlotNames } from '../interaction';
import { chooseCandidate, parseOrdinal } from '../services/disambiguation';
import { Ssml } from '../speech/ssml';

/**
 * The answer to "which one?": "the second one", "the one at Acme", "Jane Doe from Globex".
 * Without a pending question, a name in the answer is treated as a fresh lookup.
 */
export function chooseContactHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, IntentNames.chooseContact),
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      const pending = getSessionState(input).pending;
      const name = slotValue(input, SlotNames.name);
      if (pending?.type !== 'chooseContact') {
        if (name) {
          return lookUpAndAnswer(
            input,
            deps,
            { spoken: name, resolvedIds: resolvedIds(input, SlotNames.name) },
            { kind: 'detail', detail: undefined },
          );
        }
        return respond(input, {
          speech: Ssml.join([t.speak('choose.nothingPending'), t.speak('launch.question')]),
          reprompt: t.speak('launch.reprompt'),
        });
      }
      const chosen = chooseCandidate(pending.candidates, {
        ordinal: parseOrdinal(slotValue(input, SlotNames.ordinal)),
        company: slotValue(input, SlotNames.company),
        name,
      });
      if (chosen) {
        const answer = await answerAboutId(input, deps, chosen.id, pending.action);
        if (answer) return answer;
      }
      return respond(input, {
        speech: Ssml.join([t.speak('choose.notUnderstood'), whichOneQuestion(t, pending)]),
        reprompt: t.speak('choose.reprompt'),
      });
    },
  };
}
