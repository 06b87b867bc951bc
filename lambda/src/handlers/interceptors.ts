import {
  getIntentName,
  getRequestType,
  type HandlerInput,
  type RequestInterceptor,
  type ResponseInterceptor,
} from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { IntentNames } from '../interaction';
import type { Logger } from '../logger';
import { trimSsmlBody } from '../speech/limits';
import { getSessionState, type PersistentState, updateSessionState } from './session-state';

const LOGGER = Symbol.for('frontDesk.logger');

/** The request's logger, with its request id and intent, or `fallback` before the interceptor ran. */
export function loggerOf(input: HandlerInput, fallback: Logger): Logger {
  const attributes = input.attributesManager.getRequestAttributes() as Record<string | symbol, unknown>;
  return (attributes[LOGGER] as Logger | undefined) ?? fallback;
}

/** What every log line of a request carries: its id, its type and, for an intent, the intent's name. */
export function describeRequest(envelope: RequestEnvelope): {
  requestId?: string;
  requestType?: string;
  intent?: string;
} {
  const request = envelope?.request as { requestId?: unknown; type?: unknown; intent?: unknown } | undefined;
  const fields: { requestId?: string; requestType?: string; intent?: string } = {};
  // Cut: these go on every line of the request, and only Alexa's own values are short for sure.
  if (typeof request?.requestId === 'string') fields.requestId = request.requestId.slice(0, 100);
  if (typeof request?.type === 'string') fields.requestType = request.type.slice(0, 100);
  const intent = (request?.intent as { name?: unknown } | undefined)?.name;
  // A malformed intent request is still logged, just without its name.
  if (typeof intent === 'string') fields.intent = intent.slice(0, 100);
  return fields;
}

/** Gives every request a logger carrying its request id and intent, and logs its arrival. */
export function requestLoggingInterceptor(logger: Logger): RequestInterceptor {
  return {
    process: (input) => {
      const child = logger.child(describeRequest(input.requestEnvelope));
      (input.attributesManager.getRequestAttributes() as Record<string | symbol, unknown>)[LOGGER] = child;
      child.info('Request received');
    },
  };
}

/** How much of the last speech "repeat" keeps: the session attributes count toward the response size. */
const REMEMBERED_SPEECH_CHARACTERS = 3000;

function speakBody(ssml: string): string {
  return ssml.replace(/^<speak>/, '').replace(/<\/speak>$/, '');
}

/** Remembers what was said (unless it was a repeat) for AMAZON.RepeatIntent. */
export function rememberSpeechInterceptor(): ResponseInterceptor {
  return {
    process: (input, response) => {
      if (response?.shouldEndSession !== false || response.outputSpeech?.type !== 'SSML') return;
      if (
        getRequestType(input.requestEnvelope) === 'IntentRequest' &&
        getIntentName(input.requestEnvelope) === IntentNames.repeat
      ) {
        return;
      }
      const reprompt = response.reprompt?.outputSpeech;
      updateSessionState(input, {
        lastSpeech: {
          ssml: `<speak>${trimSsmlBody(speakBody(response.outputSpeech.ssml), REMEMBERED_SPEECH_CHARACTERS)}</speak>`,
          reprompt: reprompt?.type === 'SSML' ? reprompt.ssml : undefined,
        },
      });
    },
  };
}

/**
 * When a session ends, remembers the person it was about, so a new session can carry on
 * ("what about her email"). One read and at most one write per session, never per lookup.
 */
export function rememberLastContactInterceptor(logger: Logger): ResponseInterceptor {
  return {
    process: async (input, response) => {
      const ending =
        getRequestType(input.requestEnvelope) === 'SessionEndedRequest' ||
        response?.shouldEndSession === true;
      const lastContactId = getSessionState(input).lastContactId;
      if (!ending || !lastContactId) return;
      try {
        const persistent = (await input.attributesManager.getPersistentAttributes()) as PersistentState;
        if (persistent.lastContactId === lastContactId) return;
        input.attributesManager.setPersistentAttributes({ ...persistent, lastContactId });
        await input.attributesManager.savePersistentAttributes();
      } catch (error) {
        // Losing this convenience must not turn a goodbye into an apology.
        loggerOf(input, logger).warn('Could not remember the last contact', { error });
      }
    },
  };
}
