import { type ErrorHandler, getRequestType } from 'ask-sdk-core';
import { StoreUnavailableError } from '../errors';
import type { Logger } from '../logger';
import type { Random } from '../speech/i18n';
import { Ssml } from '../speech/ssml';
import { loggerOf } from './interceptors';
import { translatorOf } from './request-context';
import { respond } from './respond';

/**
 * The one place errors become speech: an apology that keeps the session open, so nothing ends
 * in silence. Logged by name and message only, never with the request's personal data.
 */
export function apologizingErrorHandler(deps: { logger: Logger; random?: Random | undefined }): ErrorHandler {
  return {
    canHandle: () => true,
    handle: (input, error) => {
      const logger = loggerOf(input, deps.logger);
      logger.error('Request failed', {
        error: { name: error.name, message: error.message, cause: (error as { cause?: unknown }).cause },
      });
      let requestType: string | undefined;
      try {
        requestType = getRequestType(input.requestEnvelope);
      } catch {
        requestType = undefined;
      }
      // Alexa accepts no speech in reply to these.
      if (requestType === 'SessionEndedRequest' || requestType === 'System.ExceptionEncountered') {
        return input.responseBuilder.getResponse();
      }
      const t = translatorOf(input, deps.random);
      const what = error instanceof StoreUnavailableError ? t.speak('error.store') : t.speak('error.generic');
      return respond(input, {
        speech: Ssml.join([what, t.speak('error.tryAgain')]),
        reprompt: t.speak('error.reprompt'),
      });
    },
  };
}
