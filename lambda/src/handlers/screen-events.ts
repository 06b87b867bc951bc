import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { answerAboutId } from '../conversation/contact-flow';
import type { ConversationDependencies } from '../conversation/dependencies';
import { translatorOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import { openedContactId, USER_EVENT } from '../screens/render-screens';
import { Ssml } from '../speech/ssml';

/**
 * A touch on a screen (`Alexa.Presentation.APL.UserEvent`). Touching a person in a list opens
 * their details, exactly as if their name had been asked for: the summary is spoken and the
 * contact screen shown. A person removed from the directory since the list was shown is said to
 * be gone; any other event is answered with the usual question.
 */
export function screenEventHandler(deps: ConversationDependencies): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === USER_EVENT,
    handle: async (input): Promise<Response> => {
      const contactId = openedContactId(input.requestEnvelope);
      if (contactId) {
        const answer = await answerAboutId(input, deps, contactId, { kind: 'detail' });
        if (answer) return answer;
      }
      const t = translatorOf(input);
      return respond(input, {
        speech: contactId
          ? Ssml.join([t.speak('screen.contactGone'), t.speak('notFound.question')])
          : t.speak('launch.question'),
        reprompt: t.speak('launch.reprompt'),
      });
    },
  };
}
