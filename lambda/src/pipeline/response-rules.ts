import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { SessionState } from '../conversation/session-state';
import type { Random } from '../speech/i18n';
import { enforceEnvelopeLimits } from '../speech/limits';
import { translatorFor } from '../speech/locales';
import { isWellFormedSsml, Ssml, speakDocument } from '../speech/ssml';

/**
 * Request types Alexa accepts no speech, reprompt or card for: the end of a session, Alexa's own
 * questions and reports, and the events of interfaces that play or deliver something.
 */
export function isSilentRequestType(type: string | undefined): boolean {
  return (
    type === 'SessionEndedRequest' ||
    type === 'System.ExceptionEncountered' ||
    type === 'CanFulfillIntentRequest' ||
    (type !== undefined &&
      /^(AudioPlayer|PlaybackController|Messaging|AlexaSkillEvent|Reminders)\./.test(type))
  );
}

/** What may go from the session when a response is too large, first to last (`pending` stays). */
const EXPENDABLE_SESSION_STATE = [
  'lastSpeech',
  'timeZone',
  'lastContactId',
] as const satisfies readonly (keyof SessionState)[];

function requestTypeOf(request: RequestEnvelope): string | undefined {
  const type = (request.request as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : undefined;
}

function localeOf(request: RequestEnvelope): string | undefined {
  const locale = (request.request as { locale?: unknown } | undefined)?.locale;
  return typeof locale === 'string' ? locale : undefined;
}

/**
 * The last word on every response, whichever path made it (a handler, the error handler, the
 * last-resort apology): it runs after ASK, so ASK's response interceptors not running on the error
 * handler's output cannot let anything through.
 * - A request Alexa takes no speech for gets none.
 * - Speech that is not well-formed SSML is replaced by an apology; such a reprompt by the default.
 * - An open session always has a reprompt; a closed one none.
 * - Alexa's size limits hold (`enforceEnvelopeLimits`).
 */
export function applyResponseRules(
  request: RequestEnvelope,
  envelope: ResponseEnvelope,
  random?: Random,
): ResponseEnvelope {
  const response = { ...(envelope.response ?? {}) };
  if (isSilentRequestType(requestTypeOf(request))) {
    delete response.outputSpeech;
    delete response.reprompt;
    delete response.card;
    delete response.shouldEndSession;
  }
  const t = translatorFor(localeOf(request), random);
  // Malformed SSML makes Alexa refuse the whole response: say a short apology instead.
  if (response.outputSpeech?.type === 'SSML' && !isWellFormedSsml(response.outputSpeech.ssml)) {
    const apology = Ssml.join([t.speak('error.generic'), t.speak('error.tryAgain')]);
    response.outputSpeech = { type: 'SSML', ssml: speakDocument(apology.ssml) };
  }
  const reprompt = response.reprompt?.outputSpeech;
  if (reprompt?.type === 'SSML' && !isWellFormedSsml(reprompt.ssml)) delete response.reprompt;
  if (response.shouldEndSession === false && response.outputSpeech && !response.reprompt) {
    response.reprompt = {
      outputSpeech: { type: 'SSML', ssml: speakDocument(t.speak('launch.reprompt').ssml) },
    };
  }
  if (response.shouldEndSession === true) delete response.reprompt;
  return enforceEnvelopeLimits(
    { ...envelope, response },
    {
      truncatedSuffix: t.speak('speech.truncated').ssml,
      expendableSessionAttributes: EXPENDABLE_SESSION_STATE,
    },
  );
}
