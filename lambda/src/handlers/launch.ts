import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Logger } from '../logger';
import type { Random } from '../speech/i18n';
import { Ssml } from '../speech/ssml';
import { translatorOf } from './request-context';
import { respond } from './respond';
import type { PersistentState } from './session-state';

export interface LaunchDependencies {
  readonly logger: Logger;
  readonly random?: Random | undefined;
}

/** "open front desk": a welcome (by name for someone Front Desk knows), what it can do, a question. */
export function launchHandler(deps: LaunchDependencies): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
    handle: async (input): Promise<Response> => {
      const t = translatorOf(input, deps.random);
      let firstName: string | undefined;
      try {
        const persistent = (await input.attributesManager.getPersistentAttributes()) as PersistentState;
        firstName = persistent.identity?.firstName || undefined;
      } catch (error) {
        // A welcome without the name beats no welcome: the directory may still be reachable.
        deps.logger.warn('Could not read persistent attributes for the welcome', { error });
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
