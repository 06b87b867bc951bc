import {
  getIntentName,
  getRequestType,
  type HandlerInput,
  type RequestInterceptor,
  type ResponseInterceptor,
} from 'ask-sdk-core';
import { IntentNames } from '../interaction';
import type { Logger } from '../logger';
import type { Random } from '../speech/i18n';
import { enforceResponseLimits, trimSsmlBody } from '../speech/limits';
import { translatorOf } from './request-context';
import { getSessionState, type PersistentState, updateSessionState } from './session-state';

const LOGGER = Symbol.for('frontDesk.logger');

/** The request's logger, with its request id and intent, or `fallback` before the interceptor ran. */
export function loggerOf(input: HandlerInput, fallback: Logger): Logger {
  const attributes = input.attributesManager.getRequestAttributes() as Record<string | symbol, unknown>;
  return (attributes[LOGGER] as Logger | undefined) ?? fallback;
}

function describeRequest(input: HandlerInput): { requestId?: string; requestType?: string; intent?: string } {
  const request = input.requestEnvelope?.request as { requestId?: unknown; type?: unknown } | undefined;
  const fields: { requestId?: string; requestType?: string; intent?: string } = {};
  if (typeof request?.requestId === 'string') fields.requestId = request.requestId;
  if (typeof request?.type === 'string') fields.requestType = request.type;
  try {
    if (getRequestType(input.requestEnvelope) === 'IntentRequest')
      fields.intent = getIntentName(input.requestEnvelope);
  } catch {
    // A malformed intent request is still logged, just without its name.
  }
  return fields;
}

/** Gives every request a logger carrying its request id and intent, and logs its arrival. */
export function requestLoggingInterceptor(logger: Logger): RequestInterceptor {
  return {
    process: (input) => {
      const child = logger.child(describeRequest(input));
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

/** Keeps every response within Alexa's limits. Registered last, so it sees the final response. */
export function responseLimitsInterceptor(random?: Random): ResponseInterceptor {
  return {
    process: (input, response) => {
      if (!response) return;
      const overhead = Buffer.byteLength(
        JSON.stringify({
          version: '1.0',
          sessionAttributes: input.requestEnvelope.session
            ? input.attributesManager.getSessionAttributes()
            : {},
        }),
        'utf8',
      );
      const limited = enforceResponseLimits(response, {
        truncatedSuffix: translatorOf(input, random).speak('speech.truncated').ssml,
        envelopeOverheadBytes: overhead,
      });
      // Interceptors change the response in place: ASK ignores what they return.
      for (const key of Object.keys(response) as Array<keyof typeof response>) delete response[key];
      Object.assign(response, limited);
    },
  };
}
