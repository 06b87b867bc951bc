import type { RequestInterceptor, ResponseInterceptor } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { ConversationDependencies } from '../conversation/dependencies';
import { canKnowSpeaker } from '../conversation/identity-attributes';
import { type LastContactDependencies, rememberLastContact } from '../conversation/last-contact';
import {
  isAnswerForTheSpeakerOnly,
  isIntent,
  localeOf,
  setTranslator,
  voiceOf,
} from '../conversation/request-context';
import {
  getSessionState,
  pendingQuestionOf,
  takeLastAction,
  updateSessionState,
} from '../conversation/session-state';
import { type IntentName, IntentNames } from '../interaction';
import type { Logger } from '../logger';
import type { Random } from '../speech/i18n';
import { trimSsmlBody } from '../speech/limits';
import { translatorFor } from '../speech/locales';
import { speakBody, speakDocument } from '../speech/ssml';

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

/**
 * Sets what belongs to the request for its handlers: the translator of its locale, picking
 * speech variants with `random` (tests pass a fixed one so speech is predictable).
 */
export function requestContextInterceptor(random?: Random): RequestInterceptor {
  return {
    process: (input) => {
      setTranslator(input, translatorFor(localeOf(input), random));
    },
  };
}

/**
 * Drops a pending question that is not in the shape Front Desk writes, before any handler reads
 * it: session attributes come back from the device, and a question's fields go to the store (a
 * list's position becomes a Query's start key, which DynamoDB refuses with a ValidationException,
 * heard as an apology). Without the question, the request is answered as if none were pending.
 * Also takes the board action the turn before did out of the session (`takeLastAction`): a
 * follow-up carries it on only right after it.
 */
export function pendingQuestionGuardInterceptor(): RequestInterceptor {
  return {
    process: (input) => {
      const state = getSessionState(input);
      if (state.pending !== undefined && pendingQuestionOf(state) === undefined) {
        updateSessionState(input, { pending: undefined });
      }
      takeLastAction(input);
    },
  };
}

/**
 * Logs each request's arrival. The request's id, type and intent come with every line from the
 * request scope the guard opened, whichever logger writes it.
 */
export function requestLoggingInterceptor(logger: Logger): RequestInterceptor {
  return { process: () => logger.info('Request received') };
}

/** Requests that recall who is speaking: only where the speaker can be known, else they ask who. */
const RECALL_THE_SPEAKER: readonly IntentName[] = [
  IntentNames.checkMeIn,
  IntentNames.checkMeOut,
  IntentNames.amIIn,
];

/**
 * Starts reading the speaker's persistent attributes at the start of a request that will need
 * them (a launch's welcome, "check me in", which recalls who is speaking), so the read runs beside
 * the request's other store calls instead of after them: one round trip less. Only there: a lookup
 * that keeps the session open reads them never, and a one-shot answer that remembers the person
 * writes without a read (`rememberNowIfOneShot`).
 */
export function prefetchPersistentAttributesInterceptor(
  deps: Pick<ConversationDependencies, 'personalDevices'>,
): RequestInterceptor {
  return {
    process: (input) => {
      const envelope = input.requestEnvelope;
      if (envelope.session?.new !== true) return;
      // A welcome and "check me in" read who is speaking only when the speaker can be known (a voice
      // profile, or a personal device): otherwise they ask who, and the read would be wasted, and
      // still running after the answer.
      const aboutTheSpeaker =
        envelope.request.type === 'LaunchRequest' || isIntent(input, ...RECALL_THE_SPEAKER);
      if (!aboutTheSpeaker || !canKnowSpeaker(input, deps)) return;
      // The adapter shares this read with the request's own; its failure is reported there.
      input.attributesManager.getPersistentAttributes().catch(() => undefined);
    },
  };
}

/** How much of the last speech "repeat" keeps: the session attributes count toward the response size. */
const REMEMBERED_SPEECH_CHARACTERS = 3000;

/** Remembers what was said (unless it was a repeat) for AMAZON.RepeatIntent. */
export function rememberSpeechInterceptor(): ResponseInterceptor {
  return {
    process: (input, response) => {
      if (response?.shouldEndSession !== false || response.outputSpeech?.type !== 'SSML') return;
      if (isIntent(input, IntentNames.repeat)) return;
      const reprompt = response.reprompt?.outputSpeech;
      const voice = isAnswerForTheSpeakerOnly(input) ? voiceOf(input) : undefined;
      updateSessionState(input, {
        lastSpeech: {
          ssml: speakDocument(
            trimSsmlBody(speakBody(response.outputSpeech.ssml), REMEMBERED_SPEECH_CHARACTERS),
          ),
          reprompt: reprompt?.type === 'SSML' ? reprompt.ssml : undefined,
          ...(voice ? { voice } : {}),
        },
      });
    },
  };
}

/**
 * When a session ends, remembers the person it was about, so a new session can carry on ("what
 * about her email"): one write per session (a read and a write if changed at a SessionEndedRequest,
 * or where the record was read anyway), never per lookup; a one-shot answer may have made the write
 * already, beside its own store calls (`rememberNowIfOneShot`).
 */
export function rememberLastContactInterceptor(deps: LastContactDependencies): ResponseInterceptor {
  return {
    process: async (input, response) => {
      const ending =
        input.requestEnvelope.request.type === 'SessionEndedRequest' || response?.shouldEndSession === true;
      if (ending) await rememberLastContact(input, deps);
    },
  };
}
