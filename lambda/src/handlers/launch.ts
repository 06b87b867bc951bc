import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { ConversationDependencies } from '../conversation/dependencies';
import { canKnowSpeaker } from '../conversation/identity-attributes';
import { translatorOf } from '../conversation/request-context';
import { respond } from '../conversation/respond';
import type { PersistentState } from '../conversation/session-state';
import { Ssml } from '../speech/ssml';

/** "open front desk": a welcome (by name for a voice Front Desk knows), what it can do, a question. */
export function launchHandler(
  deps: Pick<ConversationDependencies, 'logger' | 'personalDevices'>,
): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input);
      let firstName: string | undefined;
      // Welcome back by name only whom "me" can mean here: a known voice, or a personal device.
      if (canKnowSpeaker(input, deps)) {
        try {
          const persistent = (await input.attributesManager.getPersistentAttributes()) as PersistentState;
          firstName = persistent.identity?.firstName || undefined;
        } catch (error) {
          // A welcome without the name beats no welcome: the directory may still be reachable.
          deps.logger.warn('Could not read persistent attributes for the welcome', { error });
        }
      }
      const welcome = firstName
        ? t.speak('launch.welcomeBack', { name: firstName })
        : t.speak('launch.welcome');
      return respond(input, {
        speech: Ssml.join([welcome, t.speak('launch.capabilities'), t.speak('launch.question')]),
        reprompt: t.speak('launch.reprompt'),
      });
    },
  };
}
