import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { openedContactId, USER_EVENT } from '../screens/render-screens';
import { Ssml } from '../speech/ssml';
import { answerAboutId, type ContactFlowDependencies } from './contact-flow';
import { translatorOf } from './request-context';
import { respond } from './respond';

/**
 * A touch on a screen (`Alexa.Presentation.APL.UserEvent`). Touching a person in a list opens
 * their details, exactly as if their name had been asked for: the summary is spoken and the
 * contact screen shown. A person removed from the directory since the list was shown is said to
 * be gone; any other event is answered with the usual question.
 */
export function screenEventHandler(deps: ContactFlowDependencies): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === USER_EVENT,
    handle: async (input): Promise<Response> => {
      const contactId = openedContactId(input.requestEnvelope);
      if (contactId) {
        const answer = await answerAboutId(input, deps, contactId, { kind: 'detail' });
        if (answer) return answer;
      }
      const t = translatorOf(input, deps.random);
      return respond(input, {
        speech: contactId
          ? Ssml.join([t.speak('screen.contactGone'), t.speak('notFound.question')])
          : t.speak('launch.question'),
        reprompt: t.speak('launch.reprompt'),
      });
    },
  };
}
