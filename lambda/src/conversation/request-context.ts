import { getIntentName, getLocale, getRequestType, getSlot, type HandlerInput } from 'ask-sdk-core';
import type { Slot } from 'ask-sdk-model';
import type { IntentName } from '../interaction';
import { type Translator, translatorFor } from '../speech/locales';

const TRANSLATOR = Symbol.for('frontDesk.translator');
const FOR_THE_SPEAKER_ONLY = Symbol.for('frontDesk.forTheSpeakerOnly');

type RequestAttributes = Record<string | symbol, unknown>;

/** This request's attributes (ASK's, for this request only), keyed by Front Desk's symbols. */
export function requestAttributesOf(input: HandlerInput): RequestAttributes {
  return input.attributesManager.getRequestAttributes() as RequestAttributes;
}

/** The request's locale, or undefined when the envelope has none (old or odd envelopes). */
export function localeOf(input: HandlerInput): string | undefined {
  try {
    return getLocale(input.requestEnvelope);
  } catch {
    return undefined;
  }
}

/** Sets the request's translator; the pipeline's first request interceptor calls this. */
export function setTranslator(input: HandlerInput, translator: Translator): void {
  requestAttributesOf(input)[TRANSLATOR] = translator;
}

/**
 * The request's translator, as the pipeline set it. Only an error raised before the interceptors
 * ran gets here without one; it then speaks the request's locale with the default variants.
 */
export function translatorOf(input: HandlerInput): Translator {
  const attributes = requestAttributesOf(input);
  const translator = attributes[TRANSLATOR] as Translator | undefined;
  if (translator) return translator;
  const fallback = translatorFor(localeOf(input));
  attributes[TRANSLATOR] = fallback;
  return fallback;
}

/**
 * The voice Alexa recognised on this request (a voice profile), or undefined when it recognised
 * none. A session can pass between voices at a shared Echo: what one voice started, another may
 * not finish as if it were the first.
 */
export function voiceOf(input: HandlerInput): string | undefined {
  const personId = input.requestEnvelope.context?.System?.person?.personId;
  return typeof personId === 'string' && personId.length > 0 ? personId : undefined;
}

/**
 * Marks this request's answer as for the recognised speaker only (staff-only visitor information):
 * "repeat" then says it again to that voice alone.
 */
export function answerForTheSpeakerOnly(input: HandlerInput): void {
  requestAttributesOf(input)[FOR_THE_SPEAKER_ONLY] = true;
}

/** Whether {@link answerForTheSpeakerOnly} marked this request's answer. */
export function isAnswerForTheSpeakerOnly(input: HandlerInput): boolean {
  return requestAttributesOf(input)[FOR_THE_SPEAKER_ONLY] === true;
}

/** Whether the request is an IntentRequest for one of `names`. */
export function isIntent(input: HandlerInput, ...names: readonly IntentName[]): boolean {
  return (
    getRequestType(input.requestEnvelope) === 'IntentRequest' &&
    (names as readonly string[]).includes(getIntentName(input.requestEnvelope))
  );
}

/** The slot's raw value as heard, trimmed, or undefined when empty. */
export function slotValue(input: HandlerInput, slotName: string): string | undefined {
  const slot = safeSlot(input, slotName);
  const value = typeof slot?.value === 'string' ? slot.value.trim() : '';
  return value.length > 0 ? value : undefined;
}

/** The ids entity resolution matched for a slot (custom and dynamic entities), in order. */
export function resolvedIds(input: HandlerInput, slotName: string): string[] {
  const slot = safeSlot(input, slotName);
  const ids: string[] = [];
  const authorities = slot?.resolutions?.resolutionsPerAuthority;
  if (!Array.isArray(authorities)) return ids;
  for (const authority of authorities) {
    if (authority?.status?.code !== 'ER_SUCCESS_MATCH' || !Array.isArray(authority.values)) continue;
    for (const entry of authority.values) {
      const id = entry?.value?.id;
      if (typeof id === 'string' && id.length > 0 && !ids.includes(id)) ids.push(id);
    }
  }
  return ids;
}

function safeSlot(input: HandlerInput, slotName: string): Slot | undefined {
  try {
    const slot = getSlot(input.requestEnvelope, slotName);
    return slot && typeof slot === 'object' ? slot : undefined;
  } catch {
    return undefined;
  }
}
